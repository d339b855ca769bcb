import type { BaselineItem } from "../engine/model";
import type { CellReader } from "./cellReader";
import type { FoundSheet } from "./foundSheet";
import { fteColumnStyle, readFte } from "./readFte";
import { readYearAmounts } from "./readYearAmounts";

/** Reads the Baseline sheet: each instrument's stand-alone cost lines today, for Savings. */
export function readBaseline(sheet: FoundSheet, reader: CellReader): BaselineItem[] {
  const fteStyle = fteColumnStyle(sheet);
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
    // Staff time of a whole line, read as on Posts (3 = three posts, 50 = half-time); 0 is no staff.
    const fte = fteRef === undefined ? undefined : readFte(fteRef, reader, fteStyle, "allowed");
    const costRef = sheet.cell(row, "Cost");
    const cost = costRef === undefined ? undefined : reader.money(costRef);
    const costByYear = readYearAmounts(sheet, row, reader);
    if (
      cost === undefined &&
      costByYear === undefined &&
      grade === undefined &&
      reader.problems.length === before &&
      !sheet.mayLack("Cost")
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
