import { InvalidArgumentError } from "./errors";

/** Weights within this relative distance of each other count as equal in the tie-break. */
export const WEIGHT_TIE = 1e-9;

/**
 * The order in which largest remainder hands out leftover quanta when remainders tie: the indices
 * of the positive weights, larger weight first (weights equal within a relative 1e-9 tie), then
 * tie key ascending (the instrument code, compared by code unit so no locale can change it), then
 * index. Starting from key order makes the result independent of the order of the instruments.
 */
export function tieOrder(weights: ArrayLike<number>, tieKeys?: readonly string[]): Int32Array {
  if (tieKeys !== undefined && tieKeys.length !== weights.length) {
    throw new InvalidArgumentError(`tieKeys has ${tieKeys.length} keys for ${weights.length} weights.`);
  }
  const idx: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i] > 0) idx.push(i);
  idx.sort((a, b) => {
    if (tieKeys !== undefined) {
      const ka = tieKeys[a];
      const kb = tieKeys[b];
      if (ka < kb) return -1;
      if (ka > kb) return 1;
    }
    return a - b;
  });
  // Stable insertion sort by weight, descending: equal weights keep the key order.
  const order = Int32Array.from(idx);
  for (let j = 1; j < order.length; j++) {
    const v = order[j];
    const w = weights[v];
    let k = j - 1;
    while (k >= 0) {
      const u = weights[order[k]];
      if (w > u && w - u > WEIGHT_TIE * w) {
        order[k + 1] = order[k];
        k--;
      } else break;
    }
    order[k + 1] = v;
  }
  return order;
}
