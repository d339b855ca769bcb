import type { SupportMethod } from "../model";
import { problemAt, type Problem } from "../problem";
import { supportReach } from "../supportReach";
import type { SupportLinks } from "./linkSupport";
import type { UnitTable } from "./UnitTable";

/**
 * Where each support unit's cost finally lands among the operating units, by the reciprocal or
 * the step-down method: reach[t][o] is the fraction of support unit t's cost (t in
 * links.providers order) that reaches operating unit operating[o]. Undefined after a problem.
 */
export function reachOperatingUnits(
  method: SupportMethod,
  links: SupportLinks,
  units: UnitTable,
  operating: readonly number[],
  problems: Problem[],
): number[][] | undefined {
  const S = links.providers.length;
  if (S === 0) return [];
  const supportSlot = new Map(links.providers.map((p, t) => [p, t]));
  const operatingSlot = new Map(operating.map((u, o) => [u, o]));
  const A = links.providers.map(() => new Array<number>(S).fill(0));
  const B = operating.map(() => new Array<number>(S).fill(0));
  links.receivers.forEach((list, t) => {
    for (const l of list) {
      const s = supportSlot.get(l.unit);
      if (s !== undefined) A[s][t] += l.share;
      else B[operatingSlot.get(l.unit) as number][t] += l.share;
    }
  });
  const outcome = supportReach(method, A, B);
  if (!outcome.ok) {
    const p = links.providers[outcome.unit];
    problems.push(
      problemAt(
        links.firstRow[outcome.unit],
        "Share",
        `Support unit '${units.list[p].name}': ${outcome.message}`,
      ),
    );
    return undefined;
  }
  return outcome.reach;
}
