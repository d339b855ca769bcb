import { cellKey, type CellValue } from "../../workbook/grid";
import { XlsxPackageError } from "../errors";
import { decodeOoxmlText } from "../xml/decodeOoxmlText";
import { END, START, TEXT, XmlScanner } from "../xml/XmlScanner";
import { readStringItem } from "./readStringItem";
import { shiftFormula } from "./shiftFormula";

/** What a worksheet's cells mean beyond their own XML. */
export interface CellContext {
  sharedStrings: readonly string[];
  /** Per cell format (`s`), whether it shows a date. */
  dateStyles: readonly boolean[];
  /** Per cell format (`s`), whether it shows a percentage. */
  percentStyles: readonly boolean[];
  /** Filled with the number cells in a percentage format (cellKey). */
  percentCells: Set<number>;
  /** Filled with the sheet's merged ranges, as its XML gives them ("D6:D8"). */
  mergedAreas: string[];
  date1904: boolean;
  /** Formula results are not to be trusted (the producer asked for a full recalculation on load). */
  formulasUncalculated: boolean;
  /** The most rows a sheet may use; a cell below it stops the read (onTooLarge). */
  maxRows: number;
  /** The most non-empty cells a sheet may hold. */
  maxCells: number;
  /** Called when the sheet is beyond maxRows or maxCells; it throws. */
  onTooLarge: (what: { rows?: number; cells?: number }) => never;
}

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/**
 * The cells of a worksheet part as rows from A1 (ragged; empty rows are []): shared and inline
 * strings, rich text, numbers, booleans, errors, dates (a number in a date format, in the
 * workbook's 1900 or 1904 system), and formula results; a formula with no saved result is an
 * UncalculatedFormula, never blank. Cells and rows without an `r` attribute take the next
 * position, as the standard says. Only the top-left cell of a merged range keeps its value.
 */
export function readSheetCells(xml: string, ctx: CellContext): CellValue[][] {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const sc = new XmlScanner(xml);
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k !== START) continue;
    if (sc.local === "sheetData") {
      if (!sc.selfClosing) readSheetData(sc, ctx, rows);
    } else if (sc.local === "mergeCell") {
      const ref = sc.attr("ref");
      if (ref !== undefined) merges.push(ref);
    }
  }
  for (const ref of merges) clearMerged(rows, ref);
  ctx.mergedAreas.push(...merges);
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  return rows;
}

/** Shared formulas seen so far: the master's text and position, by `si`. */
interface SharedFormula {
  text: string;
  row: number;
  col: number;
}

function readSheetData(sc: XmlScanner, ctx: CellContext, rows: CellValue[][]): void {
  const shared = new Map<string, SharedFormula>();
  let rowNum = 0;
  let col = 0;
  let cells = 0;
  for (let k = sc.next(); ; k = sc.next()) {
    if (k === 0) throw new XlsxPackageError("a worksheet's cell data is cut short");
    if (k === END) {
      if (sc.local === "sheetData") return;
      continue;
    }
    if (k !== START) continue;
    if (sc.local === "row") {
      const r = sc.attr("r");
      rowNum = r !== undefined ? Number(r) : rowNum + 1;
      if (!Number.isInteger(rowNum) || rowNum < 1) throw new XlsxPackageError(`a row numbered '${r}'`);
      if (rowNum > ctx.maxRows) ctx.onTooLarge({ rows: rowNum });
      col = 0;
      continue;
    }
    if (sc.local !== "c") continue;
    const ref = sc.attr("r");
    let row = rowNum;
    if (ref !== undefined) {
      const at = decodeRef(ref);
      if (at === undefined) throw new XlsxPackageError(`a cell with the address '${ref}'`);
      col = at.col;
      // A cell's own address wins; a row element may omit its number.
      if (at.row !== rowNum) {
        row = at.row;
        if (row > ctx.maxRows) ctx.onTooLarge({ rows: row });
      }
    } else {
      col++;
      if (row === 0) row = rowNum = 1;
    }
    const value = readCell(sc, ctx, shared, row, col);
    if (value === null) continue;
    if (++cells > ctx.maxCells) ctx.onTooLarge({ cells });
    let cellsOfRow = rows[row - 1];
    if (cellsOfRow === undefined) cellsOfRow = rows[row - 1] = [];
    while (cellsOfRow.length < col - 1) cellsOfRow.push(null);
    cellsOfRow[col - 1] = value;
  }
}

/** One `<c>` element, on which the scanner stands; leaves the scanner on its end. */
function readCell(
  sc: XmlScanner,
  ctx: CellContext,
  shared: Map<string, SharedFormula>,
  row: number,
  col: number,
): CellValue {
  const type = sc.attr("t") ?? "n";
  const style = sc.attr("s");
  if (sc.selfClosing) return null;
  let v: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  let depth = 1;
  while (depth > 0) {
    const k = sc.next();
    if (k === START) {
      if (depth === 1 && sc.local === "v") v = readText(sc);
      else if (depth === 1 && sc.local === "is") inline = readStringItem(sc);
      else if (depth === 1 && sc.local === "f") formula = readFormula(sc, shared, row, col);
      else if (!sc.selfClosing) depth++;
    } else if (k === END) {
      depth--;
    } else if (k === 0) {
      throw new XlsxPackageError("a cell that is never closed");
    }
  }
  if (
    formula !== undefined &&
    (ctx.formulasUncalculated || v === undefined || (v === "" && type !== "str"))
  ) {
    return { formula };
  }
  switch (type) {
    case "s": {
      const text = ctx.sharedStrings[Number(v)];
      if (text === undefined)
        throw new XlsxPackageError(`a cell refers to shared string ${v}, which is not there`);
      return text;
    }
    case "inlineStr":
      return inline ?? (v !== undefined ? decodeOoxmlText(v) : null);
    case "str":
      return decodeOoxmlText(v ?? "");
    case "b":
      return v === undefined ? null : v === "1" || v === "true";
    case "e":
      return v === undefined ? null : { error: v };
    case "d":
      return v === undefined ? null : isoDate(v);
    default: {
      if (v === undefined || v === "") return null;
      const n = Number(v);
      // A number cell whose text is no number is shown as it stands, so the reader names the cell.
      if (!Number.isFinite(n) || v.trim() === "") return v;
      if (style !== undefined && ctx.dateStyles[Number(style)] === true) return serialToDate(n, ctx.date1904);
      if (style !== undefined && ctx.percentStyles[Number(style)] === true)
        ctx.percentCells.add(cellKey(row, col));
      return n;
    }
  }
}

/** The text content of a simple element (`<v>`), leaving the scanner on its end tag. */
function readText(sc: XmlScanner): string {
  if (sc.selfClosing) return "";
  let text = "";
  for (let k = sc.next(); k !== END; k = sc.next()) {
    if (k === TEXT) text += sc.text();
    else if (k === 0) throw new XlsxPackageError("a value that is never closed");
    else if (k === START) sc.skipElement();
  }
  return text;
}

/** The formula of an `<f>` element, expanding a shared formula from its master. */
function readFormula(sc: XmlScanner, shared: Map<string, SharedFormula>, row: number, col: number): string {
  const kind = sc.attr("t");
  const si = sc.attr("si");
  const text = readText(sc);
  if (kind !== "shared" || si === undefined) return text;
  if (text !== "") {
    shared.set(si, { text, row, col });
    return text;
  }
  const master = shared.get(si);
  return master === undefined ? "" : shiftFormula(master.text, row - master.row, col - master.col);
}

/** "B12" or "$B$12" to its row and column (1-based); undefined when it is not a cell address. */
export function decodeRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  if (ref.charCodeAt(i) === 36) i++;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (col < 1 || col > 16384 || i === digitsFrom || row < 1) return undefined;
  return { row, col };
}

/**
 * A date serial as a Date at that UTC time, as ExcelJS gave it: day 25569 is 1 January 1970 in the
 * 1900 system; days before 1 March 1900 step over the 29 February 1900 that Lotus invented.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial >= 1 && serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * DAY_MS));
}

/** A cell of type "d" (ISO 8601, as Strict OOXML and some producers write dates). */
function isoDate(text: string): CellValue {
  const iso = /^\d{4}-\d\d-\d\d(T[\d:.]+)?$/.test(text)
    ? `${text}${text.includes("T") ? "" : "T00:00:00"}Z`
    : text;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? text : d;
}

/** Empties every cell of a merged range but its top-left one, as Excel shows it. */
function clearMerged(rows: CellValue[][], ref: string): void {
  const [from, to = from] = ref.split(":");
  const a = decodeRef(from);
  const b = decodeRef(to);
  if (!a || !b) return;
  for (let r = a.row; r <= Math.min(b.row, rows.length); r++) {
    const cells = rows[r - 1];
    if (cells === undefined) continue;
    for (let c = a.col; c <= Math.min(b.col, cells.length); c++) {
      if (r !== a.row || c !== a.col) cells[c - 1] = null;
    }
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  }
}
