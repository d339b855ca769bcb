import type { Problem } from "../engine/problem";
import type { Allocation } from "../engine/result";
import { analyseWorkbook } from "../workbook/analyseWorkbook";
import type { WorkbookGrids } from "../workbook/grid";
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

/** Opens an input workbook and runs the whole check (analyseWorkbook), so that every problem is reported at once. */
export async function analyseInput(path: string, data: Uint8Array): Promise<InputAnalysis> {
  const book = await XlsxWorkbook.fromBuffer(data).catch((err: unknown) => {
    throw new UserError(
      `${path}: not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)}).`,
    );
  });
  const grids = await book.readInputs();
  const { problems, allocation } = analyseWorkbook(grids);
  return allocation ? { book, grids, problems, allocation } : { book, grids, problems };
}
