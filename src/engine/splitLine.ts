import { largestRemainderInto, type RemainderScratch } from "./largestRemainderInto";
import { MEMO_LIMIT, type Split } from "./makeSplit";

/*
 * The hot loops live in small functions of their own: the optimising compiler gives up on a
 * function as large as computeAllocation, and unoptimised code boxes every double it touches.
 */

/**
 * Splits one line year by year by a split (memoised by total), writing its shares and adding
 * them into its unit's and its category's, over the split's participants only.
 */
export function splitLine(
  totals: readonly number[],
  split: Split,
  s: Float64Array,
  us: Float64Array,
  cs: Float64Array,
  dense: Float64Array,
  scratch: RemainderScratch,
): void {
  const { weights, sum, order, memo } = split;
  const n = dense.length;
  const m = order.length;
  for (let y = 0; y < totals.length; y++) {
    const off = y * n;
    const total = totals[y];
    let known = memo.get(total);
    if (known === undefined) {
      dense.fill(0);
      largestRemainderInto(total, weights, sum, order, dense, 0, scratch);
      known = new Float64Array(m);
      for (let j = 0; j < m; j++) known[j] = dense[order[j]];
      if (memo.size < MEMO_LIMIT) memo.set(total, known);
    }
    for (let j = 0; j < m; j++) {
      const i = off + order[j];
      const v = known[j];
      s[i] = v;
      us[i] += v;
      cs[i] += v;
    }
  }
}
