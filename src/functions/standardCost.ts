import { COST_ALIASES, GRADE_ALIASES } from "../workbook/gradesColumns";
import { MAX_POSTS_ON_A_LINE } from "../workbook/readFte";
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
  const m = typeof header === "string" ? /^\D*(\d{4})\D*$/.exec(header.trim()) : null;
  const y = typeof header === "number" ? header : m ? Number(m[1]) : undefined;
  return y !== undefined && Number.isInteger(y) && y >= 1900 && y <= 2199 ? y : undefined;
}

/** The names the Grades sheet gives its Grade and Cost columns, compared as key() compares them. */
const GRADE_NAMES = new Set(["Grade", ...GRADE_ALIASES].map(key));
const COST_NAMES = new Set(["Cost", ...COST_ALIASES].map(key));

/** A header row: its first cell names the grade column, or its other cells are all names or years. */
function isHeaderRow(row: readonly unknown[]): boolean {
  if (GRADE_NAMES.has(key(row[0]))) return true;
  return row
    .slice(1)
    .every(
      (h) =>
        h === null ||
        h === undefined ||
        yearOf(h) !== undefined ||
        (typeof h === "string" && (h.trim() === "" || !/^[-+\d.]/.test(h.trim()))),
    );
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
  // A header row names its columns as the Grades sheet does (Grade, UN grade, Cost, Standard
  // cost, ..., years): its first cell is such a name, or its other cells are names or years. A
  // table without one is two columns, grade and cost.
  const headers = isHeaderRow(rows[0]) ? rows[0] : [];
  const hasHeaders = headers.length > 0;
  const gradeCol = hasHeaders
    ? Math.max(
        0,
        headers.findIndex((h) => GRADE_NAMES.has(key(h))),
      )
    : 0;
  let costCol = hasHeaders ? headers.findIndex((h) => COST_NAMES.has(key(h))) : 1;
  if (year !== null && year !== undefined) {
    const y = toNumber(year, "year");
    if (!hasHeaders)
      throw cellError("invalidValue", "grades has no header row, so it has no year columns to choose from.");
    const yearCol = headers.findIndex((h) => yearOf(h) === y);
    if (yearCol < 0) throw cellError("notAvailable", `grades has no column for ${y}.`);
    costCol = yearCol;
  }
  if (costCol < 0)
    throw cellError(
      "invalidValue",
      "grades has no Cost column (Cost, Standard cost, Annual cost, ...): name it, or give the year whose column to read.",
    );
  // The grade's rows: one, or the table is ambiguous.
  const found = rows.flatMap((row, r) =>
    r >= (hasHeaders ? 1 : 0) && key(row[gradeCol]) === wanted ? [r] : [],
  );
  if (found.length > 1)
    throw cellError(
      "invalidValue",
      `grades lists ${String(grade)} ${found.length} times (rows ${found.map((r) => r + 1).join(", ")}).`,
    );
  const f = fteOf(fte);
  for (const r of found) {
    const cell = rows[r][costCol];
    if (cell === null || cell === undefined || cell === "") {
      throw cellError("notAvailable", `grades has no cost for ${String(grade)}${year ? ` in ${year}` : ""}.`);
    }
    return cellNumber(cell, `grades, ${String(grade)}`, costCol + 1) * f;
  }
  throw cellError("notAvailable", `Grade ${String(grade)} is not in the grades table.`);
}

/**
 * The FTE as the Posts sheet reads it: a number of posts (1, 0.5, 2), or a plain number above
 * MAX_POSTS_ON_A_LINE and up to 100 as a percent of one post (50 = half-time); more than 0.
 */
function fteOf(fte: number | null | undefined): number {
  if (fte === null || fte === undefined) return 1;
  const typed = toNumber(fte, "fte");
  if (!(typed > 0))
    throw cellError("invalidValue", `fte must be more than 0 (a full-time post is 1 or 100%), got ${typed}.`);
  if (typed <= MAX_POSTS_ON_A_LINE) return typed;
  if (typed <= 100) return typed / 100;
  throw cellError(
    "invalidValue",
    `fte ${typed} is neither a number of posts (up to ${MAX_POSTS_ON_A_LINE}) nor a percent of one post (up to 100).`,
  );
}
