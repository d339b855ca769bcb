import { cellKey, type WorkbookGrids } from "../workbook/grid";
import { cleanMapping } from "../workbook/cleanMapping";
import { CONTRACT, type InputMapping } from "../workbook/inputMapping";
import { locateSheet } from "../workbook/locateSheet";
import { isPercentFormat } from "../workbook/percentFormat";

/**
 * The grids with the cells where a percentage format changes what a number means: the Parties
 * sheet's UNScale column, read in percent as the UN publishes it (a plain 6.1 is 6.1%), where a
 * cell formatted as a percentage shows 6.10% and holds 0.061 (WorkbookGrids.percentCells).
 * Office.js gives values without their formats, so the column's formats are read on their own:
 * one sync, only when the workbook has a Parties sheet with that column.
 */
export async function readRateFormats(
  context: Excel.RequestContext,
  grids: WorkbookGrids,
  mapping: InputMapping | undefined,
): Promise<WorkbookGrids> {
  const contract = CONTRACT.find((c) => c.name === "Parties");
  if (contract === undefined) return grids;
  const located = locateSheet(grids, contract, cleanMapping(mapping?.Parties));
  if (located.status !== "found") return grids;
  const { layout } = located.sheet;
  const column = layout.columns.find((c) => c.field === "UNScale");
  if (column === undefined || layout.lastDataRow < layout.firstDataRow) return grids;
  const range = context.workbook.worksheets
    .getItem(layout.sheet)
    .getRange(`${column.column}${layout.firstDataRow}:${column.column}${layout.lastDataRow}`)
    .load("numberFormat");
  await context.sync();
  const cells = new Set<number>();
  range.numberFormat.forEach((row, r) => {
    const code: unknown = row[0];
    if (typeof code === "string" && isPercentFormat(code))
      cells.add(cellKey(layout.firstDataRow + r, column.index));
  });
  if (cells.size === 0) return grids;
  return { ...grids, percentCells: { ...grids.percentCells, [layout.sheet]: cells } };
}
