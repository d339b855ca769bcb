import type { Problem } from "../engine/problem";
import { columnLetter } from "./columnLetter";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import type { WorkbookGrids } from "./grid";

/** A merged range: its first and last row and column (1-based). */
interface MergedArea {
  firstRow: number;
  firstCol: number;
  lastRow: number;
  lastCol: number;
}

/**
 * The merged cells of a workbook's sheets (WorkbookGrids.mergedAreas). A merged range shows its
 * first (top-left) cell's value in every cell, but only that cell holds it: the others read as
 * blank, to this add-in as to a formula. Two things follow from that here.
 */
export class MergedCells {
  private readonly bySheet = new Map<string, MergedArea[]>();

  constructor(mergedAreas: WorkbookGrids["mergedAreas"]) {
    for (const [sheet, addresses] of Object.entries(mergedAreas ?? {})) {
      const areas = addresses.flatMap((a) => areaOf(a) ?? []);
      if (areas.length > 0) this.bySheet.set(sheet.toLowerCase(), areas);
    }
  }

  /**
   * A problem at a merged cell other than the first says so: "Unit is blank" at D7 under a unit
   * merged over D6:D8 would make no sense to an officer who sees the unit's name there.
   */
  readonly note = (problem: Problem): Problem => {
    const at = problem.cell === undefined ? undefined : cellOf(problem.cell);
    const area = at && this.hiding(problem.sheet, at.row, at.col);
    if (area === undefined) return problem;
    const message = problem.message.trimEnd();
    const stop = /[.!?:;]$/.test(message) ? " " : ". ";
    return {
      ...problem,
      message:
        `${message}${stop}${problem.cell} is part of the merged cells ${addressOf(area)}, whose value only ` +
        `${first(area)} holds: unmerge them and type the value in each cell.`,
    };
  };

  /**
   * A problem for each merged range that hides a value the sheet's table reads, where no other
   * problem is on a cell it hides: a FundedBy or a Scenario merged over three posts would
   * otherwise leave the second and third without one, silently (both may be blank).
   */
  hiddenValues(sheets: readonly FoundSheet[], problems: readonly Problem[]): Problem[] {
    const out: Problem[] = [];
    for (const sheet of sheets) {
      const areas = this.bySheet.get(sheet.layout.sheet.toLowerCase());
      if (areas === undefined) continue;
      const { layout } = sheet;
      const read = [
        ...layout.columns,
        ...layout.splitColumns,
        ...layout.yearColumns,
        ...layout.driverColumns,
      ];
      const rows = new Map(sheet.rows.map((r) => [r.row, r]));
      const flagged = new Set(
        problems.filter((p) => p.sheet.toLowerCase() === layout.sheet.toLowerCase()).map((p) => p.cell),
      );
      for (const area of areas) {
        const hidden: { cell: string; field: string }[] = [];
        for (let row = area.firstRow; row <= area.lastRow; row++) {
          if (!rows.has(row)) continue;
          for (const column of read) {
            if (column.index < area.firstCol || column.index > area.lastCol) continue;
            if (row === area.firstRow && column.index === area.firstCol) continue;
            hidden.push({ cell: `${column.column}${row}`, field: column.field });
          }
        }
        if (hidden.length === 0 || hidden.some((h) => flagged.has(h.cell))) continue;
        const top = rows.get(area.firstRow);
        const value = top === undefined ? undefined : sheet.valueAt(top, area.firstCol);
        const shown = value === undefined || value === null ? "" : ` (${describeValue(value)})`;
        const cells = hidden.map((h) => h.cell);
        const fields = [...new Set(hidden.map((h) => h.field))].join(", ");
        out.push({
          severity: "error",
          sheet: layout.sheet,
          row: Number(/\d+$/.exec(cells[0])?.[0]),
          cell: cells[0],
          message:
            `${cells[0]} is part of the merged cells ${addressOf(area)}, which show ${first(area)}'s value${shown} in ` +
            `every cell, but only ${first(area)} holds it: ${listOf(cells)} ${cells.length === 1 ? "is" : "are"} ` +
            `read as blank (${fields}). Unmerge the cells and type the value in each cell.`,
        });
      }
    }
    return out;
  }

  /** The merged range that hides a cell of a sheet (one of its cells other than the first). */
  private hiding(sheet: string, row: number, col: number): MergedArea | undefined {
    return this.bySheet
      .get(sheet.toLowerCase())
      ?.find(
        (m) =>
          row >= m.firstRow &&
          row <= m.lastRow &&
          col >= m.firstCol &&
          col <= m.lastCol &&
          !(row === m.firstRow && col === m.firstCol),
      );
  }
}

/** "G7", "G7 and G8", "G7, G8 and G9". */
function listOf(cells: readonly string[]): string {
  return cells.length === 1 ? cells[0] : `${cells.slice(0, -1).join(", ")} and ${cells[cells.length - 1]}`;
}

function first(area: MergedArea): string {
  return `${columnLetter(area.firstCol)}${area.firstRow}`;
}

function addressOf(area: MergedArea): string {
  return `${first(area)}:${columnLetter(area.lastCol)}${area.lastRow}`;
}

/** A range address ("D6:D8", "$D$6:$D$8"), or undefined when it is not one. */
function areaOf(address: string): MergedArea | undefined {
  const [from, to = from, extra] = address.replace(/\$/g, "").split(":");
  const a = cellOf(from);
  const b = cellOf(to);
  if (a === undefined || b === undefined || extra !== undefined) return undefined;
  return {
    firstRow: Math.min(a.row, b.row),
    firstCol: Math.min(a.col, b.col),
    lastRow: Math.max(a.row, b.row),
    lastCol: Math.max(a.col, b.col),
  };
}

/** Row and column of an A1 reference ("D7"), or undefined. */
function cellOf(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(ref.trim());
  if (m === null) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
