import { InvariantError } from "../errors";
import { lineQuota } from "./lineQuota";
import type { Row } from "./rowsOf";

// Scratch, grown as needed: dealRow runs once per row, and allocating each time cost more than the work.
const quota = new Float64Array(2);
let base = new Float64Array(32);
let first = new Int32Array(32);
let extras = new Int32Array(32);

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
  const participants = row.split.participants;
  const m = participants.length;
  if (k === 1) {
    // One line (most rows of posts with costs of their own): its shares are the row's, each the
    // floor or the ceiling of its exact share, with nothing to deal.
    const at = (row.members[0] * Y + row.year) * n;
    let total = 0;
    for (let j = 0; j < m; j++) {
      const v = flow[row.firstArc + j];
      shares[at + participants[j]] = v;
      total += v;
    }
    totals[row.members[0] * Y + row.year] = total;
    return;
  }
  // Instrument j's extra quanta go to the members first[j], first[j] + 1, … (extra[j] of them,
  // wrapping round): each instrument starts where the one before left off.
  if (base.length < m) {
    base = new Float64Array(m);
    first = new Int32Array(m);
    extras = new Int32Array(m);
  }
  let turn = 0;
  for (let j = 0; j < m; j++) {
    lineQuota(row.total, row.split, participants[j], quota);
    const extra = flow[row.firstArc + j] - k * quota[0];
    if (!(extra >= 0 && extra <= k)) {
      throw new InvariantError(`A row of ${k} lines has ${extra} extra quanta for one instrument.`);
    }
    base[j] = quota[0];
    first[j] = turn;
    extras[j] = extra;
    turn = (turn + extra) % k;
  }
  // Line by line, so that each line's shares are written side by side and added up as they go.
  for (let t = 0; t < k; t++) {
    const at = (row.members[t] * Y + row.year) * n;
    let total = 0;
    for (let j = 0; j < m; j++) {
      // Without branches (they go either way at random here): d = (t − first) mod k, and the
      // line gets one more when d < extras, i.e. when d − extras is negative (its sign bit).
      // This loop writes half a million shares a run; without branches it is a fifth quicker.
      let d = t - first[j];
      d += k & (d >> 31);
      const v = base[j] + ((d - extras[j]) >>> 31);
      shares[at + participants[j]] = v;
      total += v;
    }
    totals[row.members[t] * Y + row.year] = total;
  }
}
