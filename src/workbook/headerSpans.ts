import { cleanMapping } from "./cleanMapping";
import type { CellValue, WorkbookGrids } from "./grid";
import { CONTRACT, type InputMapping } from "./inputMapping";
import { locateSheet } from "./locateSheet";

/** The header row of a sheet a contract sheet is read from, and the last column filled in it. */
export interface HeaderSpan {
  /** 1-based worksheet row of the header (the lowest, when several contract sheets share the sheet). */
  headerRow: number;
  /** 1-based worksheet column of the header's last filled cell (the rightmost, when shared). */
  lastColumn: number;
}

/**
 * For each sheet that contract sheets are read from, its header row and the last column filled in
 * it, as readWorkbook would find them: every cell readWorkbook uses on such a sheet (header, data
 * and split, year and driver columns) lies at or left of that column, so an adapter may leave the
 * cells to its right unread. `top` holds each sheet's first rows; the answer is the one for the
 * whole sheet when those rows hold every column up to the header row (the first row holding the
 * required columns: later rows cannot move it). A sheet is left out, to be read whole, when a
 * contract sheet read from it has no header row in `top` (it may lie further down), or is read as
 * bare Settings pairs (found only by looking at every row).
 */
export function headerSpans(top: WorkbookGrids, mapping: InputMapping = {}): Map<string, HeaderSpan> {
  const spans = new Map<string, HeaderSpan>();
  const whole = new Set<string>();
  for (const contract of CONTRACT) {
    const located = locateSheet(top, contract, cleanMapping(mapping[contract.name]));
    if (located.status === "absent") continue;
    const layout = located.status === "found" ? located.sheet.layout : located.layout;
    // A table's own range is read whole; a mapping to no sheet has no layout.
    if (layout === undefined || layout.fromTable) continue;
    if (located.status !== "found" || layout.headerRow === undefined) {
      whole.add(layout.sheet);
      continue;
    }
    const lastColumn = layout.firstColumn + lastFilled(located.sheet.header);
    const seen = spans.get(layout.sheet);
    spans.set(layout.sheet, {
      headerRow: Math.max(seen?.headerRow ?? 0, layout.headerRow),
      lastColumn: Math.max(seen?.lastColumn ?? 0, lastColumn),
    });
  }
  for (const sheet of whole) spans.delete(sheet);
  return spans;
}

/** Index of the last cell that holds anything (an error counts), or -1. */
function lastFilled(cells: readonly CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    const v = cells[i];
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return i;
  }
  return -1;
}
