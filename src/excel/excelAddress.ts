import { InvalidArgumentError } from "../engine/errors";

/** A worksheet address as Office.js reports it ("'Posts 2026'!B3:F20"), split into its parts. */
export interface ExcelAddress {
  /** The sheet name, unquoted ("Posts 2026"); "" when the address names no sheet. */
  sheet: string;
  /** 1-based first row and column of the range. */
  firstRow: number;
  firstCol: number;
  /** 1-based last row and column of the range (the first ones for a single cell). */
  lastRow: number;
  lastCol: number;
}

/**
 * Reads an Office.js range address (Range.address, NamedItem.formula without its "="): the sheet
 * part may be quoted with '' for an apostrophe, and the cell part may hold $ signs.
 */
export function excelAddress(address: string): ExcelAddress {
  const text = address.startsWith("=") ? address.slice(1) : address;
  const bang = text.lastIndexOf("!");
  const rawSheet = bang < 0 ? "" : text.slice(0, bang);
  const sheet =
    rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const [first, last = first, extra] = text.slice(bang + 1).split(":");
  const from = cellOf(first);
  const to = cellOf(last);
  if (!from || !to || extra !== undefined)
    throw new InvalidArgumentError(`Not a range address: '${address}'.`);
  return { sheet, firstRow: from.row, firstCol: from.col, lastRow: to.row, lastCol: to.col };
}

/** Row and column of one A1 cell reference ("$B$3"); undefined when it is not one. */
function cellOf(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/**
 * Reads a RangeAreas address ("Posts!D6:D8, Posts!G9:G11"; sheet names may be quoted and hold
 * commas): one ExcelAddress per range.
 */
export function excelAddresses(address: string): ExcelAddress[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    // A quote inside a quoted name is doubled (''), which toggles twice: the state stays right.
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map(excelAddress);
}
