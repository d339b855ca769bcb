import type { Problem } from "../engine/problem";
import { columnLetter } from "./columnLetter";
import { CONTRACT } from "./inputMapping";
import { normalizeName } from "./normalizeName";
import type { SheetLayout, WorkbookLayout } from "./workbookLayout";

const SETTING_KEYS = CONTRACT.find((c) => c.name === "Settings")?.keys ?? [];

/**
 * Gives a problem its cell from its sheet, row and field (the engine knows records, not
 * columns): an unknown field falls back to the row's first column, a missing row to the field's
 * header cell, and a problem on no known sheet to A1. The sheet becomes the worksheet's name.
 */
export function locateProblem(problem: Problem, layout: WorkbookLayout): Problem {
  if (problem.cell !== undefined) return problem;
  const sheet = layoutOf(problem, layout);
  if (sheet === undefined) return problem.sheet === "Workbook" ? problem : { ...problem, cell: "A1" };
  const setting = sheet.contract === "Settings" ? settingOf(problem.field) : undefined;
  const col = setting !== undefined ? valueColumn(sheet) : columnOf(sheet, problem.field);
  const row = problem.row ?? (setting !== undefined ? sheet.settingRows[setting] : undefined);
  let cell: string;
  if (row !== undefined) cell = `${columnLetter(col ?? sheet.firstColumn)}${row}`;
  else if (col !== undefined && sheet.headerRow !== undefined)
    cell = `${columnLetter(col)}${sheet.headerRow}`;
  else if (sheet.fromTable && sheet.headerRow !== undefined)
    cell = `${columnLetter(sheet.firstColumn)}${sheet.headerRow}`;
  else cell = "A1";
  return { ...problem, sheet: sheet.sheet, cell };
}

/** The layout a problem is about: by worksheet (the row and field settle a sheet holding two tables), else by name. */
function layoutOf(problem: Problem, layout: WorkbookLayout): SheetLayout | undefined {
  const all = Object.values(layout.sheets).filter((s): s is SheetLayout => s !== undefined);
  const onSheet = all.filter((s) => s.sheet === problem.sheet);
  if (onSheet.length > 1) {
    const row = problem.row;
    const inRows = onSheet.filter(
      (s) => row !== undefined && row >= (s.headerRow ?? s.firstDataRow) && row <= s.lastDataRow,
    );
    const candidates = inRows.length > 0 ? inRows : onSheet;
    return candidates.find((s) => columnOf(s, problem.field) !== undefined) ?? candidates[0];
  }
  if (onSheet.length === 1) return onSheet[0];
  const wanted = normalizeName(problem.sheet);
  return all.find((s) => normalizeName(s.contract) === wanted || normalizeName(s.name) === wanted);
}

/** The 1-based column of a field: canonical column, split column (code), year column or driver. */
function columnOf(sheet: SheetLayout, field: string | undefined): number | undefined {
  if (field === undefined) return undefined;
  const wanted = normalizeName(field);
  const columns = [...sheet.columns, ...sheet.splitColumns, ...sheet.yearColumns, ...sheet.driverColumns];
  return columns.find((c) => normalizeName(c.field) === wanted)?.index ?? besideYear(sheet, field);
}

/**
 * A year the sheet has no column for (a period running past its year columns): the year column
 * next to where that year's column would go, the last one before it, else the first after it.
 */
function besideYear(sheet: SheetLayout, field: string): number | undefined {
  if (!/^\d{4}$/.test(field.trim()) || sheet.yearColumns.length === 0) return undefined;
  const year = Number(field);
  const before = sheet.yearColumns.filter((c) => c.year < year);
  const pick =
    before.length > 0
      ? before.reduce((a, b) => (b.year > a.year ? b : a))
      : sheet.yearColumns.reduce((a, b) => (b.year < a.year ? b : a));
  return pick.index;
}

function settingOf(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const wanted = normalizeName(field);
  return SETTING_KEYS.find((k) => [k.name, k.property, ...k.aliases].some((n) => normalizeName(n) === wanted))
    ?.name;
}

function valueColumn(sheet: SheetLayout): number | undefined {
  return sheet.columns.find((c) => c.field === "Value")?.index;
}
