import { InvariantError } from "./errors";

/**
 * Remainders (and a quota's distance to an integer) closer than this count as equal: 1e-9, or a
 * relative 1e-12 of the total for totals above 1,000 quanta, where a double's own noise in the
 * quota grows past 1e-9. Equal remainders are then decided by the tie order (see tieOrder.ts).
 */
export function remainderTolerance(total: number): number {
  const t = 1e-12 * Math.abs(total);
  return t > 1e-9 ? t : 1e-9;
}

/** Scratch space for largestRemainderInto, sized for `n` weights; reuse it across calls. */
export interface RemainderScratch {
  floors: Float64Array;
  rems: Float64Array;
  /** A copy of the remainders that selection may reorder. */
  work: Float64Array;
}

/** Allocates scratch space for up to `n` weights. */
export function remainderScratch(n: number): RemainderScratch {
  return { floors: new Float64Array(n), rems: new Float64Array(n), work: new Float64Array(n) };
}

/** The k-th largest value (k from 1) of a[0..m), by quickselect; reorders a. */
function kthLargest(a: Float64Array, m: number, k: number): number {
  let lo = 0;
  let hi = m - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}

/**
 * The hot path of largest remainder: adds the shares of integer `total` (quanta) in proportion to
 * `weights` into `out[offset + i]`. `order` is the tie order of the positive weights (tieOrder),
 * `weightSum` their sum; both are computed once per weight vector by the caller. No allocation.
 *
 * The `left` leftover quanta go to the remainders above the left-th largest one (r*) by more than
 * the tolerance, then to those within the tolerance of r*, in tie order — a quickselect and one
 * pass rather than a sort.
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
  const { floors, rems, work } = scratch;
  const scale = abs / weightSum;
  let assigned = 0;
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
  }
  let left = abs - assigned;
  if (left < 0 || left > m)
    throw new InvariantError(`Largest remainder left ${left} quanta for ${m} shares.`);
  if (left > 0) {
    for (let j = 0; j < m; j++) work[j] = rems[j];
    const pivot = kthLargest(work, m, left);
    const above = pivot + tol;
    for (let j = 0; j < m && left > 0; j++) {
      if (rems[j] > above) {
        floors[j] += 1;
        rems[j] = -1;
        left--;
      }
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
