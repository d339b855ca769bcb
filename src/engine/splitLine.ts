import { largestRemainderInto, type RemainderScratch } from "./largestRemainderInto";
import { MEMO_LIMIT, RECENT_MASK, type Split } from "./makeSplit";

/*
 * The hot loops live in small functions of their own: the optimising compiler gives up on a
 * function as large as computeAllocation, and unoptimised code boxes every double it touches.
 * They read and write flat typed arrays only, never the result objects, whose several shapes
 * would make every property access a dictionary lookup.
 */

/**
 * Splits line `k` year by year by a split: reads its totals at totals[k·years + y], writes its
 * shares at out[base + y·n + i] and adds them into `acc` (year-major, years·n long), over the
 * split's participants only. A total's shares are memoised the first time it is met when
 * `repeats` (a standard cost, which many lines share), else the second time.
 */
export function splitLine(
  totals: Float64Array,
  k: number,
  years: number,
  split: Split,
  repeats: boolean,
  out: Float64Array,
  base: number,
  acc: Float64Array,
  scratch: RemainderScratch,
): void {
  const { weights, sum, order, memo, recent } = split;
  const n = weights.length;
  const m = order.length;
  for (let y = 0; y < years; y++) {
    const off = base + y * n;
    const total = totals[k * years + y];
    const at = memo.get(total);
    if (at >= 0) {
      const known = split.memoShares;
      for (let j = 0; j < m; j++) out[off + order[j]] = known[at + j];
    } else {
      // The line's shares start at zero, so the split can be added straight into them.
      largestRemainderInto(total, weights, sum, order, out, off, scratch);
      const slot = total & RECENT_MASK;
      if (memo.size < MEMO_LIMIT && (repeats || recent[slot] === total)) remember(split, total, out, off);
      else recent[slot] = total;
    }
    const a = y * n;
    for (let j = 0; j < m; j++) {
      const i = order[j];
      acc[a + i] += out[off + i];
    }
  }
}

/** Memoises the shares of `total` just written at out[off + i]. */
function remember(split: Split, total: number, out: Float64Array, off: number): void {
  const order = split.order;
  const m = order.length;
  const at = split.memo.size * m;
  if (at + m > split.memoShares.length) {
    const grown = new Float64Array(Math.max(2 * split.memoShares.length, at + m));
    grown.set(split.memoShares);
    split.memoShares = grown;
  }
  const known = split.memoShares;
  for (let j = 0; j < m; j++) known[at + j] = out[off + order[j]];
  split.memo.set(total, at);
}
