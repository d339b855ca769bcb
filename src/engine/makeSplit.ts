import { tieOrder } from "./tieOrder";

/** A weight vector over the instruments with what the hot path needs, computed once. */
export interface Split {
  weights: Float64Array;
  sum: number;
  order: Int32Array;
  /**
   * Shares already worked out, by total: posts costed from a grade's standard cost repeat the
   * same totals many times, and a lookup is cheaper than a largest remainder over 30 instruments.
   * Values are the shares in `order` order.
   */
  memo: Map<number, Float64Array>;
  /** Totals met once: a total is memoised the second time it is met, so one-off costs cost nothing. */
  seen: Set<number>;
}

/** Enough memoised totals per split for a staffing table of standard costs, bounded in memory. */
export const MEMO_LIMIT = 4096;

/** Prepares a weight vector over the instruments for the hot path: its sum, tie order and memo. */
export function makeSplit(weights: Float64Array, codes: readonly string[]): Split {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  return { weights, sum, order: tieOrder(weights, codes), memo: new Map(), seen: new Set() };
}
