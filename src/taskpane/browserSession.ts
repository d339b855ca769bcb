import type { InputMapping } from "../workbook/inputMapping";
import type { WorkbookPort } from "../workbook/port";
import type { RuleCell } from "./rulesCells";
import type { WorkbookSession } from "./workbookSession";

/**
 * A workbook held in this page as .xlsx bytes (the sample, or a file the officer opened): the
 * pane's browser mode. The .xlsx adapter is loaded here, on first use, through a dynamic import,
 * so the bundle Excel loads never carries it.
 */
export async function browserSession(
  fileName: string,
  bytes: ArrayBuffer | Uint8Array,
): Promise<WorkbookSession> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/xlsxWorkbook");
  const book = await XlsxWorkbook.fromBuffer(bytes);
  // A browser has no workbook settings part to keep it in: the mapping lives as long as the page.
  let mapping: InputMapping | undefined;
  // Written into since opened or downloaded: only this page holds it.
  let changed = false;
  const port: WorkbookPort = {
    readInputs: () => book.readInputs(),
    listSheets: () => book.listSheets(),
    writeOutputs: async (sheets, onProgress) => {
      await book.writeOutputs(sheets, onProgress);
      changed = true;
    },
  };
  return {
    mode: "browser",
    title: fileName,
    port,
    loadMapping: () => Promise.resolve(mapping),
    saveMapping: (next) => {
      mapping = next;
      return Promise.resolve();
    },
    // The rules go into the Rules sheet itself; every other part of the workbook stays as it was.
    writeRules: async (sheet: string, cells: RuleCell[]) => {
      await book.writeCells(sheet, cells);
      changed = true;
    },
    download: async () => {
      const bytes = await book.toBuffer();
      changed = false;
      return bytes;
    },
    changedSinceDownload: () => changed,
  };
}
