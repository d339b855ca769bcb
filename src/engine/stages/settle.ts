import type { Lines } from "./costLines";
import type { SettlementResult } from "../result";

/**
 * Exchange of services: each instrument's direct share of the common costs over the period
 * against the cost of the posts it funds (FundedBy). balance = share − funded: positive, it pays
 * in; negative, it contributed more than its share.
 */
export function settle(
  codes: readonly string[],
  directByYear: Float64Array,
  lines: Lines,
): SettlementResult[] {
  const n = codes.length;
  const Y = lines.years;
  const funded = new Float64Array(n);
  for (let k = 0; k < lines.posts; k++) {
    const f = lines.fundedBy[k];
    if (f >= 0) for (let y = 0; y < Y; y++) funded[f] += lines.totals[k * Y + y];
  }
  return codes.map((code, i) => {
    let share = 0;
    for (let y = 0; y < Y; y++) share += directByYear[y * n + i];
    return { code, share, funded: funded[i], balance: share - funded[i] };
  });
}
