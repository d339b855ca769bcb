import { largestRemainder } from "../../src/engine/largestRemainder";
import { remainderScratch } from "../../src/engine/largestRemainderInto";
import { makeSplit } from "../../src/engine/makeSplit";
import { splitLine } from "../../src/engine/splitLine";

describe("splitLine", () => {
  const codes = ["CMS", "AEWA", "ASCOBANS"];

  it("writes each year's shares at the line's place in the buffer and adds them to the accumulator", () => {
    const split = makeSplit(Float64Array.from([121, 75, 10]), codes);
    // Line 1 of two, two years: totals at [2, 4), shares at [6, 12).
    const totals = Float64Array.from([7, 7, 100000, 100001]);
    const pool = new Float64Array(12);
    const acc = new Float64Array(6).fill(1);
    splitLine(totals, 1, 2, split, false, pool, 6, acc, remainderScratch(3));
    const y0 = largestRemainder(100000, [121, 75, 10], codes);
    const y1 = largestRemainder(100001, [121, 75, 10], codes);
    expect(Array.from(pool)).toEqual([0, 0, 0, 0, 0, 0, ...y0, ...y1]);
    expect(Array.from(acc)).toEqual([...y0, ...y1].map((v) => v + 1));
  });

  it("memoises a total the second time it is met, and gives it the same shares", () => {
    const split = makeSplit(Float64Array.from([0, 3, 7]), codes);
    const scratch = remainderScratch(3);
    const run = () => {
      const pool = new Float64Array(3);
      splitLine(Float64Array.of(12345), 0, 1, split, false, pool, 0, new Float64Array(3), scratch);
      return Array.from(pool);
    };
    const first = run();
    expect(split.memo.size).toBe(0);
    expect(run()).toEqual(first);
    expect(split.memo.size).toBe(1);
    expect(run()).toEqual(first);
    expect(first).toEqual(largestRemainder(12345, [0, 3, 7], codes));
  });

  it("memoises a standard cost the first time, and keeps memoising as the store grows", () => {
    const split = makeSplit(Float64Array.from([1, 2, 4]), codes);
    const scratch = remainderScratch(3);
    const totals = Float64Array.from({ length: 40 }, (_, k) => 1000 + 7 * k);
    const pool = new Float64Array(40 * 3);
    for (let k = 0; k < 40; k++)
      splitLine(totals, k, 1, split, true, pool, 3 * k, new Float64Array(3), scratch);
    expect(split.memo.size).toBe(40);
    const again = new Float64Array(40 * 3);
    for (let k = 0; k < 40; k++)
      splitLine(totals, k, 1, split, true, again, 3 * k, new Float64Array(3), scratch);
    expect(Array.from(again)).toEqual(Array.from(pool));
    for (let k = 0; k < 40; k++) {
      expect(Array.from(pool.subarray(3 * k, 3 * k + 3))).toEqual(
        largestRemainder(totals[k], [1, 2, 4], codes),
      );
    }
  });
});
