import { InvalidArgumentError } from "../engine/errors";

/** A worksheet address as Office.js reports it ("'Posts 2026'!B3:F20"), split into its parts. */
export interface ExcelAddress {
  /** The sheet name, unquoted ("Posts 2026"); "" when the address names no sheet. */
  sheet: string;
  /** 1-based first row and column of the range. */
  firstRow: number;
  firstCol: number;
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
  const first = text.slice(bang + 1).split(":")[0];
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(first);
  if (!m) throw new InvalidArgumentError(`Not a range address: '${address}'.`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, firstRow: Number(m[2]), firstCol: col };
}
