import type { BaselineItem } from "../engine/model";
import type { CellReader } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import { readYearAmounts } from "./readYearAmounts";

/** Reads the Baseline sheet: each instrument's stand-alone cost lines today, for Savings. */
export function readBaseline(sheet: FoundSheet, reader: CellReader): BaselineItem[] {
  const items: BaselineItem[] = [];
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const instrumentRef = sheet.cell(row, "Instrument");
    const categoryRef = sheet.cell(row, "Category");
    if (instrumentRef === undefined || categoryRef === undefined) continue;
    const instrument = reader.requiredText(instrumentRef, "type the instrument's code");
    const category = reader.requiredText(
      categoryRef,
      "type its category, e.g. Staff, Meetings or Operational",
    );
    const itemRef = sheet.cell(row, "Item");
    const item = itemRef === undefined ? undefined : reader.text(itemRef);
    const gradeRef = sheet.cell(row, "Grade");
    const grade = gradeRef === undefined ? undefined : reader.text(gradeRef);
    const fteRef = sheet.cell(row, "FTE");
    // Baseline FTE counts staff time of a whole line (3 = three posts): a plain number is never a percent.
    const fte = fteRef === undefined ? undefined : reader.percent(fteRef, { plainAbove1: false });
    if (fteRef !== undefined && fte !== undefined && fte < 0) {
      reader.report(fteRef, `FTE cannot be negative, found ${describeValue(fteRef.value)}`);
    }
    const costRef = sheet.cell(row, "Cost");
    const cost = costRef === undefined ? undefined : reader.money(costRef);
    const costByYear = readYearAmounts(sheet, row, reader);
    if (
      cost === undefined &&
      costByYear === undefined &&
      grade === undefined &&
      reader.problems.length === before
    ) {
      reader.report(
        costRef ?? gradeRef ?? instrumentRef,
        "the line has no Cost, no Grade and no amounts by year; type its annual cost, or the grade and FTE",
      );
    }
    if (reader.problems.length > before || instrument === undefined || category === undefined) continue;
    items.push({
      instrument,
      ...(item !== undefined ? { item } : {}),
      category,
      ...(grade !== undefined ? { grade } : {}),
      ...(fte !== undefined ? { fte } : {}),
      ...(cost !== undefined ? { cost } : {}),
      ...(costByYear !== undefined ? { costByYear } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return items;
}
