import { InvalidArgumentError } from "../engine/errors";
import { columnLetter } from "../workbook/columnLetter";
import type { OutCell, OutputSheet } from "../workbook/grid";

/** One queued Office.js operation on a worksheet, with the size it adds to a request. */
export interface WriteOp {
  /** Estimated bytes this operation adds to the request sent by context.sync(). */
  bytes: number;
  /** Queues the operation on the (staging) worksheet; nothing reaches Excel until the next sync. */
  apply(ws: Excel.Worksheet): void;
}

/** Text Excel would take for a formula when written through Range.values. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Fixed cost of one queued action in the request JSON (object path, action type, ids). */
const OP_OVERHEAD = 160;

/** Office.js range values: null leaves a cell as it is. */
type Matrix = (string | number | boolean | null)[][];

/** The look of a cell, as the properties we set through Range.format. */
interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  align?: "Left" | "Center" | "Right";
  wrap?: boolean;
  borderTop?: boolean;
  borderBottom?: boolean;
}

function lookOf(cell: OutCell): Look | undefined {
  const look: Look = {};
  if (cell.bold) look.bold = true;
  if (cell.italic) look.italic = true;
  if (cell.size !== undefined) look.size = cell.size;
  if (cell.color !== undefined) look.color = cell.color;
  if (cell.fill !== undefined) look.fill = cell.fill;
  if (cell.align !== undefined)
    look.align = cell.align === "left" ? "Left" : cell.align === "center" ? "Center" : "Right";
  if (cell.wrap) look.wrap = true;
  if (cell.borderTop) look.borderTop = true;
  if (cell.borderBottom) look.borderBottom = true;
  return Object.keys(look).length === 0 ? undefined : look;
}

function applyLook(range: Excel.Range, look: Look): void {
  const f = range.format;
  if (look.bold) f.font.bold = true;
  if (look.italic) f.font.italic = true;
  if (look.size !== undefined) f.font.size = look.size;
  if (look.color !== undefined) f.font.color = `#${look.color}`;
  if (look.fill !== undefined) f.fill.color = `#${look.fill}`;
  if (look.align !== undefined) f.horizontalAlignment = look.align;
  if (look.wrap) f.wrapText = true;
  for (const [edge, on] of [
    ["EdgeTop", look.borderTop],
    ["EdgeBottom", look.borderBottom],
  ] as const) {
    if (!on) continue;
    const border = f.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}

/** The A1 address of a block of cells, 0-based top-left, height and width. */
function blockAddress(row: number, col: number, height: number, width: number): string {
  const tl = `${columnLetter(col + 1)}${row + 1}`;
  return height === 1 && width === 1 ? tl : `${tl}:${columnLetter(col + width)}${row + height}`;
}

/** Characters (as OutputSheet gives widths, like ExcelJS) to points (as Office.js sets them). */
function widthInPoints(chars: number): number {
  // Calibri 11: a character is 7 px plus 5 px of padding; 96 px = 72 pt.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Plans the writing of one output sheet as Office.js operations small enough to be packed into
 * requests of at most `maxOpBytes`: cells in row blocks (number formats first, so text that looks
 * like a formula is already text when its value lands; then values; then formulas through
 * `formulas`), then the look of the cells in runs, then column widths, merges, panes and print setup.
 */
export function planSheetWrite(sheet: OutputSheet, maxOpBytes: number): WriteOp[] {
  const ops: WriteOp[] = [];
  const rows = sheet.cells;
  const width = rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  if (width > 0) ops.push(...planCells(sheet, width, maxOpBytes));
  ops.push(...planLooks(sheet));
  ops.push(...planLayout(sheet));
  return ops;
}

/** Value, format and formula of one row, ready for the block matrices; sizes in JSON characters. */
interface RowPlan {
  formats: (string | null)[];
  values: (string | number | boolean | null)[];
  formulas: (string | null)[];
  hasFormat: boolean;
  hasFormula: boolean;
  bytes: number;
}

function planRow(sheet: OutputSheet, r: number, width: number): RowPlan {
  const formats = new Array<string | null>(width).fill(null);
  const values = new Array<string | number | boolean | null>(width).fill(null);
  const formulas = new Array<string | null>(width).fill(null);
  let hasFormat = false;
  let hasFormula = false;
  let bytes = 3 * (width + 2);
  const row = sheet.cells[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    const v = cell.v ?? null;
    if (typeof v === "number" && !Number.isFinite(v)) {
      throw new InvalidArgumentError(
        `${sheet.name} row ${r + 1} column ${c + 1}: cannot write the number ${v}.`,
      );
    }
    let fmt = cell.fmt ?? null;
    if (cell.f !== undefined) {
      formulas[c] = cell.f.startsWith("=") ? cell.f : `=${cell.f}`;
      hasFormula = true;
      bytes += formulas[c]!.length + 4;
    } else {
      // Range.values turns "=...", "+...", "-...", "@..." into formulas unless the cell is text.
      if (typeof v === "string" && FORMULA_START.test(v)) fmt = "@";
      values[c] = v;
      bytes += v === null ? 0 : typeof v === "string" ? v.length + 4 : 12;
    }
    // A text format would make Excel store the formula as its text.
    if (cell.f !== undefined && fmt === "@") fmt = null;
    if (fmt !== null) {
      formats[c] = fmt;
      hasFormat = true;
      bytes += fmt.length + 4;
    }
  }
  return { formats, values, formulas, hasFormat, hasFormula, bytes };
}

function planCells(sheet: OutputSheet, width: number, maxOpBytes: number): WriteOp[] {
  const ops: WriteOp[] = [];
  const budget = Math.max(1, maxOpBytes - 3 * OP_OVERHEAD);
  let start = 0;
  let block: RowPlan[] = [];
  let blockBytes = 0;
  const flush = (): void => {
    if (block.length === 0) return;
    const top = start;
    const rowsOf = block;
    const address = blockAddress(top, 0, rowsOf.length, width);
    if (rowsOf.some((p) => p.hasFormat)) {
      // "General" where nothing is asked: a null would be skipped, but a fresh sheet is General anyway
      // and an explicit value keeps Excel from guessing a format from the first value typed.
      const formats: Matrix = rowsOf.map((p) => p.formats.map((f) => f ?? "General"));
      ops.push({
        bytes:
          OP_OVERHEAD +
          rowsOf.reduce((s, p) => s + p.formats.reduce((t, f) => t + (f ?? "General").length + 3, 0), 0),
        apply: (ws) => {
          ws.getRange(address).numberFormat = formats as string[][];
        },
      });
    }
    const values: Matrix = rowsOf.map((p) => p.values);
    ops.push({
      bytes: OP_OVERHEAD + rowsOf.reduce((s, p) => s + p.bytes, 0),
      apply: (ws) => {
        ws.getRange(address).values = values as Excel.Range["values"];
      },
    });
    if (rowsOf.some((p) => p.hasFormula)) {
      const formulas: Matrix = rowsOf.map((p) => p.formulas);
      ops.push({
        bytes:
          OP_OVERHEAD +
          rowsOf.reduce((s, p) => s + p.formulas.reduce((t, f) => t + (f?.length ?? 0) + 5, 0), 0),
        apply: (ws) => {
          ws.getRange(address).formulas = formulas as Excel.Range["formulas"];
        },
      });
    }
    start += rowsOf.length;
    block = [];
    blockBytes = 0;
  };
  for (let r = 0; r < sheet.cells.length; r++) {
    const plan = planRow(sheet, r, width);
    // The three matrices of a block together stay within the budget, so they can share a request.
    if (block.length > 0 && blockBytes + plan.bytes * 2 > budget) flush();
    block.push(plan);
    blockBytes += plan.bytes * 2;
  }
  flush();
  return ops;
}

function planLooks(sheet: OutputSheet): WriteOp[] {
  const ops: WriteOp[] = [];
  sheet.cells.forEach((row, r) => {
    if (!row) return;
    let c = 0;
    while (c < row.length) {
      const cell = row[c];
      const look = cell ? lookOf(cell) : undefined;
      if (!look) {
        c++;
        continue;
      }
      // One Range.format call per run of identical looks along the row.
      const key = JSON.stringify(look);
      let end = c + 1;
      while (end < row.length) {
        const next = row[end];
        const nextLook = next ? lookOf(next) : undefined;
        if (!nextLook || JSON.stringify(nextLook) !== key) break;
        end++;
      }
      const address = blockAddress(r, c, 1, end - c);
      ops.push({
        bytes: OP_OVERHEAD * Object.keys(look).length + key.length,
        apply: (ws) => applyLook(ws.getRange(address), look),
      });
      c = end;
    }
  });
  return ops;
}

function planLayout(sheet: OutputSheet): WriteOp[] {
  const ops: WriteOp[] = [];
  sheet.columnWidths?.forEach((chars, i) => {
    const letter = columnLetter(i + 1);
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (ws) => {
        ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(chars);
      },
    });
  });
  for (const merge of sheet.merges ?? []) {
    ops.push({ bytes: OP_OVERHEAD, apply: (ws) => ws.getRange(merge).merge(false) });
  }
  const freeze = sheet.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (ws) => {
        if (freeze.cols === 0) ws.freezePanes.freezeRows(freeze.rows);
        else if (freeze.rows === 0) ws.freezePanes.freezeColumns(freeze.cols);
        else ws.freezePanes.freezeAt(ws.getRange(blockAddress(0, 0, freeze.rows, freeze.cols)));
      },
    });
  }
  if (sheet.tabColor) {
    const colour = `#${sheet.tabColor}`;
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (ws) => {
        ws.tabColor = colour;
      },
    });
  }
  if (sheet.autoFilter) {
    const range = sheet.autoFilter;
    ops.push({ bytes: OP_OVERHEAD, apply: (ws) => ws.autoFilter.apply(ws.getRange(range)) });
  }
  const print = sheet.print;
  if (print) {
    ops.push({
      bytes: OP_OVERHEAD * 6,
      apply: (ws) => {
        const layout = ws.pageLayout;
        layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
        layout.paperSize = "A4";
        if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
        if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows[0]}:$${print.repeatRows[1]}`);
        const pages = layout.headersFooters.defaultForAllPages;
        if (print.header !== undefined) pages.centerHeader = print.header;
        if (print.footer !== undefined) pages.centerFooter = print.footer;
        for (const row of print.breaksBefore ?? []) ws.horizontalPageBreaks.add(`A${row}`);
      },
    });
  }
  return ops;
}
