import fc from "fast-check";
import { CONTRACT, type InputMapping } from "../../src/workbook/inputMapping";
import { inputSheets, type WorkbookIndex } from "../../src/workbook/inputSheets";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { gridsOf, sheetOf, tableOf } from "./gridsOf";

const index = (sheets: string[], tables: { name: string; sheet: string }[] = [], owned: string[] = []) => ({
  sheets,
  tables,
  ownedSheets: owned,
});

describe("inputSheets", () => {
  it("takes the contract's sheets by name and alias, loosely, and leaves other sheets unread", () => {
    const found = inputSheets(
      index(["Ledger", "posts ", "Staffing table", "Instrument-List", "Notes", "Rules"]),
    );
    expect(found).toEqual({ sheets: ["posts ", "Staffing table", "Instrument-List", "Rules"], tables: [] });
  });

  it("takes a table named as a contract sheet (with or without tbl) by itself when its sheet is not read", () => {
    const found = inputSheets(
      index(
        ["Data", "Posts"],
        [
          { name: "tblInstruments", sheet: "Data" },
          { name: "Accounts", sheet: "Data" },
          { name: "tblPosts", sheet: "Posts" },
          { name: "Rules", sheet: "Data" },
        ],
      ),
    );
    expect(found).toEqual({ sheets: ["Posts"], tables: ["tblInstruments", "Rules"] });
  });

  it("takes the sheet or table the officer's mapping names, whatever it is called", () => {
    const mapping: InputMapping = { Posts: { source: " Personnel 2026 " }, Rules: { source: "Sharing" } };
    const found = inputSheets(
      index(["Personnel 2026", "Ledger", "Formulas"], [{ name: "Sharing", sheet: "Formulas" }]),
      mapping,
    );
    expect(found).toEqual({ sheets: ["Personnel 2026"], tables: ["Sharing"] });
  });

  it("ignores a mapping entry that is not what the pane saves", () => {
    const odd = { Posts: "Personnel", Rules: { source: 12 }, Grades: null } as unknown as InputMapping;
    expect(inputSheets(index(["Personnel", "Ledger"]), odd)).toEqual({ sheets: [], tables: [] });
  });

  it("reads our own Log and Run records (the next run keeps and compares with them) but none of our other output sheets", () => {
    const found = inputSheets(
      index(
        ["Posts", "Allocation", "Log", "Savings", "Changes", "Run records"],
        [{ name: "tblPosts", sheet: "Allocation" }],
        ["Allocation", "Log", "Savings", "Changes", "Run records"],
      ),
    );
    expect(found).toEqual({ sheets: ["Posts", "Log", "Run records"], tables: [] });
  });

  it("leaves a Log that is not ours unread", () => {
    expect(inputSheets(index(["Log", "Posts"]))).toEqual({ sheets: ["Posts"], tables: [] });
  });

  it("has read whatever readWorkbook picks for each contract sheet, for any names and mapping", () => {
    const names = [
      ...CONTRACT.flatMap((c) => [c.name, `tbl${c.name}`, c.name.toUpperCase(), ...c.aliases]),
      "Ledger",
      "Notes",
      "Data",
      "Staff 2026",
      "Sheet1",
      "Log",
    ];
    const name = fc.constantFrom(...names);
    const arbitrary = fc.record({
      sheets: fc.uniqueArray(name, { minLength: 1, maxLength: 8, selector: (s) => s.toLowerCase() }),
      tables: fc.uniqueArray(fc.record({ name, sheet: fc.nat() }), {
        maxLength: 5,
        selector: (t) => t.name.toLowerCase(),
      }),
      owned: fc.array(fc.nat(), { maxLength: 2 }),
      mapped: fc.array(fc.tuple(fc.constantFrom(...CONTRACT.map((c) => c.name)), name), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ sheets, tables, owned, mapped }) => {
        const book: WorkbookIndex = {
          sheets,
          tables: tables.map((t) => ({ name: t.name, sheet: sheets[t.sheet % sheets.length] })),
          ownedSheets: [...new Set(owned.map((o) => sheets[o % sheets.length]))],
        };
        const mapping: InputMapping = Object.fromEntries(mapped.map(([c, source]) => [c, { source }]));
        const read = inputSheets(book, mapping);
        // Unread sheets and tables hold no cells: what readWorkbook finds in them shows as a layout.
        const grids = gridsOf(
          sheets.map((s) => sheetOf(s, [])),
          book.tables.map((t) => tableOf(t.name, t.sheet, [])),
          [...book.ownedSheets],
        );
        for (const layout of Object.values(readWorkbook(grids, mapping).layout.sheets)) {
          if (layout === undefined) continue;
          const sheetRead = read.sheets.includes(layout.sheet);
          expect(layout.fromTable ? sheetRead || read.tables.includes(layout.name) : sheetRead).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
