import type { CellValue } from "./grid";

/** The years a header may name: budget periods, not row numbers or amounts. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/**
 * The year a column header names ("2016", 2016, "Amount 2016", "Cost 2016 (EUR)", "FY2016", or
 * the first of January of it as a date: 01/01/2016, "01/01/2016", "2016-01-01"), or undefined
 * when it names none or more than one figure ("2015-2017", "Q1 2016"). A date on another day
 * names no year for certain (see yearHeaderProblem).
 */
export function yearOfHeader(v: CellValue | undefined): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= FIRST_YEAR && v <= LAST_YEAR ? v : undefined;
  const date = dateOfHeader(v);
  if (date !== undefined) return date.month === 1 && date.day === 1 ? inRange(date.year) : undefined;
  if (typeof v !== "string") return undefined;
  const years = [...v.matchAll(/(?<!\d)(\d{4})(?!\d)/g)];
  if (years.length !== 1) return undefined;
  const rest = v.replace(years[0][0], "");
  if (/\d/.test(rest)) return undefined;
  return inRange(Number(years[0][1]));
}

/**
 * Why a header that is a date is no year column: a date on another day than the first of January
 * (30/06/2016: the end of a financial year, or of a half?) leaves the year to a guess. Undefined
 * for every other header.
 */
export function yearHeaderProblem(v: CellValue | undefined): string | undefined {
  const date = dateOfHeader(v);
  if (date === undefined || (date.month === 1 && date.day === 1) || inRange(date.year) === undefined)
    return undefined;
  const shown = typeof v === "string" ? `'${v.trim()}'` : `the date ${date.iso}`;
  return `the header ${shown} is a date, not a year, so the column is not read as that year's amounts; type the year (${date.year}) or the first of January of it`;
}

function inRange(year: number): number | undefined {
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : undefined;
}

/** A date header: a date value, or text that is a whole date (day, month and year). */
function dateOfHeader(
  v: CellValue | undefined,
): { year: number; month: number; day: number; iso: string } | undefined {
  let year: number;
  let month: number;
  let day: number;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    [year, month, day] = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()];
  } else if (typeof v === "string") {
    const t = v.trim();
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    // 01/01/2016 reads the same day first or month first; 30/06/2016 or 06/30/2016 only one way.
    const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
    if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else if (dmy) {
      const [a, b] = [Number(dmy[1]), Number(dmy[2])];
      [year, month, day] = [Number(dmy[3]), a > 12 ? b : a, a > 12 ? a : b];
      if (a !== b && a <= 12 && b <= 12) return { year, month: 0, day: 0, iso: t };
    } else return undefined;
  } else return undefined;
  const pad = (n: number) => String(n).padStart(2, "0");
  return { year, month, day, iso: `${year}-${pad(month)}-${pad(day)}` };
}
