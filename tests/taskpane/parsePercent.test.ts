import { parsePercent } from "../../src/taskpane/parsePercent";

describe("parsePercent", () => {
  it("reads a percent sign, a plain number above 1 and a fraction alike", () => {
    expect(parsePercent("20%")).toBeCloseTo(0.2);
    expect(parsePercent(" 20 ")).toBeCloseTo(0.2);
    expect(parsePercent("0.2")).toBeCloseTo(0.2);
    expect(parsePercent("12,5%")).toBeCloseTo(0.125);
  });

  it("gives undefined for blank and NaN for text that is no percentage", () => {
    expect(parsePercent("  ")).toBeUndefined();
    expect(parsePercent("%")).toBeNaN();
    expect(parsePercent("a fifth")).toBeNaN();
  });
});
