import { InvariantError } from "../errors";
import { lineQuota } from "./lineQuota";
import type { Row } from "./rowsOf";

/**
 * Deals a row's rounded shares back to its k lines. The row's share of instrument i is
 * k·⌊q_i⌋ + u_i with 0 ≤ u_i ≤ k (q_i is one line's exact share), so each line gets ⌊q_i⌋ and the
 * u_i extra quanta go to the lines in turn, instrument after instrument, starting where the last
 * left off. As u_i ≤ k, no line gets two of one instrument's: each share is ⌊q_i⌋ or ⌈q_i⌉; and
 * as the extras add up to k times each line's leftover, each line gets exactly its leftover, so
 * its shares add up to its cost.
 *
 * A row's cost may be fractional (k·c for an exact cost c); then its rounded cost R is k·c's floor
 * or ceiling, and as each line gets ⌊E/k⌋ or ⌈E/k⌉ of the E extra quanta, each line's cost comes
 * out as ⌊R/k⌋ or ⌈R/k⌉, which lie between ⌊c⌋ and ⌈c⌉: every line's cost is within a step too.
 * Writes into shares[(line·Y + year)·n + i], and each line's rounded cost into totals[line·Y + year].
 */
export function dealRow(
  row: Row,
  flow: Float64Array,
  shares: Float64Array,
  totals: Float64Array,
  Y: number,
  n: number,
): void {
  const k = row.members.length;
  const quota = new Float64Array(2);
  let turn = 0;
  const participants = row.split.participants;
  for (let j = 0; j < participants.length; j++) {
    const i = participants[j];
    lineQuota(row.total, row.split, i, quota);
    const extra = flow[row.firstArc + j] - k * quota[0];
    if (!(extra >= 0 && extra <= k)) {
      throw new InvariantError(`A row of ${k} lines has ${extra} extra quanta for one instrument.`);
    }
    for (const line of row.members) shares[(line * Y + row.year) * n + i] = quota[0];
    for (let e = 0; e < extra; e++) {
      shares[(row.members[turn] * Y + row.year) * n + i] += 1;
      turn = turn + 1 === k ? 0 : turn + 1;
    }
  }
  for (const line of row.members) {
    let t = 0;
    for (const i of participants) t += shares[(line * Y + row.year) * n + i];
    totals[line * Y + row.year] = t;
  }
}
