import type { SupportMethod } from "./model";
import { solveReciprocal } from "./solveReciprocal";

/** Where each support unit's own cost finally lands: reach[t][u] = fraction of unit t's cost reaching operating unit u. */
export type ReachOutcome = { ok: true; reach: number[][] } | { ok: false; message: string; unit: number };

/**
 * Follows support costs through the support units to the operating units. `toSupport[s][t]` is
 * the share of support unit t's effort that support unit s receives; `toOperating[u][t]` the
 * share operating unit u receives. Reciprocal: x = e_t + A·x for each t, then reach = B·x.
 * Step-down (units in the given order): shares to units already closed are dropped and the rest
 * re-proportioned, so each unit's reach is its direct shares plus its shares of later units' reach.
 */
export function supportReach(
  method: SupportMethod,
  toSupport: number[][],
  toOperating: number[][],
): ReachOutcome {
  const s = toSupport.length;
  const o = toOperating.length;
  const reach: number[][] = Array.from({ length: s }, () => new Array<number>(o).fill(0));
  if (method === "reciprocal") {
    for (let t = 0; t < s; t++) {
      const e = new Array<number>(s).fill(0);
      e[t] = 1;
      const solved = solveReciprocal(e, toSupport);
      if (!solved.ok) return { ok: false, message: solved.message, unit: solved.row ?? solved.col ?? t };
      for (let u = 0; u < o; u++) {
        let v = 0;
        for (let k = 0; k < s; k++) v += toOperating[u][k] * solved.totals[k];
        reach[t][u] = v;
      }
    }
  } else {
    for (let p = s - 1; p >= 0; p--) {
      let kept = 0;
      for (let u = 0; u < o; u++) kept += toOperating[u][p];
      for (let q = p + 1; q < s; q++) kept += toSupport[q][p];
      if (!(kept > 1e-12)) {
        return {
          ok: false,
          message:
            "By the step-down method this support unit serves only support units that are already closed, " +
            "so its cost reaches no other unit. Change the order of the Support sheet or its shares.",
          unit: p,
        };
      }
      for (let u = 0; u < o; u++) {
        let v = toOperating[u][p];
        for (let q = p + 1; q < s; q++) v += toSupport[q][p] * reach[q][u];
        reach[p][u] = v / kept;
      }
    }
  }
  // Every row should add up to 1 already; normalise away the float noise.
  for (let t = 0; t < s; t++) {
    const sum = reach[t].reduce((a, b) => a + b, 0);
    if (!(sum > 1e-12)) {
      return {
        ok: false,
        message: "This support unit's cost reaches no unit that is not a support unit.",
        unit: t,
      };
    }
    for (let u = 0; u < o; u++) reach[t][u] = Math.max(0, reach[t][u] / sum);
  }
  return { ok: true, reach };
}
