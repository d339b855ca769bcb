import { InvalidArgumentError } from "../../../src/engine/errors";
import { formatNumber } from "../../../src/workbook/annex/formatNumber";

describe("formatNumber", () => {
  it("groups thousands with a comma in English", () => {
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });

  it("groups thousands with a narrow no-break space in French", () => {
    expect(formatNumber(1234567, "fr")).toBe("1\u202f234\u202f567");
  });

  it("groups thousands with a full stop in Spanish", () => {
    expect(formatNumber(1234567, "es")).toBe("1.234.567");
  });

  it("uses each language's decimal mark", () => {
    expect(formatNumber(1234.5, "en", 2)).toBe("1,234.50");
    expect(formatNumber(1234.5, "fr", 2)).toBe("1\u202f234,50");
    expect(formatNumber(1234.5, "es", 2)).toBe("1.234,50");
  });

  it("leaves numbers below a thousand ungrouped", () => {
    expect(formatNumber(999, "en")).toBe("999");
    expect(formatNumber(0, "fr")).toBe("0");
  });

  it("puts the minus sign before the grouped digits", () => {
    expect(formatNumber(-1234567, "es")).toBe("-1.234.567");
  });

  it("prints a negative amount that rounds to zero as plain zero", () => {
    expect(formatNumber(-0.004, "en", 2)).toBe("0.00");
  });

  it("rounds to the requested decimals", () => {
    expect(formatNumber(2.675, "en", 1)).toBe("2.7");
    expect(formatNumber(999999.6, "en")).toBe("1,000,000");
  });

  it("refuses a number it cannot print", () => {
    expect(() => formatNumber(Number.NaN, "en")).toThrow(InvalidArgumentError);
    expect(() => formatNumber(1, "en", -1)).toThrow(InvalidArgumentError);
  });
});
