import type { CellValue } from "./grid";

/** The years a header may name: budget periods, not row numbers or amounts. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/**
 * The year a column header names ("2016", 2016, "Amount 2016", "Cost 2016 (EUR)", "FY2016"), or
 * undefined when it names none or more than one figure ("2015-2017", "Q1 2016").
 */
export function yearOfHeader(v: CellValue | undefined): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= FIRST_YEAR && v <= LAST_YEAR ? v : undefined;
  if (typeof v !== "string") return undefined;
  const years = [...v.matchAll(/(?<!\d)(\d{4})(?!\d)/g)];
  if (years.length !== 1) return undefined;
  const rest = v.replace(years[0][0], "");
  if (/\d/.test(rest)) return undefined;
  const year = Number(years[0][1]);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined;
}
