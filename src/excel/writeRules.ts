/** One cell to write on the Rules sheet (row and column 1-based); null clears it. */
export interface RuleCellWrite {
  row: number;
  col: number;
  value: string | number | null;
  /** Number format applied before the value, so text stays text ("@") and bounds show as percents. */
  format: string;
}

/**
 * Writes edited rules into the Rules sheet of the open workbook in one round trip, so that the
 * rules used for a run stay visible and auditable in the workbook. Text cells get the text
 * format first, so a basis or unit name that starts with "=" can never become a formula.
 */
export async function writeRules(
  context: Excel.RequestContext,
  sheet: string,
  cells: readonly RuleCellWrite[],
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  for (const c of cells) {
    const range = ws.getCell(c.row - 1, c.col - 1);
    if (c.value === null) {
      range.clear(Excel.ClearApplyTo.contents);
      continue;
    }
    range.numberFormat = [[c.format]];
    range.values = [[c.value]];
  }
  await context.sync();
}
