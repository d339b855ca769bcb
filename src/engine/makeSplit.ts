import { tieOrder } from "./tieOrder";
import { TotalMemo } from "./TotalMemo";

/** A weight vector over the instruments with what the hot path needs, computed once. */
export interface Split {
  weights: Float64Array;
  sum: number;
  order: Int32Array;
  /**
   * Shares already worked out, by total: posts costed from a grade's standard cost repeat the
   * same totals many times, and a lookup is cheaper than a largest remainder over 30 instruments.
   * The value is where the total's shares start in `memoShares`.
   */
  memo: TotalMemo;
  /** The memoised shares end to end, `order.length` per total in `order` order; grows by doubling. */
  memoShares: Float64Array;
  /**
   * Totals lately met, for lines whose totals rarely repeat (memoised only when met again): a
   * total sits at slot `total & RECENT_MASK`, so a lookup costs one comparison and a one-off
   * total allocates nothing. A total pushed out by another is only worked out again.
   */
  recent: Float64Array;
}

/** Slots in Split.recent, less one (a power of two, less one). */
export const RECENT_MASK = 255;

/** Enough memoised totals per split for a staffing table of standard costs, bounded in memory. */
export const MEMO_LIMIT = 4096;

/** Prepares a weight vector over the instruments for the hot path: its sum, tie order and memo. */
export function makeSplit(weights: Float64Array, codes: readonly string[]): Split {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  const order = tieOrder(weights, codes);
  return {
    weights,
    sum,
    order,
    memo: new TotalMemo(),
    memoShares: new Float64Array(order.length * 16),
    recent: new Float64Array(RECENT_MASK + 1).fill(Number.NaN),
  };
}
