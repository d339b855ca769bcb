import type { Post } from "../engine/model";
import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import { plainNumber } from "./plainNumber";
import { columnLetter } from "./columnLetter";
import type { DataRow, FoundSheet } from "./foundSheet";
import { instrumentCodeProblem } from "./instrumentCodeProblem";
import { normalizeName } from "./normalizeName";
import { fteColumnStyle, readFte } from "./readFte";
import { readYearAmounts } from "./readYearAmounts";
import type { ScenarioCells } from "./scenarioCells";
import { commonOptions, inCommonOptions } from "./commonOptions";

/** Tolerance on a split adding up to 100%: a hundredth of a percent, as parseBasis allows. */
const SUM_TOLERANCE = 1e-4;

/**
 * Reads the Posts sheet: unique posts with their unit, grade, FTE (1 when blank; 2 = a line of two
 * posts, see readFte), cost or cost
 * by year, funding instrument, in the columns named after instrument codes their own split, and
 * the options they hold in. A PostId may come back on another row only for other options.
 */
export function readPosts(
  sheet: FoundSheet,
  reader: CellReader,
  codes: readonly string[],
  options: ScenarioCells,
): Post[] {
  findSplitColumns(sheet, codes);
  warnNearCodes(sheet, reader, codes);
  const fteStyle = fteColumnStyle(sheet);
  const posts: Post[] = [];
  const seenAt = new Map<string, { row: number; scenarios?: string[] }[]>();
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const cell = (field: string) => sheet.cell(row, field);
    const idRef = cell("PostId");
    const titleRef = cell("Title");
    const gradeRef = cell("Grade");
    const unitRef = cell("Unit");
    if (idRef === undefined || titleRef === undefined || gradeRef === undefined || unitRef === undefined)
      continue;
    const id = reader.requiredText(idRef, "type the post's number");
    const title = reader.requiredText(titleRef, "type the post's functional title");
    const grade = reader.text(gradeRef);
    const unit = reader.requiredText(unitRef, "type the common service this post belongs to");
    const fteRef = cell("FTE");
    const fte =
      fteRef === undefined || reader.isBlank(fteRef.value) ? 1 : readFte(fteRef, reader, fteStyle, "refused");
    const costRef = cell("Cost");
    const cost = costRef === undefined ? undefined : reader.money(costRef);
    const costByYear = readYearAmounts(sheet, row, reader);
    const fundedRef = cell("FundedBy");
    const fundedBy = fundedRef === undefined ? undefined : readFundedBy(fundedRef, reader);
    const split = readSplit(sheet, row, reader, id);
    const scenarios = options.read(sheet, row, reader);
    if (
      grade === undefined &&
      cost === undefined &&
      costByYear === undefined &&
      reader.problems.length === before &&
      !sheet.mayLack("Cost")
    ) {
      reader.report(gradeRef, "Grade and Cost are both blank; type the post's grade, or its annual cost");
    }
    if (id !== undefined && scenarios !== null) {
      const key = id.toLowerCase();
      const rows = seenAt.get(key) ?? [];
      const clash = rows
        .map((r) => ({ row: r.row, common: commonOptions(r.scenarios, scenarios) }))
        .find((c) => c.common.length > 0);
      if (clash !== undefined) {
        reader.report(
          idRef,
          `PostId '${id}' is used twice${inCommonOptions(clash.common)}: also on row ${clash.row}; give each post its own number`,
        );
      } else {
        seenAt.set(key, [...rows, { row: row.row, ...(scenarios !== undefined ? { scenarios } : {}) }]);
      }
    }
    if (reader.problems.length > before || id === undefined || title === undefined || unit === undefined)
      continue;
    if (fte === undefined || split === null || scenarios === null) continue;
    posts.push({
      id,
      title,
      ...(grade !== undefined ? { grade } : {}),
      unit,
      fte,
      ...(cost !== undefined ? { cost } : {}),
      ...(costByYear !== undefined ? { costByYear } : {}),
      ...(fundedBy !== undefined ? { fundedBy } : {}),
      ...(split !== undefined ? { split } : {}),
      ...(scenarios !== undefined ? { scenarios } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return posts;
}

/** A header equal to an instrument code ("CMS", "CMS %", "CMS share") is that instrument's split column. */
function findSplitColumns(sheet: FoundSheet, codes: readonly string[]): void {
  const byName = new Map(codes.map((c) => [normalizeName(c), c]));
  const taken = new Set<string>();
  for (const { index, text } of sheet.freeHeaders()) {
    const name = normalizeName(text).replace(/(share|split)$/, "");
    const code = byName.get(name);
    if (code === undefined || taken.has(code)) continue;
    taken.add(code);
    sheet.layout.splitColumns.push({ field: code, header: text, column: columnLetter(index), index });
  }
}

/**
 * A numeric column whose header is one letter away from an instrument code ("SHARK" for SHARKS)
 * is most likely a split column with a typo: say so, since it is otherwise silently left alone.
 */
function warnNearCodes(sheet: FoundSheet, reader: CellReader, codes: readonly string[]): void {
  const headerRow = sheet.layout.headerRow;
  if (headerRow === undefined) return;
  const split = new Set(sheet.layout.splitColumns.map((c) => c.index));
  for (const { index, text } of sheet.freeHeaders()) {
    if (split.has(index) || instrumentCodeProblem(text) !== undefined) continue;
    const near = codes.find((c) => oneEditApart(normalizeName(text), normalizeName(c)));
    if (near === undefined) continue;
    if (!sheet.rows.some((row) => typeof sheet.valueAt(row, index) === "number")) continue;
    reader.report(
      { sheet: sheet.layout.sheet, row: headerRow, col: index, field: text, value: text },
      `column '${text}' is not read as a split, as no instrument has that code; did you mean ${near}?`,
      "warning",
    );
  }
}

/** True when two different names of three letters or more differ by one letter added, removed or changed. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 3 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1);
}

function readFundedBy(ref: CellRef, reader: CellReader): string | undefined {
  const code = reader.text(ref);
  if (code === undefined) return undefined;
  if (instrumentCodeProblem(code) !== undefined) {
    reader.report(
      ref,
      `FundedBy must be the code of an instrument, such as CMS, found ${describeValue(ref.value)}`,
    );
    return undefined;
  }
  return code;
}

/**
 * The post's own split, as fractions: from percent cells (adding up to 1), or from plain numbers
 * adding up to 100. Undefined when the split columns are blank (or all 0); null after a problem.
 */
function readSplit(
  sheet: FoundSheet,
  row: DataRow,
  reader: CellReader,
  id: string | undefined,
): Record<string, number> | undefined | null {
  const entries: { ref: CellRef; value: number; percentText: boolean }[] = [];
  let failed = false;
  for (const column of sheet.layout.splitColumns) {
    const ref = sheet.cellIn(row, column);
    const share = reader.share(ref);
    if (share === undefined) {
      failed ||= !reader.isBlank(ref.value);
      continue;
    }
    if (share.value < 0) {
      reader.report(
        ref,
        `the share of ${column.field} cannot be negative, found ${describeValue(ref.value)}`,
      );
      failed = true;
      continue;
    }
    if (share.value !== 0) entries.push({ ref, value: share.value, percentText: share.fromPercentText });
  }
  if (failed) return null;
  if (entries.length === 0) return undefined;
  const sum = entries.reduce((s, e) => s + e.value, 0);
  const plainPercents = !entries.some((e) => e.percentText) && Math.abs(sum - 100) <= SUM_TOLERANCE * 100;
  if (!plainPercents && Math.abs(sum - 1) > SUM_TOLERANCE) {
    const asPercent =
      !entries.some((e) => e.percentText) && entries.some((e) => e.value > 1) ? sum : sum * 100;
    const which = id === undefined ? "this post" : `post ${id}`;
    reader.report(
      entries[0].ref,
      `the split of ${which} adds up to ${plainNumber(Number(asPercent.toFixed(2)))}%; the instrument columns must add up to 100%`,
    );
    return null;
  }
  const split: Record<string, number> = {};
  for (const e of entries) split[e.ref.field] = plainPercents ? e.value / 100 : e.value;
  return split;
}
