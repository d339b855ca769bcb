import { cellError } from "./cellError";
import { toNumber } from "./toNumber";
import { cellNumber } from "./toVector";

/** Header text compared the way the workbook contract compares it: case, spaces and punctuation ignored. */
function key(text: unknown): string {
  const t = typeof text === "string" || typeof text === "number" ? String(text) : "";
  return t.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A year as a header holds it: the number 2026 or the text "2026" (or "FY2026"). */
function yearOf(header: unknown): number | undefined {
  if (typeof header === "number" && Number.isInteger(header)) return header;
  const m = typeof header === "string" ? /^\D*(\d{4})\D*$/.exec(header.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * STDCOST's body: finds `grade` in a standard-cost table (header row Grade, Cost and optional
 * year columns, or two columns without headers) and returns its cost for `year` times `fte`.
 * A grade or year that is not in the table is a missing value (#N/A), not a bad argument.
 */
export function standardCost(
  grade: unknown,
  grades: unknown,
  fte?: number | null,
  year?: number | null,
): number {
  const wanted = key(grade);
  if (wanted === "") throw cellError("notAvailable", "grade is missing.");
  if (!Array.isArray(grades) || grades.length === 0) throw cellError("notAvailable", "grades is empty.");
  const rows = grades as unknown[][];
  if (rows[0].length < 2)
    throw cellError("invalidValue", "grades must have at least two columns: Grade and Cost.");
  // Headers when the first row's second cell is not a number (a table with headers says "Cost").
  const second = rows[0][1];
  const hasHeaders = typeof second === "string" && second.trim() !== "" && !/^[-+\d.]/.test(second.trim());
  const headers = hasHeaders ? rows[0] : [];
  const gradeCol = hasHeaders
    ? Math.max(
        0,
        headers.findIndex((h) => key(h) === "grade"),
      )
    : 0;
  let costCol = hasHeaders
    ? headers.findIndex((h) => ["cost", "standardcost", "annualcost"].includes(key(h)))
    : 1;
  if (costCol < 0) costCol = gradeCol === 0 ? 1 : 0;
  if (year !== null && year !== undefined) {
    const y = toNumber(year, "year");
    if (!hasHeaders)
      throw cellError("invalidValue", "grades has no header row, so it has no year columns to choose from.");
    const yearCol = headers.findIndex((h) => yearOf(h) === y);
    if (yearCol < 0) throw cellError("notAvailable", `grades has no column for ${y}.`);
    costCol = yearCol;
  }
  const f = fte === null || fte === undefined ? 1 : toNumber(fte, "fte");
  if (f < 0) throw cellError("invalidValue", "fte must not be negative.");
  for (let r = hasHeaders ? 1 : 0; r < rows.length; r++) {
    if (key(rows[r][gradeCol]) !== wanted) continue;
    const cell = rows[r][costCol];
    if (cell === null || cell === undefined || cell === "") {
      throw cellError("notAvailable", `grades has no cost for ${String(grade)}${year ? ` in ${year}` : ""}.`);
    }
    return cellNumber(cell, `grades, ${String(grade)}`, costCol + 1) * f;
  }
  throw cellError("notAvailable", `Grade ${String(grade)} is not in the grades table.`);
}
