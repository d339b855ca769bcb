import type { Rule, RuleSpec } from "../engine/model";
import { parseBasis } from "../engine/parseBasis";
import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import { CONTRACT } from "./inputMapping";
import { normalizeName } from "./normalizeName";

/** The Instruments driver fields with their aliases ("Number of Parties" → Parties). */
const DRIVER_FIELDS = (CONTRACT.find((c) => c.name === "Instruments")?.fields ?? []).filter(
  (f) => f.name === "Parties" || f.name === "Budget",
);

/** Participants are listed as "CMS, AEWA", "CMS; AEWA", "CMS/AEWA" or "CMS and AEWA". */
const PARTICIPANT_SEPARATOR = /\s*[,;/\n]\s*|\s+and\s+/i;

/**
 * Reads the Rules sheet: one rule per unit, its Method and Basis parsed by the engine's
 * parseBasis, its participants as written, and its Min/Max as fractions.
 */
export function readRules(sheet: FoundSheet, reader: CellReader): Rule[] {
  const rules: Rule[] = [];
  const seenAt = new Map<string, number>();
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const unitRef = sheet.cell(row, "Unit");
    const methodRef = sheet.cell(row, "Method");
    if (unitRef === undefined || methodRef === undefined) continue;
    const unit = reader.requiredText(unitRef, "type the common service this rule shares");
    const beforeMethod = reader.problems.length;
    const method = reader.text(methodRef);
    const basisRef = sheet.cell(row, "Basis");
    const basis = basisRef === undefined ? undefined : reader.text(basisRef);
    // Parsed only when both cells could be read, so that an error value is not reported twice.
    const parsed =
      reader.problems.length === beforeMethod ? parseBasis(method ?? "", basis ?? "") : undefined;
    if (parsed !== undefined && !parsed.ok) {
      const aboutMethod = /^(The rule has no Method|Method ')/.test(parsed.message);
      reader.report(aboutMethod || basisRef === undefined ? methodRef : basisRef, parsed.message);
    }
    const participantsRef = sheet.cell(row, "Participants");
    const participantsText = participantsRef === undefined ? undefined : reader.text(participantsRef);
    const min = bound(sheet.cell(row, "Min"), reader);
    const max = bound(sheet.cell(row, "Max"), reader);
    if (reader.problems.length > before || parsed === undefined || !parsed.ok) continue;
    if (unit === undefined) continue;
    const earlier = seenAt.get(normalizeName(unit));
    if (earlier !== undefined) {
      reader.report(unitRef, `Unit '${unit}' has two rules: also on row ${earlier}; keep one`);
      continue;
    }
    seenAt.set(normalizeName(unit), row.row);
    rules.push({
      unit,
      spec: withDriverNames(parsed.spec),
      participants: (participantsText ?? "")
        .split(PARTICIPANT_SEPARATOR)
        .map((t) => t.trim())
        .filter((t) => t !== ""),
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return rules;
}

/** A Min or Max share: 2%, 0.02 or 2 (a plain number above 1 is a percent), from 0% to 100%. */
function bound(ref: CellRef | undefined, reader: CellReader): number | undefined {
  if (ref === undefined) return undefined;
  const value = reader.percent(ref, { plainAbove1: true });
  if (value !== undefined && (value < 0 || value > 1)) {
    reader.report(
      ref,
      `${ref.field} must be a percentage from 0% to 100%, found ${describeValue(ref.value)}`,
    );
    return undefined;
  }
  return value;
}

/**
 * A basis naming a driver by an alias ("Number of Parties") names the column the reader stores
 * under its canonical name (Parties), whatever header the Instruments sheet uses.
 */
function withDriverNames(spec: RuleSpec): RuleSpec {
  const canonical = (name: string) =>
    DRIVER_FIELDS.find((f) => [f.name, ...f.aliases].some((n) => normalizeName(n) === normalizeName(name)))
      ?.name ?? name;
  if (spec.method === "driver") return { ...spec, driver: canonical(spec.driver) };
  if (spec.method === "hybrid") {
    return {
      ...spec,
      parts: spec.parts.map((p) => (p.basis === "equal" ? p : { ...p, basis: canonical(p.basis) })),
    };
  }
  return spec;
}
