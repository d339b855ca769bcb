import type { OutputSheet, WorkbookGrids } from "./grid";

/** A sheet that exists in the target workbook, and whether this add-in wrote it. */
export interface ExistingSheet {
  name: string;
  /** True when the sheet carries our ownership mark (we may replace it). */
  owned: boolean;
}

/**
 * What the task pane, the CLI and the tests need from a workbook, whatever holds it: the open
 * workbook in Excel (src/excel) or an .xlsx file (src/xlsx). Adapters implement it; nothing
 * outside an adapter touches Excel or ExcelJS.
 */
export interface WorkbookPort {
  /**
   * Reads the used range of every sheet and table the workbook layer can use (inputSheets), in as
   * few round trips as the host allows; an adapter may list the other sheets and tables by name
   * with no rows, rather than read them.
   */
  readInputs(): Promise<WorkbookGrids>;
  /** Lists the sheets of the workbook with their ownership. */
  listSheets(): Promise<ExistingSheet[]>;
  /**
   * Writes the output sheets. A sheet of the same name that is ours is replaced; one that is not
   * ours makes the whole write fail before anything is written (ForeignSheetError).
   * Implementations write new content first and replace the old output last, so that a fault
   * midway leaves the earlier output intact.
   */
  writeOutputs(sheets: OutputSheet[], onProgress?: (fraction: number) => void): Promise<void>;
}
