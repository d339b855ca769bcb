import { excelAddress, excelAddresses } from "../../src/excel/excelAddress";

describe("Office.js addresses", () => {
  it("reads a range address with a quoted sheet name and $ signs", () => {
    expect(excelAddress("'Posts 2026'!$B$3:$F$20")).toEqual({
      sheet: "Posts 2026",
      firstRow: 3,
      firstCol: 2,
      lastRow: 20,
      lastCol: 6,
    });
    expect(excelAddress("Log!A1")).toEqual({
      sheet: "Log",
      firstRow: 1,
      firstCol: 1,
      lastRow: 1,
      lastCol: 1,
    });
  });

  it("reads a RangeAreas address range by range, a comma inside a quoted sheet name included", () => {
    const areas = excelAddresses("'Posts, 2026'!D6:D8, 'Posts, 2026'!G9:G11,'It''s'!A1");
    expect(areas.map((a) => [a.sheet, a.firstRow, a.firstCol, a.lastRow, a.lastCol])).toEqual([
      ["Posts, 2026", 6, 4, 8, 4],
      ["Posts, 2026", 9, 7, 11, 7],
      ["It's", 1, 1, 1, 1],
    ]);
    expect(excelAddresses("")).toEqual([]);
  });
});
