import type { BudgetLine } from "../engine/model";
import type { CellReader } from "./cellReader";
import type { FoundSheet } from "./foundSheet";
import { readYearAmounts } from "./readYearAmounts";
import type { ScenarioCells } from "./scenarioCells";

/**
 * Reads the Budget sheet: non-staff lines of each unit with a category, an annual amount or
 * amounts by year, and the options they hold in.
 */
export function readBudget(sheet: FoundSheet, reader: CellReader, options: ScenarioCells): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const itemRef = sheet.cell(row, "Item");
    const unitRef = sheet.cell(row, "Unit");
    const categoryRef = sheet.cell(row, "Category");
    if (itemRef === undefined || unitRef === undefined || categoryRef === undefined) continue;
    const item = reader.requiredText(itemRef, "say what the line pays for");
    const unit = reader.requiredText(unitRef, "type the common service this line belongs to");
    const category = reader.requiredText(
      categoryRef,
      "type its category, e.g. Meetings, Operational or Travel",
    );
    const amountRef = sheet.cell(row, "Amount");
    const amount = amountRef === undefined ? undefined : reader.money(amountRef);
    const amountByYear = readYearAmounts(sheet, row, reader);
    const scenarios = options.read(sheet, row, reader);
    if (
      amount === undefined &&
      amountByYear === undefined &&
      reader.problems.length === before &&
      !sheet.mayLack("Amount")
    ) {
      const ref = amountRef ?? sheet.cellIn(row, sheet.layout.yearColumns[0]);
      reader.report(ref, `${ref.field} is blank; type the line's annual amount`);
    }
    if (
      reader.problems.length > before ||
      item === undefined ||
      unit === undefined ||
      category === undefined
    ) {
      continue;
    }
    lines.push({
      item,
      unit,
      category,
      ...(amount !== undefined ? { amount } : {}),
      ...(amountByYear !== undefined ? { amountByYear } : {}),
      ...(scenarios ? { scenarios } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return lines;
}
