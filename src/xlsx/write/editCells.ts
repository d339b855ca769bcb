import { XlsxPackageError } from "../errors";
import { decodeRef } from "../read/readSheetCells";
import { escapeXml } from "../xml/escapeXml";
import { spliceText, type TextEdit } from "../xml/spliceText";
import { END, START, XmlScanner } from "../xml/XmlScanner";
import { columnName } from "./renderSheet";

/** One cell to write into a sheet of the user's. */
export interface CellEdit {
  /** 1-based row and column. */
  row: number;
  col: number;
  /** Text (always written as text), a number, or null to empty the cell. */
  value: string | number | null;
  /** The cell format index a number takes (its number format set), from the cell's current one. */
  numberXf?: (currentXf: number) => number;
}

interface CellAt {
  col: number;
  start: number;
  end: number;
  xf: number;
  formula: boolean;
  sharedMaster: boolean;
}

interface RowAt {
  row: number;
  start: number;
  /** Offset where a new last cell goes (the row's end tag), or -1 for a self-closing row. */
  close: number;
  end: number;
  openTag: string;
  cells: CellAt[];
}

/**
 * A worksheet part with some cells replaced, added or emptied, and everything else as it was:
 * rows and cells are inserted in order, a replaced cell keeps its format (a number gets the one
 * `numberXf` gives), text is written as an inline string, never as a formula. Where rows or cells
 * have no r= attribute, every row and cell of the sheet is given its address first, so that an
 * insertion cannot move the cells after it. Returns the new XML and whether a replaced cell held a
 * formula (the calculation chain must then go).
 */
export function editCells(
  xml: string,
  edits: readonly CellEdit[],
): { xml: string; replacedFormula: boolean } {
  const source = addressed(xml);
  const { rows, dataOpen, dataClose, dataSelfClosing, prefix } = scan(source);
  const p = prefix;
  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const out: TextEdit[] = [];
  let replacedFormula = false;
  const newRows: string[] = [];
  for (const [r, cells] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    cells.sort((a, b) => a.col - b.col);
    const row = rows.find((x) => x.row === r);
    if (row === undefined) {
      const xmlRow = `<${p}row r="${r}">${cells.map((c) => cellXml(c, 0, p)).join("")}</${p}row>`;
      const next = rows.find((x) => x.row > r);
      if (next) out.push({ at: next.start, to: next.start, text: xmlRow });
      else newRows.push(xmlRow);
      continue;
    }
    const inserts: { at: number; text: string }[] = [];
    for (const c of cells) {
      const existing = row.cells.find((x) => x.col === c.col);
      if (existing) {
        if (existing.sharedMaster) {
          throw new XlsxPackageError(
            `cell ${columnName(c.col)}${r} holds the first of a shared formula, which other cells copy; clear it in Excel first`,
          );
        }
        replacedFormula ||= existing.formula;
        out.push({ at: existing.start, to: existing.end, text: cellXml(c, existing.xf, p) });
        continue;
      }
      const after = row.cells.find((x) => x.col > c.col);
      inserts.push({ at: after ? after.start : row.close, text: cellXml(c, 0, p) });
    }
    if (row.close < 0 && inserts.length > 0) {
      // A self-closing row opens up to take its first cells.
      out.push({
        at: row.start,
        to: row.end,
        text: `${row.openTag.replace(/\s*\/>$/, ">")}${inserts.map((i) => i.text).join("")}</${p}row>`,
      });
    } else {
      for (const i of inserts) out.push({ at: i.at, to: i.at, text: i.text });
    }
  }
  if (newRows.length > 0) {
    if (dataSelfClosing)
      out.push({
        at: dataOpen.start,
        to: dataOpen.end,
        text: `<${p}sheetData>${newRows.join("")}</${p}sheetData>`,
      });
    else out.push({ at: dataClose, to: dataClose, text: newRows.join("") });
  }
  return { xml: spliceText(source, out), replacedFormula };
}

function cellXml(c: CellEdit, xf: number, p: string): string {
  const ref = `${columnName(c.col)}${c.row}`;
  if (c.value === null || c.value === "") return `<${p}c r="${ref}"${xf !== 0 ? ` s="${xf}"` : ""}/>`;
  if (typeof c.value === "number") {
    if (!Number.isFinite(c.value)) throw new XlsxPackageError(`cannot write the number ${c.value} in ${ref}`);
    const s = c.numberXf ? c.numberXf(xf) : xf;
    return `<${p}c r="${ref}"${s !== 0 ? ` s="${s}"` : ""}><${p}v>${String(c.value)}</${p}v></${p}c>`;
  }
  const space = /^\s|\s$/.test(c.value) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${ref}"${xf !== 0 ? ` s="${xf}"` : ""} t="inlineStr"><${p}is><${p}t${space}>${escapeXml(c.value)}</${p}t></${p}is></${p}c>`;
}

function scan(xml: string): {
  rows: RowAt[];
  dataOpen: { start: number; end: number };
  dataClose: number;
  dataSelfClosing: boolean;
  prefix: string;
} {
  const sc = new XmlScanner(xml);
  if (!sc.seek("sheetData")) throw new XlsxPackageError("a worksheet has no cell data");
  const colon = sc.name.indexOf(":");
  const prefix = colon < 0 ? "" : sc.name.slice(0, colon + 1);
  const dataOpen = { start: sc.start, end: sc.end };
  const rows: RowAt[] = [];
  if (sc.selfClosing) return { rows, dataOpen, dataClose: -1, dataSelfClosing: true, prefix };
  let row: RowAt | undefined;
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k === END) {
      if (sc.local === "sheetData")
        return { rows, dataOpen, dataClose: sc.start, dataSelfClosing: false, prefix };
      if (sc.local === "row" && row) {
        row.close = sc.start;
        row.end = sc.end;
      }
      continue;
    }
    if (k !== START) continue;
    if (sc.local === "row") {
      row = {
        row: Number(sc.attr("r")),
        start: sc.start,
        close: -1,
        end: sc.end,
        openTag: xml.slice(sc.start, sc.end),
        cells: [],
      };
      rows.push(row);
      continue;
    }
    if (sc.local !== "c" || !row) continue;
    const at = decodeRef(sc.attr("r") ?? "");
    const start = sc.start;
    const xf = Number(sc.attr("s") ?? "0");
    let formula = false;
    let sharedMaster = false;
    if (!sc.selfClosing) {
      let depth = 1;
      while (depth > 0) {
        const t = sc.next();
        // sc.local changes with every token, whatever the narrowing above says.
        const local: string = sc.local;
        if (t === START) {
          if (local === "f") {
            formula = true;
            sharedMaster ||= sc.attr("t") === "shared" && sc.attr("ref") !== undefined;
          }
          if (!sc.selfClosing) depth++;
        } else if (t === END) depth--;
        else if (t === 0) throw new XlsxPackageError("a worksheet's cell is cut short");
      }
    }
    row.cells.push({ col: at?.col ?? 0, start, end: sc.end, xf, formula, sharedMaster });
  }
  throw new XlsxPackageError("a worksheet's cell data is cut short");
}

/**
 * The sheet with every row and cell given its r= address where it has none (the positions the
 * standard implies), so that edits cannot shift what follows them; unchanged when all have one.
 */
function addressed(xml: string): string {
  const sc = new XmlScanner(xml);
  if (!sc.seek("sheetData") || sc.selfClosing) return xml;
  const edits: TextEdit[] = [];
  let rowNum = 0;
  let col = 0;
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k === END && sc.local === "sheetData") break;
    if (k !== START) continue;
    const nameEnd = sc.start + 1 + sc.name.length;
    if (sc.local === "row") {
      const r = sc.attr("r");
      rowNum = r !== undefined ? Number(r) : rowNum + 1;
      col = 0;
      if (r === undefined) edits.push({ at: nameEnd, to: nameEnd, text: ` r="${rowNum}"` });
    } else if (sc.local === "c") {
      const ref = sc.attr("r");
      const at = ref !== undefined ? decodeRef(ref) : undefined;
      if (at) {
        col = at.col;
        if (at.row !== rowNum) rowNum = at.row;
      } else {
        col++;
        if (rowNum === 0) rowNum = 1;
        edits.push({ at: nameEnd, to: nameEnd, text: ` r="${columnName(col)}${rowNum}"` });
      }
      sc.skipElement();
    }
  }
  return edits.length === 0 ? xml : spliceText(xml, edits);
}
