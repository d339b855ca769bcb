import { parseNumberText } from "../../src/workbook/parseNumberText";

describe("parseNumberText", () => {
  it.each([
    ["140000", 140000],
    ["140,000", 140000],
    ["€140 000", 140000],
    ["140\u00a0000 EUR", 140000],
    ["1'234'567", 1234567],
    ["1,234.56", 1234.56],
    ["1.234,56", 1234.56],
    ["1.234.567", 1234567],
    ["12,5", 12.5],
    ["0.125", 0.125],
    [".5", 0.5],
    ["-2,000", -2000],
    ["(2,000)", -2000],
    ["USD 1,000", 1000],
    ["+3", 3],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumberText(text)).toEqual({ value, percent: false });
  });

  it("reads a percent sign and leaves the division to the caller", () => {
    expect(parseNumberText("12.5%")).toEqual({ value: 12.5, percent: true });
    expect(parseNumberText(" 75 % ")).toEqual({ value: 75, percent: true });
  });

  it.each(["sixty thousand", "", "1,2,3", "12.5.6,7", "1 23", "P4", "2015-2017", "--5", "€"])(
    "refuses %p",
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );
});
