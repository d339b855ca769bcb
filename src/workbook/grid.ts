/**
 * Grids: the plain data that moves between a spreadsheet adapter (Office.js, ExcelJS) and the
 * pure workbook layer. No adapter type leaks past this file.
 */

/** An error value found in an input cell (#REF!, #DIV/0!, #N/A, ...). */
export interface CellError {
  error: string;
}

/**
 * A cell value as read: a number (percent cells hold fractions: 25% = 0.25), text, a boolean,
 * a date, an error, or null for an empty cell. Formula cells give their cached result.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

/** True when a cell value is an error value. */
export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

/** A rectangle of values read from a sheet or a table, with its position on its worksheet. */
export interface GridBlock {
  /** Rows of values; rows may be ragged (missing trailing cells are empty). */
  rows: CellValue[][];
  /** 1-based worksheet row of rows[0]. */
  firstRow: number;
  /** 1-based worksheet column of rows[r][0]. */
  firstCol: number;
}

/** A worksheet's used range. */
export interface SheetGrid extends GridBlock {
  /** The sheet's name as in the workbook. */
  name: string;
}

/** An Excel table (ListObject): its header row is rows[0]. */
export interface TableGrid extends GridBlock {
  /** The table's name ("Posts", "tblPosts"). */
  name: string;
  /** The worksheet that holds it. */
  sheet: string;
}

/** Everything an adapter reads from a workbook for the workbook layer. */
export interface WorkbookGrids {
  sheets: SheetGrid[];
  tables: TableGrid[];
  /** Names of the sheets this add-in wrote on an earlier run (carrying our ownership mark). */
  ownedSheets: string[];
}

/** Horizontal alignment of an output cell. */
export type Align = "left" | "center" | "right";

/**
 * One output cell. `v` is the value (for a formula: its value as computed by the engine, so that
 * a file reader that does not recalculate still sees the right figure); `f` a formula without the
 * leading "=" ("SUM(B4:B9)"). Text is always written as text: adapters never let a string that
 * starts with "=", "+", "-", "@", a tab or a line break become a formula.
 */
export interface OutCell {
  v?: string | number | boolean | null;
  f?: string;
  /** Excel number format, e.g. "#,##0", "0.0%", "@". */
  fmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** Thin top border (totals rows). */
  borderTop?: boolean;
  /** Thin bottom border (header rows). */
  borderBottom?: boolean;
  align?: Align;
  wrap?: boolean;
  /** Background fill as a 6-digit RGB hex ("F2F2F2"); used sparingly for header rows. */
  fill?: string;
  /** Font size in points, when not the default. */
  size?: number;
}

/** Page setup of an output sheet. */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  /** Fit all columns on one page width. */
  fitToWidth: boolean;
  /** 1-based first and last row to repeat at the top of each printed page. */
  repeatRows?: [number, number];
  /** Page header text (centre), e.g. the document symbol. */
  header?: string;
  /** Page footer text; "&P" and "&N" are page number and count (Excel header/footer codes). */
  footer?: string;
}

/** An output sheet as plain data, applied the same way by every adapter. */
export interface OutputSheet {
  name: string;
  /** Row-major cells from A1; null = leave empty. */
  cells: (OutCell | null)[][];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Frozen panes: rows at the top and columns at the left. */
  freeze?: { rows: number; cols: number };
  /** Merged ranges, A1 notation ("A1:F1"). */
  merges?: string[];
  print?: PrintSetup;
  /** Tab colour as 6-digit RGB hex. */
  tabColor?: string;
}
