import type { Model } from "../engine/model";
import type { Problem } from "../engine/problem";
import type { Allocation } from "../engine/result";
import { analyseWorkbook } from "../workbook/analyseWorkbook";
import type { WorkbookGrids } from "../workbook/grid";
import type { RunHistory } from "../workbook/history/readRunHistory";
import { restatedApproval } from "../workbook/history/restatedApproval";
import { inputSheets } from "../workbook/inputSheets";
import { NotAWorkbookError, WorkbookTooLargeError, XlsxPackageError } from "../xlsx/errors";
import { XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { UserError } from "./errors";
import { nodeZipCodec } from "./nodeZipCodec";

/** What the CLI learns from an input workbook: its problems, and the allocation when there are none. */
export interface InputAnalysis {
  book: XlsxWorkbook;
  grids: WorkbookGrids;
  /** Every problem, errors and warnings, each located on its cell where it has one. */
  problems: Problem[];
  /** Present only when no problem is an error. */
  allocation?: Allocation;
  /** The model allocated, when reading succeeded. */
  model?: Model;
  /** What earlier runs recorded in the workbook. */
  history: RunHistory;
}

/**
 * Opens an input workbook and runs the whole check (analyseWorkbook), so that every problem is
 * reported at once. Only the sheets and tables that can hold an input (inputSheets: by their name
 * or an alias) and our own Log are read, as in Excel: a ledger or data sheet beside them costs nothing.
 */
export async function analyseInput(path: string, data: Uint8Array): Promise<InputAnalysis> {
  const { book, grids } = await openInput(path, data);
  const { problems, allocation, model, history } = analyseWorkbook(grids, { restated: restatedApproval });
  return {
    book,
    grids,
    problems,
    history,
    ...(allocation !== undefined ? { allocation } : {}),
    ...(model !== undefined ? { model } : {}),
  };
}

/** The workbook and the grids of its input sheets; a file that cannot be read is a UserError that says why. */
async function openInput(
  path: string,
  data: Uint8Array,
): Promise<{ book: XlsxWorkbook; grids: WorkbookGrids }> {
  try {
    const book = await XlsxWorkbook.fromBuffer(data, nodeZipCodec);
    const grids = await book.readInputs({ select: (index) => inputSheets(index) });
    return { book, grids };
  } catch (err) {
    if (err instanceof NotAWorkbookError || err instanceof WorkbookTooLargeError) {
      throw new UserError(`${path}: ${err.message}`);
    }
    if (err instanceof XlsxPackageError)
      throw new UserError(`${path}: not a readable Excel workbook (${err.message}).`);
    throw err;
  }
}
