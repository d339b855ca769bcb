import type { InputMapping } from "../workbook/inputMapping";
import type { WorkbookPort } from "../workbook/port";
import type { RuleCell } from "./rulesCells";
import type { WorkbookSession } from "./workbookSession";

/**
 * A workbook held in this page as .xlsx bytes (the sample, or a file the officer opened): the
 * pane's browser mode. ExcelJS and the .xlsx adapter are loaded here, on first use, through
 * dynamic imports, so the bundle Excel loads never carries them.
 */
export async function browserSession(
  fileName: string,
  bytes: ArrayBuffer | Uint8Array,
): Promise<WorkbookSession> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/xlsxWorkbook");
  let book = await XlsxWorkbook.fromBuffer(bytes);
  // A browser has no workbook settings part to keep it in: the mapping lives as long as the page.
  let mapping: InputMapping | undefined;
  const port: WorkbookPort = {
    readInputs: () => book.readInputs(),
    listSheets: () => book.listSheets(),
    writeOutputs: (sheets, onProgress) => book.writeOutputs(sheets, onProgress),
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
    writeRules: async (sheet: string, cells: RuleCell[]) => {
      // The .xlsx adapter writes only output sheets; the Rules sheet is edited with ExcelJS on a
      // copy of the bytes, which then becomes the workbook, so the download carries the rules used.
      const { Workbook } = await import(/* webpackChunkName: "xlsx" */ "exceljs");
      const wb = new Workbook();
      await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(sheet);
      if (ws === undefined) throw new Error(`The workbook has no sheet named '${sheet}'`);
      for (const c of cells) {
        const cell = ws.getCell(c.row, c.col);
        // A string is stored as a string cell by ExcelJS, never as a formula.
        cell.value = c.value;
        if (c.value !== null && c.format !== "@") cell.numFmt = c.format;
      }
      book = await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    },
    download: () => book.toBuffer(),
  };
}
