import { formatPercent } from "../formatPercent";
import type { SupportLink } from "../model";
import { problemAt, type Problem, type SourceRef } from "../problem";
import { nameKey } from "./nameKey";
import type { UnitTable } from "./UnitTable";

/** Tolerance on "adds up to 100%": a hundredth of a percent. */
export const SUM_TOLERANCE = 1e-4;

/** The Support sheet read: each support unit with the units it serves. */
export interface SupportLinks {
  /** Support unit numbers (UnitTable), in the order they first appear in the Support sheet. */
  providers: number[];
  /** For each provider (same order): the units it serves with their shares. */
  receivers: { unit: number; share: number; source: SourceRef }[][];
  /** For each provider: its first Support row. */
  firstRow: SourceRef[];
}

/**
 * Reads the support links: marks the support units, checks each share (0–100%, no unit serving
 * itself or listed twice, receivers that exist) and that each provider's shares add up to 100%.
 */
export function linkSupport(
  links: readonly SupportLink[],
  units: UnitTable,
  providers: ReadonlySet<string>,
  problems: Problem[],
): SupportLinks {
  const out: SupportLinks = { providers: [], receivers: [], firstRow: [] };
  const slot = new Map<number, number>();
  // A unit with costs or a rule is known before the Support sheet is read.
  const known = units.list.length;
  for (const link of links) {
    const p = units.index(link.provider);
    const provider = units.list[p];
    let t = slot.get(p);
    if (t === undefined) {
      provider.support = true;
      t = out.providers.length;
      slot.set(p, t);
      out.providers.push(p);
      out.receivers.push([]);
      out.firstRow.push(link.source);
    }
    const list = out.receivers[t];
    const r = nameKey(link.receiver);
    if (nameKey(link.provider) === r) {
      problems.push(
        problemAt(link.source, "Receiver", `Support unit '${link.provider}' cannot serve itself.`),
      );
      continue;
    }
    if (!Number.isFinite(link.share) || link.share < 0 || link.share > 1) {
      problems.push(
        problemAt(
          link.source,
          "Share",
          `The share of '${link.provider}' going to '${link.receiver}' must be a percentage from 0% to 100%.`,
        ),
      );
      continue;
    }
    const existing = units.find(link.receiver);
    if (existing !== undefined && list.some((l) => l.unit === existing)) {
      problems.push(
        problemAt(
          link.source,
          "Receiver",
          `Support unit '${link.provider}' lists '${link.receiver}' more than once.`,
        ),
      );
      continue;
    }
    const servesKnownUnit = existing !== undefined && existing < known;
    if (!providers.has(r) && !servesKnownUnit) {
      problems.push(
        problemAt(
          link.source,
          "Receiver",
          `'${link.receiver}' receives support from '${link.provider}', but it is neither a support unit nor a unit with posts, budget lines or a rule.`,
        ),
      );
      continue;
    }
    const receiver = units.index(link.receiver);
    list.push({ unit: receiver, share: link.share, source: link.source });
    if (!providers.has(r)) units.list[receiver].receives = true;
  }
  out.providers.forEach((p, t) => {
    const rows = links.filter((l) => units.find(l.provider) === p);
    const sum = rows.reduce((a, l) => a + (Number.isFinite(l.share) ? l.share : 0), 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      problems.push(
        problemAt(
          out.firstRow[t],
          "Share",
          supportSumMessage(
            units.list[p].name,
            sum,
            rows.map((l) => l.source.row),
          ),
        ),
      );
    }
  });
  return out;
}

/** Why a support unit's shares, found on these Support rows, are refused: they add up to `sum`, not 100%. */
export function supportSumMessage(unit: string, sum: number, rows: readonly number[]): string {
  return `The shares of support unit '${unit}' add up to ${formatPercent(sum)} (Support ${rows.length === 1 ? "row" : "rows"} ${rows.join(", ")}); they must add up to 100%.`;
}
