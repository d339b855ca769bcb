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
  pos: Int32Array;
}

/** Allocates scratch space for up to `n` weights. */
export function remainderScratch(n: number): RemainderScratch {
  return { floors: new Float64Array(n), rems: new Float64Array(n), pos: new Int32Array(n) };
}

/**
 * The hot path of largest remainder: adds the shares of integer `total` (quanta) in proportion to
 * `weights` into `out[offset + i]`. `order` is the tie order of the positive weights (tieOrder),
 * `weightSum` their sum; both are computed once per weight vector by the caller. No allocation.
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
  const { floors, rems, pos } = scratch;
  let assigned = 0;
  for (let j = 0; j < m; j++) {
    const q = (abs * weights[order[j]]) / weightSum;
    let f = Math.floor(q);
    let r = q - f;
    // A quota a hair below an integer is that integer (e.g. 100 × 0.7 / 1.0000000000000002).
    if (1 - r <= tol) {
      f += 1;
      r = 0;
    } else if (r <= tol) r = 0;
    floors[j] = f;
    rems[j] = r;
    pos[j] = j;
    assigned += f;
  }
  const left = abs - assigned;
  if (left < 0 || left > m)
    throw new InvariantError(`Largest remainder left ${left} quanta for ${m} shares.`);
  if (left > 0) {
    // Stable insertion sort of positions by remainder, descending; ties keep the tie order.
    for (let j = 1; j < m; j++) {
      const p = pos[j];
      const r = rems[p];
      let k = j - 1;
      while (k >= 0 && r - rems[pos[k]] > tol) {
        pos[k + 1] = pos[k];
        k--;
      }
      pos[k + 1] = p;
    }
    for (let j = 0; j < left; j++) floors[pos[j]] += 1;
  }
  if (total < 0) {
    for (let j = 0; j < m; j++) if (floors[j] !== 0) out[offset + order[j]] -= floors[j];
  } else {
    for (let j = 0; j < m; j++) out[offset + order[j]] += floors[j];
  }
}
