/** Name given to our chart, so a later run can find and replace it. */
export const SAVINGS_CHART_NAME = "CMS savings chart";

/**
 * Adds a native clustered-column chart to the Savings sheet: each instrument's stand-alone cost
 * against its shared cost, from the sheet's own cells (so the chart follows if the officer edits
 * them). Finds the table by its header ("Instrument", "Stand-alone ...") rather than by fixed
 * addresses; does nothing when the sheet holds no instrument with a baseline.
 * Two round trips: one to read the sheet, one to add the chart.
 */
export async function addSavingsChart(
  context: Excel.RequestContext,
  sheetName = "Savings",
): Promise<boolean> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const used = ws.getUsedRange(true).load(["values", "rowIndex", "columnIndex"]);
  const charts = ws.charts.load("items/name");
  await context.sync();

  const values = used.values as unknown[][];
  const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
  const header = values.findIndex(
    (row) => text(row[0]) === "Instrument" && /^stand-alone/i.test(text(row[1])),
  );
  if (header < 0) return false;
  let last = header;
  while (last + 1 < values.length) {
    const name = text(values[last + 1][0]);
    if (name === "" || /^total$/i.test(name)) break;
    last++;
  }
  if (last === header) return false;

  for (const chart of charts.items) if (chart.name === SAVINGS_CHART_NAME) chart.delete();
  // Columns A:C of the table: instrument, stand-alone (baseline), shared.
  const source = ws.getRangeByIndexes(used.rowIndex + header, used.columnIndex, last - header + 1, 3);
  const chart = ws.charts.add(Excel.ChartType.columnClustered, source, Excel.ChartSeriesBy.columns);
  chart.name = SAVINGS_CHART_NAME;
  chart.title.text = "Stand-alone against shared cost, by instrument";
  chart.legend.position = Excel.ChartLegendPosition.bottom;
  const below = used.rowIndex + values.length + 1;
  chart.setPosition(ws.getCell(below, used.columnIndex), ws.getCell(below + 18, used.columnIndex + 7));
  await context.sync();
  return true;
}
