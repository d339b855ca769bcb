import type { ContractSheetName } from "./inputMapping";

/** Where one column of a contract sheet was found. */
export interface ColumnLayout {
  /** Canonical field ("Cost"), instrument code (a split column), year ("2016") or driver name. */
  field: string;
  /** The header text as written in the workbook. */
  header: string;
  /** Column letters on the worksheet ("F"). */
  column: string;
  /** 1-based column index on the worksheet. */
  index: number;
}

/** A per-year amount column ("2016", "Cost 2016"). */
export interface YearColumnLayout extends ColumnLayout {
  year: number;
}

/** What was found for one contract sheet: the task pane shows it, locateProblem resolves cells with it. */
export interface SheetLayout {
  contract: ContractSheetName;
  /** The actual sheet or table name that was read. */
  name: string;
  /** The worksheet that holds it (the sheet itself, or the table's sheet); problems name this sheet. */
  sheet: string;
  /** True when it came from an Excel table rather than a sheet's used range. */
  fromTable: boolean;
  /** True when the officer's mapping chose it. */
  fromMapping: boolean;
  /** 1-based worksheet row of the header; absent for a Settings sheet of bare Key/Value pairs. */
  headerRow?: number;
  /** 1-based worksheet columns spanned by the sheet's range or table. */
  firstColumn: number;
  lastColumn: number;
  /** 1-based worksheet rows of the data (after the header); lastDataRow < firstDataRow when empty. */
  firstDataRow: number;
  lastDataRow: number;
  /** Columns found for canonical fields, in field order. */
  columns: ColumnLayout[];
  /** Posts: a column per instrument code holding each post's % split. */
  splitColumns: ColumnLayout[];
  /** Grades, Posts, Budget, Baseline: per-year amount columns. */
  yearColumns: YearColumnLayout[];
  /** Instruments: the other numeric columns, read as drivers (field = the header as written). */
  driverColumns: ColumnLayout[];
  /** Settings: the row of each key found (canonical key name → 1-based row). */
  settingRows: Partial<Record<string, number>>;
}

/** What readWorkbook found: for each contract sheet present, where it is and how it is laid out. */
export interface WorkbookLayout {
  sheets: Partial<Record<ContractSheetName, SheetLayout>>;
}
