import { tieOrder } from "../../src/engine/tieOrder";

describe("tieOrder", () => {
  it("orders positive weights by weight, then code, leaving out zero weights", () => {
    expect(Array.from(tieOrder([1, 3, 0, 1], ["IOSEA", "CMS", "AEWA", "AEWA2"]))).toEqual([1, 3, 0]);
  });

  it("treats weights within a relative 1e-9 as equal", () => {
    expect(Array.from(tieOrder([1, 1 + 1e-12], ["B", "A"]))).toEqual([1, 0]);
    expect(Array.from(tieOrder([1 + 1e-12, 1], ["A", "B"]))).toEqual([0, 1]);
  });
});
