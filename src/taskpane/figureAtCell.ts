import type { Allocation } from "../engine/result";
import type { OutputSheet } from "../workbook/grid";
import type { Figure } from "./explainFigure";

/** The text of an output cell, trimmed ("" for none). */
function textAt(sheet: OutputSheet, row: number, col: number): string {
  const v = sheet.cells[row - 1]?.[col - 1]?.v;
  return typeof v === "string" ? v.trim() : "";
}

/**
 * The figure behind a cell of the Allocation sheet (1-based row and column), read from the sheet's
 * own labels: the row's unit (or Subtotal, programme support costs, Total) and the column's
 * instrument (or Total), in the summary block of the period or of one year. Undefined for a cell
 * that holds no such figure (headings, checks, the detail by line).
 */
export function figureAtCell(
  sheet: OutputSheet,
  allocation: Allocation,
  row: number,
  col: number,
): Figure | undefined {
  if (col < 2) return undefined;
  // The block's header row ("Unit", instruments..., "Total") is the nearest one above.
  let header = row;
  while (header > 0 && textAt(sheet, header, 1) !== "Unit") {
    if (textAt(sheet, header, 1).startsWith("Detail")) return undefined;
    header--;
  }
  if (header <= 0 || header === row) return undefined;
  const heading = textAt(sheet, header - 1, 1);
  const yearMatch = /^(\d{4})\b/.exec(heading);
  const year = yearMatch ? allocation.years.indexOf(Number(yearMatch[1])) : undefined;
  if (year === -1) return undefined;
  const slice = year === undefined ? {} : { year };
  const column = textAt(sheet, header, col);
  const code = allocation.instruments.find((c) => c === column);
  const label = textAt(sheet, row, 1);
  const unit = allocation.units.find((u) => u.unit === label);
  if (unit) {
    if (code) return { kind: "share", unit: unit.unit, code, ...slice };
    return column === "Total" ? { kind: "unit", unit: unit.unit, ...slice } : undefined;
  }
  if (!code) return undefined;
  if (label.startsWith("Subtotal")) return { kind: "instrument", code, field: "direct", ...slice };
  if (label.startsWith("Programme support costs"))
    return { kind: "instrument", code, field: "psc", ...slice };
  if (label === "Total") return { kind: "instrument", code, field: "total", ...slice };
  return undefined;
}

/** The 1-based row and column of the first cell of an A1 address ("Allocation!C7", "C7:D9"). */
export function cellOfAddress(address: string): { row: number; col: number } | undefined {
  const m = /(?:^|!)\$?([A-Z]{1,3})\$?(\d+)/i.exec(address);
  if (!m) return undefined;
  const col = [...m[1].toUpperCase()].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}
