import { yearOfHeader } from "../../src/workbook/yearOfHeader";

describe("yearOfHeader", () => {
  it.each([
    [2015, 2015],
    ["2016", 2016],
    ["Amount 2017", 2017],
    ["Cost 2016 (EUR)", 2016],
    ["FY2018", 2018],
  ])("reads %p as the year %d", (header, year) => {
    expect(yearOfHeader(header)).toBe(year);
  });

  it.each(["2015-2017", "Q1 2016", "Cost", 12, 2015.5, "1066", null, true])(
    "finds no year in %p",
    (header) => {
      expect(yearOfHeader(header)).toBeUndefined();
    },
  );
});
