import type { CellValue, GridBlock, WorkbookGrids } from "./grid";
import { isCellError, isUncalculated } from "./grid";
import { Sha256 } from "./sha256";

/**
 * A fingerprint of the workbook's inputs: SHA-256, in full hex, over a canonical serialisation of
 * every sheet that is not one of our outputs (grids.ownedSheets), as the adapter read it. Not only
 * the contract's eight count, because the task pane lets officers map sheets of their own: a
 * fingerprint that missed a change would be worse than one that notices a scratch sheet. A sheet
 * no input can come from counts by its name when the adapter left it unread (the Office.js adapter
 * reads only what inputSheets picks, and no cell right of a header row's last: see headerSpans; the
 * CLI reads whole sheets, but only those inputSheets picks), and with its cells when it read it
 * (the pane's browser mode reads every cell). Sheets are taken in
 * name order (moving a tab changes nothing); each non-empty cell is written with its row, column
 * and typed value, so empty cells, formatting and ragged rows do not matter, while moving or
 * changing any value does. A table's values are in its sheet when the adapter read that sheet;
 * a table on a sheet left unread (a Posts table alone on a ledger, which the Office.js adapter
 * reads without the rest of the sheet) is hashed on its own after the sheets, by table name, so
 * that a change to it changes the fingerprint too.
 */
export function inputFingerprint(grids: WorkbookGrids): string {
  const owned = new Set(grids.ownedSheets.map((s) => s.toLowerCase()));
  const sheets = grids.sheets
    .filter((s) => !owned.has(s.name.toLowerCase()))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = new Sha256();
  hash.update(utf8(`cmscs-fingerprint-v1\n${sheets.length}\n`));
  for (const sheet of sheets) hash.update(utf8(block(field("sheet", sheet.name), sheet)));
  const unread = new Set(sheets.filter((s) => s.rows.length === 0).map((s) => s.name.toLowerCase()));
  const tables = grids.tables
    .filter((t) => t.rows.length > 0 && unread.has(t.sheet.toLowerCase()))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (tables.length > 0) hash.update(utf8(`tables\n${tables.length}\n`));
  for (const table of tables)
    hash.update(utf8(block(field("table", table.name) + field("@", table.sheet), table)));
  return hash.hex();
}

/** One block's non-empty cells, each with its worksheet row and column, after a heading. */
function block(heading: string, grid: GridBlock): string {
  const parts: string[] = [heading];
  grid.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === undefined || value === "") return;
      parts.push(`${grid.firstRow + r},${grid.firstCol + c}:${encode(value)}`);
    });
  });
  parts.push("end\n");
  return parts.join("\n");
}

/** A length-prefixed string, so that no value can run into the next one. */
function field(tag: string, text: string): string {
  return `${tag}${text.length}:${text}`;
}

/** One cell value, tagged with its type so that 1, "1" and TRUE differ. */
function encode(value: CellValue): string {
  if (typeof value === "number") return `n${Object.is(value, -0) ? "0" : String(value)}`;
  if (typeof value === "string") return field("s", value);
  if (typeof value === "boolean") return value ? "b1" : "b0";
  if (value instanceof Date) return `d${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()}`;
  if (isCellError(value)) return field("e", value.error);
  if (isUncalculated(value)) return field("f", value.formula);
  return "?";
}

/** UTF-8 bytes of a string (TextEncoder is not in the pure layer's type world, nor in every Office runtime). */
function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate: encode as the replacement character
    if (cp < 0x80) out[n++] = cp;
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 63);
      out[n++] = 0x80 | (cp & 63);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 63);
      out[n++] = 0x80 | ((cp >> 6) & 63);
      out[n++] = 0x80 | (cp & 63);
    }
  }
  return out.subarray(0, n);
}
