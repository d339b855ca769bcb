import { cellError } from "./cellError";
import { cellNumber } from "./toVector";

/**
 * Reads a rectangular range argument of numbers (a split table, a support matrix). Blank cells
 * count as 0; text is refused with its row and column within the range.
 */
export function toMatrix(value: unknown, what: string): number[][] {
  if (value === null || value === undefined) throw cellError("notAvailable", `${what} is missing.`);
  const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  if (rows.length === 0 || rows[0].length === 0) throw cellError("notAvailable", `${what} is empty.`);
  const width = rows[0].length;
  return rows.map((row, r) => {
    if (row.length !== width) throw cellError("invalidValue", `${what} must be a rectangular range.`);
    return row.map((cell, c) => cellNumber(cell, `${what}, row ${r + 1}`, c + 1));
  });
}
