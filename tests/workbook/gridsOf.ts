import type { CellValue, SheetGrid, TableGrid, WorkbookGrids } from "../../src/workbook/grid";

/** A sheet whose used range starts at firstRow/firstCol (1-based), from a 2-D array. */
export function sheetOf(name: string, rows: CellValue[][], firstRow = 1, firstCol = 1): SheetGrid {
  return { name, rows, firstRow, firstCol };
}

/** An Excel table on `sheet` whose header row is rows[0]. */
export function tableOf(
  name: string,
  sheet: string,
  rows: CellValue[][],
  firstRow = 1,
  firstCol = 1,
): TableGrid {
  return { name, sheet, rows, firstRow, firstCol };
}

/** The grids of a workbook. */
export function gridsOf(
  sheets: SheetGrid[],
  tables: TableGrid[] = [],
  ownedSheets: string[] = [],
): WorkbookGrids {
  return { sheets, tables, ownedSheets };
}

/** A small valid CMS/ASCOBANS/AEWA workbook; each test changes what it is about. */
export function validSheets(): Record<string, SheetGrid> {
  return {
    Settings: sheetOf("Settings", [
      ["Key", "Value"],
      ["Currency", "EUR"],
      ["FirstYear", 2015],
      ["Years", 3],
      ["PSC", 0.13],
    ]),
    Instruments: sheetOf("Instruments", [
      ["Code", "Name", "Type", "Parties", "Budget"],
      ["CMS", "Convention on Migratory Species", "Convention", 121, 2500000],
      ["ASCOBANS", "Agreement on Small Cetaceans", "Agreement", 10, 400000],
      ["AEWA", "African-Eurasian Waterbird Agreement", "Agreement", 75, 1200000],
    ]),
    Grades: sheetOf("Grades", [
      ["Grade", "Cost"],
      ["P2", 100000],
      ["P4", 140000],
      ["D1", 190000],
    ]),
    Posts: sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "FTE", "Cost", "FundedBy", "CMS", "ASCOBANS"],
      ["P-1", "Associate Programme Officer", "P2", "Marine", 1, null, "ASCOBANS", 0.25, 0.75],
      ["P-2", "Programme Officer", "P4", "Marine", 1, null, "CMS", 0.85, 0.15],
      ["P-3", "Executive Secretary", "D1", "Executive", 1, null, "CMS", 0.97, 0.03],
      ["P-4", "Communications Officer", "P4", "Communications", 0.5, null, "CMS", null, null],
    ]),
    Rules: sheetOf("Rules", [
      ["Unit", "Method", "Basis", "Participants", "Min", "Max"],
      ["Communications", "equal", null, "CMS, AEWA", null, null],
      ["Marine", "posts", null, null, null, null],
      ["Executive", "posts", null, null, null, null],
    ]),
  };
}

/** The grids of validSheets() after replacing some sheets. */
export function validGrids(changes: Record<string, SheetGrid | undefined> = {}): WorkbookGrids {
  const sheets = { ...validSheets(), ...changes };
  return gridsOf(Object.values(sheets).filter((s): s is SheetGrid => s !== undefined));
}
