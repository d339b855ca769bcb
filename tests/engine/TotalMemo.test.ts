import { TotalMemo } from "../../src/engine/TotalMemo";

describe("TotalMemo", () => {
  it("finds what was set, and -1 for a total never set", () => {
    const memo = new TotalMemo();
    memo.set(140000, 0);
    memo.set(0, 3);
    memo.set(-25, 6);
    expect([memo.get(140000), memo.get(0), memo.get(-25), memo.get(140001)]).toEqual([0, 3, 6, -1]);
    expect(memo.size).toBe(3);
  });

  it("keeps every total as it grows, totals beyond 32 bits and alike in their low bits included", () => {
    const memo = new TotalMemo();
    const totals: number[] = [];
    for (let k = 0; k < 500; k++) totals.push(k * 4096, 2 ** 40 + k * 2 ** 32, 7 * k + 1);
    const unique = [...new Set(totals)];
    unique.forEach((t, i) => memo.set(t, i));
    expect(memo.size).toBe(unique.length);
    expect(unique.every((t, i) => memo.get(t) === i)).toBe(true);
    expect(memo.get(2 ** 40 + 500 * 2 ** 32)).toBe(-1);
  });
});
