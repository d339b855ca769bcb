import { isUncalculated, type WorkbookGrids } from "../../src/workbook/grid";
import { FakeExcel, letters } from "./fakeExcel";

/** Excel's serial number of a date, as Office.js reports date cells. */
function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

/**
 * An in-memory Excel holding the same cells and tables as grids an .xlsx adapter read (dates as
 * serial numbers, as Office.js gives them; an uncalculated formula as an empty cell).
 */
export function excelFrom(grids: WorkbookGrids): FakeExcel {
  const fx = new FakeExcel([]);
  for (const g of grids.sheets) {
    const sheet = fx.addSheet(g.name);
    sheet.fill(
      g.rows.map((row) => row.map((v) => (v instanceof Date ? serial(v) : isUncalculated(v) ? null : v))),
      g.firstRow,
      g.firstCol,
    );
  }
  for (const t of grids.tables) {
    const width = Math.max(...t.rows.map((r) => r.length));
    const address = `${letters(t.firstCol)}${t.firstRow}:${letters(t.firstCol + width - 1)}${t.firstRow + t.rows.length - 1}`;
    fx.addTable(t.name, fx.sheet(t.sheet)!, address);
  }
  return fx;
}
