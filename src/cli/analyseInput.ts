import { computeAllocation } from "../engine/computeAllocation";
import type { Problem } from "../engine/problem";
import { hasErrors } from "../engine/problem";
import type { Allocation } from "../engine/result";
import type { WorkbookGrids } from "../workbook/grid";
import { locateProblem } from "../workbook/locateProblem";
import { OUTPUT_SHEETS } from "../workbook/ownership";
import { readWorkbook } from "../workbook/readWorkbook";
import { XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { UserError } from "./errors";

/** What the CLI learns from an input workbook: its problems, and the allocation when there are none. */
export interface InputAnalysis {
  book: XlsxWorkbook;
  grids: WorkbookGrids;
  /** Every problem, errors and warnings, each located on its cell where it has one. */
  problems: Problem[];
  /** Present only when no problem is an error. */
  allocation?: Allocation;
}

/**
 * Opens an input workbook and runs the whole check: the workbook contract, the engine, and the
 * output sheet names (a sheet of the user's called "Allocation" would block the write), so that
 * every problem is reported at once.
 */
export async function analyseInput(path: string, data: Uint8Array): Promise<InputAnalysis> {
  const book = await XlsxWorkbook.fromBuffer(data).catch((err: unknown) => {
    throw new UserError(
      `${path}: not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)}).`,
    );
  });
  const grids = await book.readInputs();
  const read = readWorkbook(grids);
  const problems: Problem[] = [...read.problems, ...outputNameConflicts(grids)];
  if (!read.model || hasErrors(read.problems)) return { book, grids, problems };
  const outcome = computeAllocation(read.model);
  if (!outcome.ok) {
    problems.push(...outcome.problems.map((p) => locateProblem(p, read.layout)));
    return { book, grids, problems };
  }
  problems.push(...outcome.allocation.warnings.map((p) => locateProblem(p, read.layout)));
  return hasErrors(problems)
    ? { book, grids, problems }
    : { book, grids, problems, allocation: outcome.allocation };
}

/** A problem for each sheet of the user's that has the name of one of our output sheets. */
function outputNameConflicts(grids: WorkbookGrids): Problem[] {
  const owned = new Set(grids.ownedSheets);
  const outputs = new Set<string>(OUTPUT_SHEETS.map((s) => s.toLowerCase()));
  return grids.sheets
    .filter((s) => outputs.has(s.name.toLowerCase()) && !owned.has(s.name))
    .map((s) => ({
      severity: "error" as const,
      sheet: s.name,
      cell: "A1",
      message:
        `This workbook already has a sheet named '${s.name}' that costshare did not write, and costshare writes ` +
        `its results to a sheet of that name. Rename the sheet (or move its content) and run again.`,
    }));
}
