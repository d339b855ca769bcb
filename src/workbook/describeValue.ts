import { isUncalculated, type CellValue } from "./grid";
import { plainNumber } from "./plainNumber";

/** How a found value is quoted in a message: text in quotes, a date by its day, TRUE/FALSE. */
export function describeValue(v: CellValue): string {
  if (v === null) return "a blank cell";
  if (typeof v === "string") return `'${v.trim()}'`;
  if (typeof v === "number") return plainNumber(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return `a date (${v.toISOString().slice(0, 10)})`;
  if (isUncalculated(v)) return `the formula =${v.formula}, never calculated`;
  return `the error ${v.error}`;
}
