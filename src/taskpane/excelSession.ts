import { addSavingsChart } from "../excel/addSavingsChart";
import { ExcelWorkbook } from "../excel/excelWorkbook";
import { MAPPING_SETTING, WorkbookSettingsStore, type JsonValue } from "../excel/workbookSettingsStore";
import { writeRules } from "../excel/writeRules";
import type { InputMapping } from "../workbook/inputMapping";
import type { WorkbookPort } from "../workbook/port";
import type { WorkbookSession } from "./workbookSession";

/** A stored setting read back as a mapping; anything else (an older or hand-edited value) is ignored. */
function asMapping(value: JsonValue | undefined): InputMapping | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

/**
 * The open workbook inside Excel. Each call is one Excel.run batch over the Office.js adapter:
 * the pane never holds a request context across the officer's clicks.
 */
export function excelSession(): WorkbookSession {
  const port: WorkbookPort = {
    readInputs: () => Excel.run((ctx) => new ExcelWorkbook(ctx).readInputs()),
    listSheets: () => Excel.run((ctx) => new ExcelWorkbook(ctx).listSheets()),
    writeOutputs: (sheets, onProgress) =>
      Excel.run((ctx) => new ExcelWorkbook(ctx).writeOutputs(sheets, onProgress)),
  };
  return {
    mode: "excel",
    title: "This workbook",
    port,
    loadMapping: () =>
      Excel.run((ctx) => new WorkbookSettingsStore(ctx).get(MAPPING_SETTING)).then(asMapping),
    // An InputMapping is plain JSON (names and strings), as the store requires.
    saveMapping: (mapping) =>
      Excel.run((ctx) =>
        new WorkbookSettingsStore(ctx).set(MAPPING_SETTING, mapping as unknown as JsonValue),
      ),
    writeRules: (sheet, cells) => Excel.run((ctx) => writeRules(ctx, sheet, cells)),
    selectCell: (sheet, cell) =>
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell ?? "A1").select();
        await ctx.sync();
      }),
    activateSheet: (sheet) =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).activate();
        await ctx.sync();
      }),
    watchSelection: (onSelect) =>
      Excel.run(async (ctx) => {
        const handler = ctx.workbook.worksheets.onSelectionChanged.add(async (args) => {
          try {
            const name = await Excel.run(async (c) => {
              const ws = c.workbook.worksheets.getItem(args.worksheetId).load("name");
              await c.sync();
              return ws.name;
            });
            onSelect(name, args.address);
          } catch (e) {
            // A selection the pane cannot place is not the officer's problem: nothing is explained.
            console.error(e);
          }
        });
        await ctx.sync();
        return () =>
          Excel.run(handler.context, async (c) => {
            handler.remove();
            await c.sync();
          });
      }),
    afterWrite: async () => {
      await Excel.run((ctx) => addSavingsChart(ctx));
    },
  };
}
