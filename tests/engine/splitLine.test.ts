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

  it("memoises a total the second time it is met, and gives it the same shares", () => {
    const split = makeSplit(Float64Array.from([0, 3, 7]), codes);
    const scratch = remainderScratch(3);
    const run = () => {
      const s = new Float64Array(3);
      splitLine([12345], split, s, new Float64Array(3), new Float64Array(3), new Float64Array(3), scratch);
      return Array.from(s);
    };
    const first = run();
    expect(split.memo.size).toBe(0);
    expect(run()).toEqual(first);
    expect(split.memo.size).toBe(1);
    expect(run()).toEqual(first);
    expect(first).toEqual(largestRemainder(12345, [0, 3, 7], codes));
  });
});
