import type { Grade } from "../engine/model";
import type { CellReader } from "./cellReader";
import type { FoundSheet } from "./foundSheet";
import { normalizeName } from "./normalizeName";
import { readYearAmounts } from "./readYearAmounts";

/**
 * Reads the Grades sheet: a unique grade per row with its annual standard cost, or its cost by
 * year (the first-year cost is then the earliest year's, so that escalation starts from it).
 */
export function readGrades(sheet: FoundSheet, reader: CellReader, firstYear: number): Grade[] {
  const grades: Grade[] = [];
  const seenAt = new Map<string, number>();
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const gradeRef = sheet.cell(row, "Grade");
    if (gradeRef === undefined) continue;
    const grade = reader.requiredText(gradeRef, "type the grade, e.g. P4");
    const costRef = sheet.cell(row, "Cost");
    const cost = costRef === undefined ? undefined : reader.money(costRef);
    const costByYear = readYearAmounts(sheet, row, reader);
    if (grade === undefined) continue;
    const earlier = seenAt.get(normalizeName(grade));
    if (earlier !== undefined) {
      reader.report(
        gradeRef,
        `Grade '${grade}' is listed twice: also on row ${earlier}; give each grade one row`,
      );
      continue;
    }
    seenAt.set(normalizeName(grade), row.row);
    const firstCost = cost ?? firstYearAmount(costByYear, firstYear);
    if (firstCost === undefined) {
      if (reader.problems.length === before && !sheet.mayLack("Cost")) {
        const ref = costRef ?? sheet.cellIn(row, sheet.layout.yearColumns[0]);
        reader.report(ref, `${ref.field} is blank; type the grade's annual standard cost`);
      }
      continue;
    }
    grades.push({
      grade,
      cost: firstCost,
      ...(costByYear !== undefined ? { costByYear } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return grades;
}

/** The amount for the first year, or else for the earliest year given. */
function firstYearAmount(byYear: Record<number, number> | undefined, firstYear: number): number | undefined {
  if (byYear === undefined) return undefined;
  if (byYear[firstYear] !== undefined) return byYear[firstYear];
  const years = Object.keys(byYear).map(Number);
  return years.length === 0 ? undefined : byYear[Math.min(...years)];
}
