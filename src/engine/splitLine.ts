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
  const { weights, sum, order, memo, seen } = split;
  const n = dense.length;
  const m = order.length;
  for (let y = 0; y < totals.length; y++) {
    const off = y * n;
    const total = totals[y];
    const known = memo.get(total);
    if (known !== undefined) {
      for (let j = 0; j < m; j++) s[off + order[j]] = known[j];
    } else {
      // The line's shares start at zero, so the split can be added straight into them.
      largestRemainderInto(total, weights, sum, order, s, off, scratch);
      if (seen.has(total)) {
        if (memo.size < MEMO_LIMIT) {
          const copy = new Float64Array(m);
          for (let j = 0; j < m; j++) copy[j] = s[off + order[j]];
          memo.set(total, copy);
        }
      } else if (seen.size < MEMO_LIMIT) seen.add(total);
    }
    for (let j = 0; j < m; j++) {
      const i = off + order[j];
      const v = s[i];
      us[i] += v;
      cs[i] += v;
    }
  }
}
