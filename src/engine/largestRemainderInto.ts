import { InvariantError } from "./errors";

/**
 * Remainders (and a quota's distance to an integer) closer than this count as equal: 1e-9, or a
 * relative 1e-12 of the total for totals above 1,000 quanta, where a double's own noise in the
 * quota grows past 1e-9. Equal remainders are then decided by the tie order (see tieOrder.ts).
 * It stops at 1e-3 (reached at 10^9 quanta, ten million in cents; the noise is still below it at
 * 10^12): grown towards a whole unit, it would turn quotas up by more units than the total has.
 */
export function remainderTolerance(total: number): number {
  const t = 1e-12 * Math.abs(total);
  return t > 1e-9 ? (t < 1e-3 ? t : 1e-3) : 1e-9;
}

/** Scratch space for largestRemainderInto, sized for `n` weights; reuse it across calls. */
export interface RemainderScratch {
  floors: Float64Array;
  rems: Float64Array;
  /** The remainders of the bucket that holds the pivot, sorted there. */
  work: Float64Array;
  /** How many remainders fall in each of the n buckets [b/n, (b+1)/n). */
  counts: Int32Array;
}

/** Allocates scratch space for up to `n` weights. */
export function remainderScratch(n: number): RemainderScratch {
  return {
    floors: new Float64Array(n),
    rems: new Float64Array(n),
    work: new Float64Array(n),
    counts: new Int32Array(n),
  };
}

/**
 * The k-th largest of the m remainders rems[0..m), k from 1, given how many fall in each of the m
 * equal buckets of [0, 1). The buckets above hold fewer than k, so the k-th largest is in the
 * first bucket from the top that reaches k; only that bucket (one remainder on average) is sorted.
 * Unlike a quickselect this does not branch on how remainders compare, which the processor
 * cannot predict: that was most of the cost of a split over 30 instruments.
 */
function kthLargest(
  rems: Float64Array,
  counts: Int32Array,
  work: Float64Array,
  m: number,
  k: number,
): number {
  let b = m - 1;
  let above = 0;
  while (above + counts[b] < k) above += counts[b--];
  let c = 0;
  for (let j = 0; j < m; j++) if (((rems[j] * m) | 0) === b) work[c++] = rems[j];
  // Insertion sort, descending: the bucket is small.
  for (let i = 1; i < c; i++) {
    const v = work[i];
    let h = i - 1;
    while (h >= 0 && work[h] < v) {
      work[h + 1] = work[h];
      h--;
    }
    work[h + 1] = v;
  }
  return work[k - above - 1];
}

/** True when the weights in `order` are all exactly equal (it stops at the first that is not). */
function equalWeights(weights: ArrayLike<number>, order: Int32Array): boolean {
  const w = weights[order[0]];
  for (let j = 1; j < order.length; j++) if (weights[order[j]] !== w) return false;
  return true;
}

/**
 * largestRemainderInto for m equal weights, each with quota q: what the general path gives, in
 * one pass. Every remainder is the same, so all tie with the pivot and the leftover units go to
 * the first `left` in tie order (an "equal" rule over 30 instruments is a third of the splits).
 */
function splitEqually(
  total: number,
  q: number,
  tol: number,
  m: number,
  order: Int32Array,
  out: Float64Array,
  offset: number,
): void {
  let f = Math.floor(q);
  if (1 - (q - f) <= tol) f += 1;
  let left = (total < 0 ? -total : total) - m * f;
  if (left < 0 || left > m)
    throw new InvariantError(`Largest remainder left ${left} quanta for ${m} shares.`);
  const sign = total < 0 ? -1 : 1;
  for (let j = 0; j < m; j++) {
    const v = left > 0 ? f + 1 : f;
    left--;
    if (v !== 0) out[offset + order[j]] += sign * v;
  }
}

/**
 * The hot path of largest remainder: adds the shares of integer `total` (quanta) in proportion to
 * `weights` into `out[offset + i]`. `order` is the tie order of the positive weights (tieOrder),
 * `weightSum` their sum; both are computed once per weight vector by the caller. No allocation.
 *
 * The `left` leftover quanta go to the remainders above the left-th largest one (r*) by more than
 * the tolerance, then to those within the tolerance of r*, in tie order — r* found by counting
 * the remainders into buckets (kthLargest), in a few passes over them rather than a sort.
 */
export function largestRemainderInto(
  total: number,
  weights: ArrayLike<number>,
  weightSum: number,
  order: Int32Array,
  out: Float64Array,
  offset: number,
  scratch: RemainderScratch,
): void {
  if (total === 0) return;
  const abs = total < 0 ? -total : total;
  const m = order.length;
  const tol = remainderTolerance(abs);
  const scale = abs / weightSum;
  if (m > 0 && equalWeights(weights, order)) {
    splitEqually(total, weights[order[0]] * scale, tol, m, order, out, offset);
    return;
  }
  const { floors, rems, work, counts } = scratch;
  let assigned = 0;
  for (let b = 0; b < m; b++) counts[b] = 0;
  for (let j = 0; j < m; j++) {
    const q = weights[order[j]] * scale;
    let f = Math.floor(q);
    let r = q - f;
    // A quota a hair below an integer is that integer (e.g. 100 × 0.7 / 1.0000000000000002).
    if (1 - r <= tol) {
      f += 1;
      r = 0;
    } else if (r <= tol) r = 0;
    floors[j] = f;
    rems[j] = r;
    assigned += f;
    // r < 1 - tol, so the bucket is below m.
    counts[(r * m) | 0]++;
  }
  let left = abs - assigned;
  if (left < 0 || left > m)
    throw new InvariantError(`Largest remainder left ${left} quanta for ${m} shares.`);
  if (left > 0) {
    const pivot = kthLargest(rems, counts, work, m, left);
    const above = pivot + tol;
    // Without a branch (a comparison as 0 or 1): which remainders clear the pivot is a coin toss.
    for (let j = 0; j < m; j++) {
      const won = +(rems[j] > above);
      floors[j] += won;
      rems[j] -= 2 * won;
      left -= won;
    }
    const below = pivot - tol;
    for (let j = 0; j < m && left > 0; j++) {
      if (rems[j] >= below) {
        floors[j] += 1;
        left--;
      }
    }
  }
  if (total < 0) {
    for (let j = 0; j < m; j++) if (floors[j] !== 0) out[offset + order[j]] -= floors[j];
  } else {
    for (let j = 0; j < m; j++) out[offset + order[j]] += floors[j];
  }
}
