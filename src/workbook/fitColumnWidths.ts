import type { OutCell } from "./grid";

/**
 * Column widths (in characters) that fit each column's content, between `min` and `max`. Numbers
 * are measured as shown with thousands separators; the sheet's title and notes (column A of rows
 * 1-2, and any cell in `skipRows`) are left out, since they are meant to run across the columns.
 */
export function fitColumnWidths(
  cells: readonly (readonly (OutCell | null)[])[],
  options: { min?: number; max?: number; skipRows?: ReadonlySet<number> } = {},
): number[] {
  const min = options.min ?? 8;
  const max = options.max ?? 40;
  const widths: number[] = [];
  for (let r = 2; r < cells.length; r++) {
    if (options.skipRows?.has(r + 1)) continue;
    const row = cells[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.v === undefined || cell.v === null) continue;
      const length = shownLength(cell);
      if (length > (widths[c] ?? 0)) widths[c] = length;
    }
  }
  const out: number[] = [];
  for (let c = 0; c < widths.length; c++) {
    out.push(Math.min(max, Math.max(min, Math.ceil(widths[c] ?? 0) + 2)));
  }
  return out;
}

/** Approximate characters a cell shows. */
function shownLength(cell: OutCell): number {
  const v = cell.v;
  if (typeof v === "number") {
    if (cell.fmt?.endsWith("%")) return 7;
    const digits = Math.abs(Math.trunc(v)).toString().length;
    const decimals = /\.(0+)/.exec(cell.fmt ?? "")?.[1].length ?? 0;
    return digits + Math.floor((digits - 1) / 3) + (decimals ? decimals + 1 : 0) + (v < 0 ? 1 : 0);
  }
  if (typeof v === "boolean") return 5;
  const text = String(v);
  return cell.bold ? text.length * 1.1 : text.length;
}
