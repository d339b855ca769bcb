import type { CellReader } from "./cellReader";
import type { DataRow, FoundSheet } from "./foundSheet";

/** A row's amounts in the sheet's year columns (blank years left out), or undefined when there are none. */
export function readYearAmounts(
  sheet: FoundSheet,
  row: DataRow,
  reader: CellReader,
): Record<number, number> | undefined {
  let amounts: Record<number, number> | undefined;
  for (const column of sheet.layout.yearColumns) {
    const amount = reader.money(sheet.cellIn(row, column));
    if (amount !== undefined) (amounts ??= {})[column.year] = amount;
  }
  return amounts;
}
