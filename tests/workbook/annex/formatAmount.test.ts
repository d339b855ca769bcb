import { formatAmount, roundingDecimals } from "../../../src/workbook/annex/formatAmount";

describe("formatAmount", () => {
  it("prints whole-unit quanta as whole currency", () => {
    expect(formatAmount(4668641, 1, "en")).toBe("4,668,641");
  });

  it("prints cents with two decimals from integer quanta, without float noise", () => {
    expect(formatAmount(6868, 0.01, "en")).toBe("68.68");
    expect(formatAmount(123456789, 0.01, "fr")).toBe("1\u202f234\u202f567,89");
    expect(formatAmount(-5, 0.01, "es")).toBe("-0,05");
  });

  it("multiplies thousands quanta out to whole currency", () => {
    expect(formatAmount(1250, 1000, "es")).toBe("1.250.000");
  });

  it("refuses a fractional number of quanta", () => {
    expect(() => formatAmount(1.5, 1, "en")).toThrow("not a whole number");
  });
});

describe("roundingDecimals", () => {
  it("counts the decimals of the rounding unit", () => {
    expect(roundingDecimals(1)).toBe(0);
    expect(roundingDecimals(1000)).toBe(0);
    expect(roundingDecimals(0.01)).toBe(2);
    expect(roundingDecimals(0.05)).toBe(2);
  });
});
