import type { CellValue } from "../grid";

/** A positive whole number, read from a number cell or a text of digits (as some programs store it). */
export function wholeNumber(v: CellValue | undefined): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
