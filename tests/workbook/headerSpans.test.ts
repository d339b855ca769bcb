import fc from "fast-check";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/workbook/grid";
import { headerSpans } from "../../src/workbook/headerSpans";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { gridsOf, sheetOf, tableOf, validGrids, validSheets } from "./gridsOf";

/** The first `rows` rows of every sheet, as an adapter sees them after reading a sheet's top. */
function topOf(grids: WorkbookGrids, rows: number): WorkbookGrids {
  return { ...grids, sheets: grids.sheets.map((s) => ({ ...s, rows: s.rows.slice(0, rows) })) };
}

/** The grids with every sheet headerSpans names cut at its header's last column. */
function cutToSpans(grids: WorkbookGrids, rows: number): WorkbookGrids {
  const spans = headerSpans(topOf(grids, rows));
  const sheets = grids.sheets.map((s): SheetGrid => {
    const span = spans.get(s.name);
    if (span === undefined) return s;
    return { ...s, rows: s.rows.map((r) => r.slice(0, span.lastColumn - s.firstCol + 1)) };
  });
  return { ...grids, sheets };
}

/** A sheet with `cells` put at 1-based row and column (rows and columns added as needed). */
function withCells(sheet: SheetGrid, cells: { row: number; col: number; value: CellValue }[]): SheetGrid {
  const rows = sheet.rows.map((r) => [...r]);
  for (const { row, col, value } of cells) {
    while (rows.length < row - sheet.firstRow + 1) rows.push([]);
    const target = rows[row - sheet.firstRow];
    while (target.length < col - sheet.firstCol) target.push(null);
    target[col - sheet.firstCol] = value;
  }
  return { ...sheet, rows };
}

describe("headerSpans", () => {
  it("gives each contract sheet's header row and the last column filled in it", () => {
    const spans = headerSpans(validGrids());
    expect(spans.get("Posts")).toEqual({ headerRow: 1, lastColumn: 9 });
    expect(spans.get("Rules")).toEqual({ headerRow: 1, lastColumn: 6 });
    expect(spans.get("Instruments")).toEqual({ headerRow: 1, lastColumn: 5 });
  });

  it("finds a header below titles, in a range that starts to the right", () => {
    const posts = sheetOf(
      "Posts",
      [
        ["Staffing table 2026"],
        [null],
        ...validSheets().Posts.rows,
        [null, null, null, "a note", "far right"],
      ],
      3,
      2,
    );
    expect(headerSpans(validGrids({ Posts: posts })).get("Posts")).toEqual({ headerRow: 5, lastColumn: 10 });
  });

  it("leaves out a sheet whose header row is not in the rows given, and bare Settings pairs", () => {
    const posts = sheetOf("Posts", [
      ...Array.from({ length: 30 }, (_, i): CellValue[] => [`note ${i}`]),
      ...validSheets().Posts.rows,
    ]);
    const settings = sheetOf("Settings", [
      ["Currency", "EUR"],
      ["PSC", 0.13],
    ]);
    const spans = headerSpans(topOf(validGrids({ Posts: posts, Settings: settings }), 20));
    expect(spans.has("Posts")).toBe(false);
    expect(spans.has("Settings")).toBe(false);
    expect(spans.has("Rules")).toBe(true);
  });

  it("leaves out a sheet a contract sheet is read from as a table, and follows the officer's mapping", () => {
    const sheets = validSheets();
    const grids = gridsOf(
      [
        sheets.Instruments,
        sheets.Grades,
        sheetOf("Staff 2026", [["Post No.", "Title", "Grade", "Unit", "FTE", "Cost", "Funded by", "CMS"]]),
        sheetOf("Data", [
          ["Unit", "Method"],
          ["Marine", "posts"],
          [null, null, null, null, "stray"],
        ]),
      ],
      [
        tableOf("tblRules", "Data", [
          ["Unit", "Method"],
          ["Marine", "posts"],
        ]),
      ],
    );
    const spans = headerSpans(grids, { Posts: { source: "Staff 2026", columns: { FundedBy: "Funded by" } } });
    expect(spans.get("Staff 2026")).toEqual({ headerRow: 1, lastColumn: 8 });
    expect(spans.has("Data")).toBe(false);
  });

  it("takes the widest header when one sheet holds two contract sheets", () => {
    const both = sheetOf("Both", [
      ["Grade", "Cost"],
      ["P4", 140000],
      [null],
      ["Unit", "Method", "Basis", "Participants"],
      ["Marine", "posts"],
    ]);
    const { Settings, Instruments, Posts } = validSheets();
    const spans = headerSpans(gridsOf([Settings, Instruments, Posts, both]), {
      Grades: { source: "Both" },
      Rules: { source: "Both" },
    });
    expect(spans.get("Both")).toEqual({ headerRow: 4, lastColumn: 4 });
  });

  it("cuts nothing readWorkbook uses: the same model and problems from sheets cut at the header", () => {
    const sheetNames = Object.keys(validSheets());
    const value = fc.oneof(
      fc.constantFrom<CellValue>("see note", "Total", "CMS", "P-1", { error: "#REF!" }, 0),
      fc.integer({ min: -5, max: 500000 }),
    );
    const stray = fc.record({
      sheet: fc.constantFrom(...sheetNames),
      row: fc.integer({ min: 1, max: 8 }),
      // Right of every header of validSheets (Posts ends at column 9).
      col: fc.integer({ min: 10, max: 40 }),
      value,
    });
    fc.assert(
      fc.property(
        fc.array(stray, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 10 }),
        (cells, top) => {
          const changed = Object.fromEntries(
            sheetNames.map((name) => [
              name,
              withCells(
                validSheets()[name],
                cells.filter((c) => c.sheet === name),
              ),
            ]),
          );
          const full = validGrids(changed);
          const cut = cutToSpans(full, top);
          const a = readWorkbook(full);
          const b = readWorkbook(cut);
          expect(b.model).toEqual(a.model);
          expect(b.problems).toEqual(a.problems);
        },
      ),
      { numRuns: 200 },
    );
  });
});
