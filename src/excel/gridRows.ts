import type { CellValue } from "../workbook/grid";

/** Office.js values to grid values: "" is an empty cell, and error cells become CellError values. */
export function gridRows(values: unknown[][], types: Excel.RangeValueType[][]): CellValue[][] {
  return values.map((row, r) =>
    row.map((v, c): CellValue => {
      // Compared as text: the Excel.RangeValueType enum object exists only inside Office.
      if ((types[r]?.[c] as string) === "Error") return { error: typeof v === "string" ? v : "#VALUE!" };
      if (v === "" || v === null || v === undefined) return null;
      if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
      // Office.js hands over only primitives; anything else would be a new API shape, shown as is.
      return JSON.stringify(v);
    }),
  );
}
