import { largestRemainder } from "../../src/engine/largestRemainder";
import { remainderScratch } from "../../src/engine/largestRemainderInto";
import { makeSplit } from "../../src/engine/makeSplit";
import { splitLine } from "../../src/engine/splitLine";

describe("splitLine", () => {
  const codes = ["CMS", "AEWA", "ASCOBANS"];

  it("writes each year's shares and adds them to the unit's and the category's", () => {
    const split = makeSplit(Float64Array.from([121, 75, 10]), codes);
    const s = new Float64Array(6);
    const unit = new Float64Array(6).fill(1);
    const cat = new Float64Array(6);
    splitLine([100000, 100001], split, s, unit, cat, new Float64Array(3), remainderScratch(3));
    const y0 = largestRemainder(100000, [121, 75, 10], codes);
    const y1 = largestRemainder(100001, [121, 75, 10], codes);
    expect(Array.from(s)).toEqual([...y0, ...y1]);
    expect(Array.from(unit)).toEqual([...y0, ...y1].map((v) => v + 1));
    expect(Array.from(cat)).toEqual([...y0, ...y1]);
  });

  it("gives a memoised total the same shares as a fresh one", () => {
    const split = makeSplit(Float64Array.from([0, 3, 7]), codes);
    const scratch = remainderScratch(3);
    const first = new Float64Array(3);
    const second = new Float64Array(3);
    splitLine([12345], split, first, new Float64Array(3), new Float64Array(3), new Float64Array(3), scratch);
    expect(split.memo.size).toBe(1);
    splitLine([12345], split, second, new Float64Array(3), new Float64Array(3), new Float64Array(3), scratch);
    expect(Array.from(second)).toEqual(Array.from(first));
    expect(Array.from(first)).toEqual(largestRemainder(12345, [0, 3, 7], codes));
  });
});
