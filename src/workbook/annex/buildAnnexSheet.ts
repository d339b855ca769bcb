import { fromQuanta } from "../../engine/money";
import type { Allocation } from "../../engine/result";
import { columnLetter } from "../columnLetter";
import type { OutCell, OutputSheet } from "../grid";
import { safeText } from "../safeText";
import { annexTables, type AnnexColumn, type AnnexRow, type AnnexTable } from "./annexTables";
import { roundingDecimals } from "./formatAmount";
import { annexTitle } from "./annexTitle";
import { annexMessages } from "./i18n";

/** Name of the output sheet. */
export const ANNEX_SHEET = "Annex";

/** Width of the label column (characters): long enough for "Programme support costs (13%)" and most unit names. */
const LABEL_WIDTH_MIN = 34;
const LABEL_WIDTH_MAX = 60;
/** Width of a figure column: "99,999,999" in bold with room to spare. */
const FIGURE_WIDTH = 14;
const HEADER_FILL = "F2F2F2";
/** The draft mark's colour: a dark red that prints clearly in grey too. */
const DRAFT_COLOUR = "C00000";

/**
 * Builds the print-ready "Annex" sheet: Annexes 1–3 (and 4, the scales of contributions) one under the other, in the settings'
 * language, on A4 landscape fitted to one page wide, with the document symbol in the page header
 * and "Page 1 of N" in the footer. Totals are live SUM formulas carrying the engine's figures.
 */
export function buildAnnexSheet(allocation: Allocation): OutputSheet {
  const { settings } = allocation;
  const language = settings.language ?? "en";
  const m = annexMessages[language];
  const tables = annexTables(allocation, language);
  // Zero prints as a dash, as in UN budget tables; the cell still holds the number 0.
  const amountFormat =
    roundingDecimals(settings.rounding) > 0 ? '#,##0.00;-#,##0.00;"–"' : '#,##0;-#,##0;"–"';
  const widths = columnWidthsOf(tables);
  const cells: (OutCell | null)[][] = [];
  const title = annexTitle(settings, language);
  // The status mark sits at the right end of the title row, which every printed page repeats.
  const status = settings.status ?? "Draft";
  const symbol = settings.documentSymbol?.trim();
  // On screen the symbol shows with the mark; on paper it is in the page header as well.
  const mark = safeText(symbol ? `${m.status[status]} \u2014 ${symbol}` : m.status[status], {
    bold: true,
    align: "right",
    ...(status === "Approved" ? {} : { color: DRAFT_COLOUR }),
  });
  const markColumn = Math.max(1, widths.length - 1);
  cells.push([
    safeText(title, { bold: true, size: 13 }),
    ...new Array<null>(markColumn - 1).fill(null),
    mark,
  ]);
  cells.push([]);

  // Each table starts a page, so that none is cut with its column headings on the page before:
  // the rows every page repeats are the title's, as the tables' columns differ.
  const breaksBefore: number[] = [];
  for (const table of tables) {
    if (table.first && cells.length > 2) cells.push([]);
    if (cells.length > 2) breaksBefore.push(cells.length + 1);
    if (table.first) {
      cells.push([safeText(table.heading, { bold: true, size: 12 })]);
      cells.push([safeText(table.title, { bold: true })]);
    }
    cells.push([safeText(table.caption, { italic: true })]);
    cells.push(...headerRows(table, widths));
    const firstRow = cells.length + 1;
    table.rows.forEach((row, r) =>
      cells.push(rowCells(table, row, firstRow, r, settings.rounding, amountFormat)),
    );
    // A note runs over the empty cells to its right, but no further than the table: longer ones go on more lines.
    const noteWidth = widths.slice(0, table.columns.length).reduce((a, b) => a + b, 0);
    for (const note of table.footnotes) {
      for (const line of wrapText(
        `${note.letter}/ ${note.text}`,
        noteWidth,
        " ".repeat(note.letter.length + 2),
      )) {
        cells.push([safeText(line, { size: 9 })]);
      }
    }
    for (const note of table.notes) {
      for (const line of wrapText(note, noteWidth, ""))
        cells.push([safeText(line, { size: 9, italic: true })]);
    }
    cells.push([]);
  }

  return {
    name: ANNEX_SHEET,
    cells,
    columnWidths: widths,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      // The tables differ in their columns, so the rows every page repeats are the document title.
      repeatRows: [1, 1],
      // "&" starts a header code in Excel: a symbol such as "A&B" must print as written.
      ...(symbol ? { header: symbol.replace(/&/g, "&&") } : {}),
      footer: m.pageOf("&P", "&N"),
      ...(breaksBefore.length > 0 ? { breaksBefore } : {}),
    },
  };
}

/** Width of the label column: the longest label, within bounds. */
function labelWidthOf(tables: readonly AnnexTable[]): number {
  return Math.min(
    LABEL_WIDTH_MAX,
    Math.max(LABEL_WIDTH_MIN, ...tables.flatMap((t) => t.rows.map((r) => labelText(r).length + 2))),
  );
}

/**
 * Breaks a note into lines of at most `width` characters at spaces (a column width counts
 * characters of the 11-point font; notes are 9-point, so this leaves a margin).
 */
function wrapText(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * The column widths: the label column, then each figure column wide enough for the longest word
 * of any header it carries, so a header breaks only between words.
 */
function columnWidthsOf(tables: readonly AnnexTable[]): number[] {
  const count = Math.max(...tables.map((t) => t.columns.length));
  const widths = [labelWidthOf(tables), ...new Array<number>(count - 1).fill(FIGURE_WIDTH)];
  for (const table of tables) {
    table.columns.forEach((col, c) => {
      const longestWord = Math.max(0, ...col.header.split(" ").map((w) => w.length));
      // Headers are bold: a tenth wider than the characters a column width counts.
      widths[c] = Math.max(widths[c], Math.ceil(longestWord * 1.1) + 2);
    });
  }
  return widths;
}

/**
 * The header of a table as one or more rows: a header longer than its column goes on several
 * lines, one row each, bottom-aligned. Rows are spelled out rather than left to wrap, because
 * spreadsheet programs do not all grow a wrapped row's height when they open a file.
 */
function headerRows(table: AnnexTable, widths: readonly number[]): OutCell[][] {
  const lines = table.columns.map((col, c) => wrapText(col.header, Math.floor((widths[c] - 2) / 1.1), ""));
  const height = Math.max(...lines.map((l) => l.length));
  const rows: OutCell[][] = [];
  for (let r = 0; r < height; r++) {
    rows.push(
      table.columns.map((col, c) => {
        const text = lines[c][r - (height - lines[c].length)] ?? "";
        return safeText(text, {
          bold: true,
          fill: HEADER_FILL,
          ...(r === height - 1 ? { borderBottom: true } : {}),
          align: col.kind === "label" || col.kind === "text" ? "left" : "right",
        });
      }),
    );
  }
  return rows;
}

/** The label with its footnote letters in the plain-text UN style a spreadsheet cell allows ("Communications a/ e/"). */
function labelText(row: AnnexRow): string {
  const label = String(row.cells[0] ?? "");
  return row.notes.length === 0 ? label : `${label} ${row.notes.map((n) => `${n}/`).join(" ")}`;
}

function rowCells(
  table: AnnexTable,
  row: AnnexRow,
  firstRow: number,
  index: number,
  rounding: number,
  amountFormat: string,
): (OutCell | null)[] {
  const isTotal = row.kind === "subtotal" || row.kind === "total";
  const style: Partial<OutCell> = {
    ...(isTotal || row.kind === "group" ? { bold: true } : {}),
    ...(isTotal ? { borderTop: true } : {}),
  };
  const sheetRow = firstRow + index;
  return table.columns.map((col, c): OutCell | null => {
    const value = c === 0 ? labelText(row) : row.cells[c];
    if (value === null || value === undefined) return isTotal ? { ...style } : null;
    if (typeof value === "string") return safeText(value, { ...style, ...(c > 0 ? { align: "left" } : {}) });
    const cell: OutCell = { ...style, align: "right" };
    switch (col.kind) {
      case "amount":
        cell.v = fromQuanta(value, rounding);
        cell.fmt = amountFormat;
        break;
      case "fte":
        cell.v = value;
        // As annexCellText prints it: one decimal, or two throughout a column that needs them.
        cell.fmt = col.decimals === 2 ? "0.00" : col.decimals === 1 ? "0.0" : "0.0#";
        break;
      case "percent":
        cell.v = value;
        // One decimal throughout, as annexCellText prints it: "25.0%" beside "9.6%".
        cell.fmt = "0.0%";
        break;
      case "rate":
        // In percent, as printed: the column header carries the sign.
        cell.v = Number((value * 100).toPrecision(12));
        cell.fmt = "0.000";
        break;
      default:
        cell.v = value;
    }
    const formula = formulaFor(table, row, col, c, sheetRow, firstRow);
    if (formula !== undefined) cell.f = formula;
    return cell;
  });
}

/** The live formula of a total: across the row for a Total column, else down the rows it sums. */
function formulaFor(
  table: AnnexTable,
  row: AnnexRow,
  col: AnnexColumn,
  c: number,
  sheetRow: number,
  firstRow: number,
): string | undefined {
  if (col.kind !== "amount" && col.kind !== "fte") return undefined;
  const letter = columnLetter(c + 1);
  if (col.sumOfColumns !== undefined && col.sumOfColumns.length > 0) {
    const cols = col.sumOfColumns.filter((i) => typeof row.cells[i] === "number");
    if (cols.length === 0) return undefined;
    return `SUM(${refs(
      cols.map((i) => `${columnLetter(i + 1)}${sheetRow}`),
      cols,
    )})`;
  }
  if (row.sumOfRows !== undefined && row.sumOfRows.length > 0) {
    const rows = row.sumOfRows.filter((r) => typeof table.rows[r].cells[c] === "number");
    if (rows.length === 0) return undefined;
    return `SUM(${refs(
      rows.map((r) => `${letter}${firstRow + r}`),
      rows,
    )})`;
  }
  if (row.differenceOf !== undefined) {
    const [a, b] = row.differenceOf;
    if (typeof table.rows[a].cells[c] !== "number" || typeof table.rows[b].cells[c] !== "number")
      return undefined;
    return `${letter}${firstRow + a}-${letter}${firstRow + b}`;
  }
  return undefined;
}

/** "B5:B9" for a contiguous run of indexes, "B5,B9,B13" otherwise. */
function refs(addresses: string[], indexes: number[]): string {
  const contiguous = indexes.every((v, i) => i === 0 || v === indexes[i - 1] + 1);
  return contiguous && addresses.length > 1
    ? `${addresses[0]}:${addresses[addresses.length - 1]}`
    : addresses.join(",");
}
