import type { OutCell } from "./grid";

/**
 * Column widths (in characters) that fit each column's content, between `min` and `max`. Numbers
 * are measured as shown with thousands separators and their format's decimals; rows 1-2 (the
 * title and the note) and any row in `skipRows` (1-based) are left out, since they are meant to
 * run across the columns. A detail table can hold a million figures, so a column remembers its
 * largest number and measures it once.
 */
export function fitColumnWidths(
  cells: readonly (readonly (OutCell | null)[])[],
  options: { min?: number; max?: number; skipRows?: ReadonlySet<number> } = {},
): number[] {
  const min = options.min ?? 8;
  const max = options.max ?? 40;
  const text: number[] = [];
  const largest: number[] = [];
  const decimals: number[] = [];
  const percent: boolean[] = [];
  for (let r = 2; r < cells.length; r++) {
    if (options.skipRows?.has(r + 1)) continue;
    const row = cells[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const v = cell.v;
      if (typeof v === "number") {
        const fmt = cell.fmt ?? "";
        if (fmt.endsWith("%")) percent[c] = true;
        else {
          // A negative number needs a sign: count it as one more digit's worth of magnitude.
          const size = v < 0 ? -v * 10 : v;
          if (size > (largest[c] ?? -1)) largest[c] = size;
          const d = decimalsOf(fmt);
          if (d > (decimals[c] ?? 0)) decimals[c] = d;
        }
      } else if (typeof v === "string") {
        const length = cell.bold ? Math.ceil(v.length * 1.1) : v.length;
        if (length > (text[c] ?? 0)) text[c] = length;
      } else if (typeof v === "boolean" && 5 > (text[c] ?? 0)) text[c] = 5;
    }
  }
  const columns = Math.max(text.length, largest.length, percent.length);
  const out: number[] = [];
  for (let c = 0; c < columns; c++) {
    let width = text[c] ?? 0;
    if (largest[c] !== undefined) width = Math.max(width, numberLength(largest[c], decimals[c] ?? 0));
    if (percent[c]) width = Math.max(width, 7);
    out.push(Math.min(max, Math.max(min, width + 2)));
  }
  return out;
}

/** Characters of a non-negative number shown with thousands separators and `decimals` decimals. */
function numberLength(value: number, decimals: number): number {
  const whole = Math.trunc(value);
  const digits = whole < 10 ? 1 : Math.floor(Math.log10(whole)) + 1;
  return digits + Math.floor((digits - 1) / 3) + (decimals ? decimals + 1 : 0);
}

/** Decimals shown by a number format ("#,##0.00" → 2), cached: formats repeat a million times. */
const decimalsCache = new Map<string, number>();
function decimalsOf(fmt: string): number {
  let d = decimalsCache.get(fmt);
  if (d === undefined) {
    d = /\.(0+)/.exec(fmt)?.[1].length ?? 0;
    decimalsCache.set(fmt, d);
  }
  return d;
}
