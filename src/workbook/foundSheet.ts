import type { Problem } from "../engine/problem";
import type { CellRef } from "./cellReader";
import { cellKey, isUncalculated, type CellValue } from "./grid";
import type { ColumnLayout, SheetLayout } from "./workbookLayout";

/** One data row of a contract sheet, below its header. */
export interface DataRow {
  /** 1-based worksheet row. */
  row: number;
  /** The row's values from the block's first column. */
  values: readonly CellValue[];
}

/** A contract sheet located in the workbook: its layout, its header cells and its data rows. */
export class FoundSheet {
  constructor(
    readonly layout: SheetLayout,
    /** Header row values from layout.firstColumn (empty for bare Settings pairs). */
    readonly header: readonly CellValue[],
    readonly rows: readonly DataRow[],
    /** Warnings about the layout itself (a repeated header), with their cells. */
    readonly warnings: readonly Problem[] = [],
    /** The worksheet's cells formatted as percentages (WorkbookGrids.percentCells), if known. */
    private readonly percentCells?: ReadonlySet<number>,
  ) {}

  /** The value at a 1-based worksheet column of a data row. */
  valueAt(row: DataRow, col: number): CellValue {
    return row.values[col - this.layout.firstColumn] ?? null;
  }

  /** The cell of a canonical field in a row, or undefined when the sheet has no such column. */
  cell(row: DataRow, field: string): CellRef | undefined {
    const column = this.layout.columns.find((c) => c.field === field);
    return column === undefined ? undefined : this.cellIn(row, column);
  }

  /** The cell of a found column (split, year, driver) in a row. */
  cellIn(row: DataRow, column: ColumnLayout): CellRef {
    const ref: CellRef = {
      sheet: this.layout.sheet,
      row: row.row,
      col: column.index,
      field: column.field,
      value: this.valueAt(row, column.index),
    };
    if (this.percentCells?.has(cellKey(row.row, column.index)) === true) ref.percent = true;
    return ref;
  }

  /**
   * True when the sheet has no column for `field` but some header cell holds a formula with no
   * saved value (reported at that cell): the column may well be that one, so what follows from
   * the field's absence is no problem of its own and is not reported.
   */
  mayLack(field: string): boolean {
    return this.cell({ row: 0, values: [] }, field) === undefined && this.header.some(isUncalculated);
  }

  /** Header cells not taken by a field or a year: where split and driver columns are looked for. */
  freeHeaders(): { index: number; text: string }[] {
    const taken = new Set<number>([
      ...this.layout.columns.map((c) => c.index),
      ...this.layout.yearColumns.map((c) => c.index),
    ]);
    const free: { index: number; text: string }[] = [];
    this.header.forEach((v, i) => {
      const index = this.layout.firstColumn + i;
      const text = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
      if (text !== "" && !taken.has(index)) free.push({ index, text });
    });
    return free;
  }
}
