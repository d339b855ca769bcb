import { InvalidArgumentError } from "../../engine/errors";
import type { OutCell, OutputSheet } from "../../workbook/grid";
import { escapeXml } from "../xml/escapeXml";

/** Excel's paper size code for A4. */
const PAPER_A4 = 9;

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** Excel's last row and column: a sheet beyond them cannot be written. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * Writes the worksheet part of one output sheet, piece by piece, to `write`: values (text as
 * inline strings, so that the workbook's shared string table stays as it was), formulas with the
 * value the engine computed, cell formats (`xfOf` gives each look's index in the style sheet),
 * column widths, frozen panes, merges, an AutoFilter, page setup, header and footer, tab colour.
 */
export function renderSheet(
  sheet: OutputSheet,
  xfOf: (oc: OutCell) => number,
  write: (xml: string) => void,
): void {
  const out: string[] = [HEAD];
  const print = sheet.print;
  if (sheet.tabColor !== undefined || print?.fitToWidth) {
    out.push(
      `<sheetPr>${sheet.tabColor !== undefined ? `<tabColor rgb="FF${sheet.tabColor}"/>` : ""}` +
        `${print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`,
    );
  }
  const lastRow = sheet.cells.length;
  const lastCol = sheet.cells.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
  if (lastRow > MAX_ROWS || lastCol > MAX_COLUMNS) {
    throw new InvalidArgumentError(
      `${sheet.name}: ${lastRow} rows and ${lastCol} columns do not fit in a worksheet (${MAX_ROWS} by ${MAX_COLUMNS}).`,
    );
  }
  out.push(`<dimension ref="${lastRow > 0 && lastCol > 0 ? `A1:${columnName(lastCol)}${lastRow}` : "A1"}"/>`);
  const view = pane(sheet.freeze);
  out.push(
    `<sheetViews>${view === "" ? '<sheetView workbookViewId="0"/>' : `<sheetView workbookViewId="0">${view}</sheetView>`}</sheetViews>`,
  );
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = renderColumns(sheet.columnWidths);
  if (cols !== "") out.push(cols);
  out.push("<sheetData>");
  write(out.join(""));
  out.length = 0;
  renderRows(sheet, xfOf, write);
  out.push("</sheetData>");
  if (sheet.autoFilter !== undefined) out.push(`<autoFilter ref="${escapeXml(sheet.autoFilter)}"/>`);
  const merges = sheet.merges ?? [];
  if (merges.length > 0) {
    out.push(`<mergeCells count="${merges.length}">`);
    for (const m of merges) out.push(`<mergeCell ref="${escapeXml(m)}"/>`);
    out.push("</mergeCells>");
  }
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (print) {
    out.push(
      `<pageSetup paperSize="${PAPER_A4}" orientation="${print.orientation}"` +
        `${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
    );
    if (print.header !== undefined || print.footer !== undefined) {
      out.push(
        `<headerFooter>${print.header !== undefined ? `<oddHeader>${escapeXml(centred(print.header))}</oddHeader>` : ""}` +
          `${print.footer !== undefined ? `<oddFooter>${escapeXml(centred(print.footer))}</oddFooter>` : ""}</headerFooter>`,
      );
    }
    const breaks = print.breaksBefore ?? [];
    if (breaks.length > 0) {
      // A break's id is the zero-based row it comes above (ECMA-376 §18.3.1.3).
      out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
      for (const row of breaks) out.push(`<brk id="${row - 1}" max="16383" man="1"/>`);
      out.push("</rowBreaks>");
    }
  }
  out.push("</worksheet>");
  write(out.join(""));
}

function renderRows(sheet: OutputSheet, xfOf: (oc: OutCell) => number, write: (xml: string) => void): void {
  const letters: string[] = [];
  sheet.cells.forEach((row, r) => {
    if (!row || row.length === 0) return;
    let line = "";
    const rowNum = r + 1;
    for (let c = 0; c < row.length; c++) {
      const oc = row[c];
      if (!oc) continue;
      const address = (letters[c] ??= columnName(c + 1)) + rowNum;
      line += renderCell(oc, address, xfOf(oc), sheet.name);
    }
    if (line !== "") write(`<row r="${rowNum}">${line}</row>`);
  });
}

/** One `<c>` element: a string is always text (an inline string), never a formula. */
function renderCell(oc: OutCell, address: string, xf: number, sheet: string): string {
  const v = oc.v ?? null;
  if (typeof v === "number" && !Number.isFinite(v)) {
    throw new InvalidArgumentError(`${sheet}!${address}: cannot write the number ${v}.`);
  }
  const s = xf === 0 ? "" : ` s="${xf}"`;
  if (oc.f !== undefined) {
    const f = `<f>${escapeXml(oc.f.startsWith("=") ? oc.f.slice(1) : oc.f)}</f>`;
    if (v === null) return `<c r="${address}"${s}>${f}</c>`;
    if (typeof v === "number") return `<c r="${address}"${s}>${f}<v>${numberText(v)}</v></c>`;
    if (typeof v === "boolean") return `<c r="${address}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${address}"${s} t="str">${f}<v>${escapeXml(v)}</v></c>`;
  }
  // An empty text is a blank cell to Excel (a constant cannot be ""): it keeps only its format.
  if (v === null || v === "") return `<c r="${address}"${s}/>`;
  if (typeof v === "number") return `<c r="${address}"${s}><v>${numberText(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${address}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : "";
  return `<c r="${address}"${s} t="inlineStr"><is><t${space}>${escapeXml(v)}</t></is></c>`;
}

/** A number as a cell value: JavaScript's shortest round-trip form (-0 as 0). */
function numberText(v: number): string {
  return Object.is(v, -0) ? "0" : String(v);
}

/** The frozen pane of a sheet view, or nothing. */
function pane(freeze: OutputSheet["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0)) return "";
  const { rows, cols } = freeze;
  const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} ` +
    `topLeftCell="${columnName(cols + 1)}${rows + 1}" activePane="${active}" state="frozen"/>` +
    `<selection pane="${active}"/>`
  );
}

/** Column widths as `<cols>`, runs of equal widths in one element; empty when none is set. */
function renderColumns(widths: number[] | undefined): string {
  if (!widths || widths.length === 0) return "";
  let xml = "";
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i];
    if (w === undefined || !Number.isFinite(w) || w <= 0) continue;
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    xml += `<col min="${i + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`;
    i = j;
  }
  return xml === "" ? "" : `<cols>${xml}</cols>`;
}

/** Header/footer text goes in the centre section unless it names its own section (&L, &C, &R). */
function centred(text: string): string {
  return /^&[LCR]/.test(text) ? text : `&C${text}`;
}

/** 1 -> "A", 27 -> "AA". */
export function columnName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
