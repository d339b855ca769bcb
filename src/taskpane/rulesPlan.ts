import { columnLetter } from "../workbook/columnLetter";
import type { CellValue, WorkbookGrids } from "../workbook/grid";
import type { RulesLocation } from "./pipeline";
import type { RuleCell } from "./rulesCells";

/** One cell of the Rules sheet that a save or a write will change, as the officer should see it first. */
export interface PlannedCell {
  /** "C7". */
  address: string;
  /** Header of its column ("Basis"). */
  column: string;
  /** What the cell holds now, as text ("" for empty). */
  before: string;
  /** What will be written, as text ("" to clear). */
  after: string;
}

/** A note the officer wrote beside a rule that is about to change, which may no longer hold. */
export interface NoteBeside {
  address: string;
  column: string;
  text: string;
}

/** What saving the rules will do to the Rules sheet: the cells, and the notes beside changed rows. */
export interface RulesPlan {
  sheet: string;
  cells: PlannedCell[];
  notes: NoteBeside[];
}

/** A cell's value as the officer reads it on the sheet. */
function asText(v: CellValue | undefined, asPercent = false): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return asPercent ? `${Number((v * 100).toFixed(6))}%` : String(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return "error" in v ? v.error : `=${v.formula}`;
}

/**
 * Lays the cells a save will write beside what the Rules sheet holds now, and finds the texts
 * in other columns of each changed row (a "Note" or "Comment" column): a note written for the
 * old rule is flagged, since the save does not touch it.
 */
export function rulesPlan(
  location: RulesLocation,
  cells: readonly RuleCell[],
  grids: WorkbookGrids,
): RulesPlan {
  const sheet = grids.sheets.find((s) => s.name === location.sheet);
  const at = (row: number, col: number): CellValue | undefined =>
    sheet?.rows[row - sheet.firstRow]?.[col - sheet.firstCol];
  const contractName = (col: number) => Object.entries(location.columns).find(([, c]) => c === col)?.[0];
  const header = (col: number): string => {
    const text = asText(at(location.headerRow, col)).trim();
    return text !== "" ? text : (contractName(col) ?? `column ${columnLetter(col)}`);
  };
  const ours = new Set(Object.values(location.columns));
  // Floors and ceilings are percentages on the sheet, also when the save clears them.
  const percentColumns = new Set([location.columns.Min, location.columns.Max].filter((c) => c !== undefined));
  const planned: PlannedCell[] = cells.map((c) => ({
    address: `${columnLetter(c.col)}${c.row}`,
    column: c.row === location.headerRow ? "(new column)" : header(c.col),
    before: asText(at(c.row, c.col), c.format !== "@" || percentColumns.has(c.col)),
    after:
      c.value === null
        ? ""
        : typeof c.value === "number"
          ? `${Number((c.value * 100).toFixed(6))}%`
          : c.value,
  }));
  const changed = planned.filter((p) => p.before !== p.after);
  const rows = [
    ...new Set(
      cells
        .filter((c, k) => c.row > location.headerRow && planned[k].before !== planned[k].after)
        .map((c) => c.row),
    ),
  ];
  const notes: NoteBeside[] = [];
  if (sheet) {
    const lastCol = sheet.firstCol + Math.max(0, ...sheet.rows.map((r) => r.length)) - 1;
    for (const row of rows) {
      for (let col = sheet.firstCol; col <= lastCol; col++) {
        if (ours.has(col) || cells.some((c) => c.col === col)) continue;
        const text = asText(at(row, col)).trim();
        if (text !== "") notes.push({ address: `${columnLetter(col)}${row}`, column: header(col), text });
      }
    }
  }
  return { sheet: location.sheet, cells: changed, notes };
}
