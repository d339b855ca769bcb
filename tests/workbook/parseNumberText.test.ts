import { parseNumberText } from "../../src/workbook/parseNumberText";

describe("parseNumberText", () => {
  it.each([
    ["140000", 140000],
    ["1,400,000", 1400000],
    ["1.400.000", 1400000],
    ["1,400,000.50", 1400000.5],
    ["1.400.000,50", 1400000.5],
    ["1 400 000", 1400000],
    ["1400,000", 1400],
    ["1,400.000", 1400],
    ["0,025", 0.025],
    ["0.025", 0.025],
    [",025", 0.025],
    ["€140.000", 140000],
    ["140.000 EUR", 140000],
    ["-€1.400", -1400],
    ["€140 000", 140000],
    ["140\u00a0000 EUR", 140000],
    ["1'234'567", 1234567],
    ["1,234.56", 1234.56],
    ["1.234,56", 1234.56],
    ["1.234.567", 1234567],
    ["12,5", 12.5],
    ["0.125", 0.125],
    [".5", 0.5],
    ["-2,000.00", -2000],
    ["(2 000)", -2000],
    ["USD 1,000", 1000],
    ["+3", 3],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumberText(text)).toEqual({ value, percent: false });
  });

  it("reads a percent sign and leaves the division to the caller", () => {
    expect(parseNumberText("12.5%")).toEqual({ value: 12.5, percent: true });
    expect(parseNumberText(" 75 % ")).toEqual({ value: 75, percent: true });
  });

  it.each([
    ["140.000", [140, 140000], false],
    ["140,000", [140, 140000], false],
    ["1,400", [1.4, 1400], false],
    ["-2,000", [-2, -2000], false],
    ["(2.500)", [-2.5, -2500], false],
    ["12,500%", [12.5, 12500], true],
  ])(
    "gives both readings of %p, whose lone separator may mark decimals or thousands",
    (text, readings, percent) => {
      expect(parseNumberText(text)).toEqual({ readings, percent });
    },
  );

  it("reads percent text with a decimal comma and a space", () => {
    expect(parseNumberText("12,5 %")).toEqual({ value: 12.5, percent: true });
  });

  it.each([
    "sixty thousand",
    "",
    "1,2,3",
    "12.5.6,7",
    "1 23",
    "P4",
    "2015-2017",
    "--5",
    "€",
    "1,234,56",
    "1.234.56",
  ])("refuses %p", (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});
