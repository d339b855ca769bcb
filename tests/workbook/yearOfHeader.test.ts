import { yearHeaderProblem, yearOfHeader } from "../../src/workbook/yearOfHeader";

describe("yearOfHeader", () => {
  it.each([
    [2015, 2015],
    ["2016", 2016],
    ["Amount 2017", 2017],
    ["Cost 2016 (EUR)", 2016],
    ["FY2018", 2018],
    [new Date(Date.UTC(2016, 0, 1)), 2016],
    ["01/01/2016", 2016],
    ["1.1.2016", 2016],
    ["2016-01-01", 2016],
  ])("reads %p as the year %d", (header, year) => {
    expect(yearOfHeader(header)).toBe(year);
  });

  it.each([
    "2015-2017",
    "Q1 2016",
    "Cost",
    12,
    2015.5,
    "1066",
    null,
    true,
    new Date(Date.UTC(2016, 5, 30)),
    "31/12/2016",
    "03/04/2016",
  ])("finds no year in %p", (header) => {
    expect(yearOfHeader(header)).toBeUndefined();
  });

  it.each([new Date(Date.UTC(2016, 5, 30)), "31/12/2016", "06/30/2016", "03/04/2016", "2016-12-31"])(
    "names %p a date that is no year for certain",
    (header) => {
      expect(yearHeaderProblem(header)).toMatch(/is a date, not a year.*type the year \(2016\)/);
    },
  );

  it.each([new Date(Date.UTC(2016, 0, 1)), "01/01/2016", "2016", 2016, "Amount", null])(
    "finds nothing wrong with %p",
    (header) => {
      expect(yearHeaderProblem(header)).toBeUndefined();
    },
  );
});
