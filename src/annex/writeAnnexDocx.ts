import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from "docx";
import type { Language } from "../engine/model";
import type { Allocation } from "../engine/result";
import { annexTables, type AnnexColumn, type AnnexTable } from "../workbook/annex/annexTables";
import { annexCellText } from "../workbook/annex/annexCellText";
import { annexTitle } from "../workbook/annex/annexTitle";
import { annexMessages } from "../workbook/annex/i18n";
import { MAX_FIGURE_COLUMNS, sliceColumns } from "../workbook/annex/sliceColumns";

/** Options of the Word export. */
export interface AnnexDocxOptions {
  /** Language of headings, footnotes and number formats. @default the settings' language, then "en" */
  language?: Language;
}

/**
 * Calibri, which Word has everywhere; LibreOffice substitutes Carlito, its metric-compatible
 * twin, so the pages break the same in both.
 */
const FONT = "Calibri";
/** A4 in twips, given portrait: docx swaps width and height for a landscape section. */
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
/** 2 cm margins, as UN documents use. */
const MARGIN = 1134;
const TEXT_WIDTH = A4_HEIGHT - 2 * MARGIN;
const LABEL_MIN = 2800;
const FIGURE_MAX = 1500;
/** Left and right cell margins of Word's default table style (0.08 inch each), in twips. */
const CELL_MARGINS = 230;
const HEADER_FILL = "F2F2F2";
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const LOCALE: Record<Language, string> = { en: "en-GB", fr: "fr-FR", es: "es-ES" };
/** Tables up to this many rows are kept on one page (Annex 1's tables); longer ones break between rows. */
const KEEP_TOGETHER_ROWS = 40;
/** Paragraph styles of table cells: 8.5 pt, or 7.5 pt when ten instruments and a Total share the width. */
const STYLES = { text: "AnnexCell", figure: "AnnexFigure" };
/** The two type sizes of table cells, in half-points. */
const NORMAL_SIZE = 17;
const SMALL_SIZE = 15;
const SMALL_STYLES = { text: "AnnexCellSmall", figure: "AnnexFigureSmall" };

/**
 * Writes Annexes 1–3 as a Word document (.docx): an A4 landscape section with the document symbol
 * in the header and "Page x of y" in the footer, tables whose header rows repeat on every page,
 * right-aligned figures in the language's number format, bold totals over a rule, and the
 * footnotes under each table. Works in Node and in the browser (no Node Buffer).
 */
export async function writeAnnexDocx(
  allocation: Allocation,
  options: AnnexDocxOptions = {},
): Promise<Uint8Array> {
  const language = options.language ?? allocation.settings.language ?? "en";
  const m = annexMessages[language];
  const { settings } = allocation;
  const tables = annexTables(allocation, language);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: annexTitle(settings, language), bold: true, size: 26 })],
    }),
  ];
  tables.forEach((table, t) => {
    if (table.first) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          pageBreakBefore: t > 0,
          keepNext: true,
          spacing: { before: t > 0 ? 0 : 240, after: 60 },
          children: [new TextRun({ text: table.heading, bold: true, size: 24 })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { after: 200 },
          children: [new TextRun({ text: table.title, bold: true, size: 24 })],
        }),
      );
    }
    // More instruments than an A4 landscape width holds: the table continues below with the next ones.
    // The slices of one table keep one type size, the one the whole table needs.
    const small = table.columns.length - 1 > 8;
    const fit = figuresThatFit(
      table,
      small ? SMALL_SIZE : NORMAL_SIZE,
      allocation.settings.rounding,
      language,
    );
    sliceColumns(table, fit).forEach((part, p) => {
      children.push(
        new Paragraph({
          keepNext: true,
          spacing: { before: table.first && p === 0 ? 0 : 240, after: 80 },
          children: [
            new TextRun({
              text: p === 0 ? table.caption : `${table.caption} (${m.continued})`,
              italics: true,
            }),
          ],
        }),
      );
      if (part.rows.length > 0) children.push(docxTable(part, small, allocation.settings.rounding, language));
    });
    children.push(...notesUnder(table));
  });

  const symbol = settings.documentSymbol?.trim() ?? "";
  const status = settings.status ?? "Draft";
  const document = new Document({
    creator: "CMS Family Cost Sharing",
    title: annexTitle(settings, language),
    ...(symbol ? { subject: symbol } : {}),
    styles: {
      default: {
        document: { run: { font: FONT, size: 18, language: { value: LOCALE[language] } } },
      },
      paragraphStyles: [
        cellStyle(STYLES.text, NORMAL_SIZE, AlignmentType.LEFT),
        cellStyle(STYLES.figure, NORMAL_SIZE, AlignmentType.RIGHT),
        cellStyle(SMALL_STYLES.text, SMALL_SIZE, AlignmentType.LEFT),
        cellStyle(SMALL_STYLES.figure, SMALL_SIZE, AlignmentType.RIGHT),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        headers: {
          default: new Header({
            children: [
              // The status on every page: a draft mark until the figures are approved.
              new Paragraph({
                alignment: AlignmentType.LEFT,
                children: [
                  new TextRun({
                    text: m.status[status],
                    bold: true,
                    ...(status === "Approved" ? {} : { color: "C00000" }),
                  }),
                ],
              }),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: symbol })] }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: pageOfRuns(m.pageOf("{page}", "{pages}")),
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** "Page x of y" with live page fields, from the sentence with {page} and {pages} marking where they go. */
function pageOfRuns(text: string): ParagraphChild[] {
  // PageNumber.CURRENT and TOTAL_PAGES are strings that TextRun turns into PAGE and NUMPAGES fields.
  const children: string[] = [];
  for (const part of text.split(/(\{page\}|\{pages\})/)) {
    if (part === "{page}") children.push(PageNumber.CURRENT);
    else if (part === "{pages}") children.push(PageNumber.TOTAL_PAGES);
    else if (part !== "") children.push(part);
  }
  return [new TextRun({ children })];
}

function cellStyle(id: string, size: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  return {
    id,
    name: id,
    basedOn: "Normal",
    quickFormat: false,
    run: { size },
    paragraph: { alignment, spacing: { before: 0, after: 0 } },
  };
}

/**
 * The width (twips) each figure column needs at type size `size` (half-points): its longest header
 * word or figure. (A character of Calibri is about 0.62 of the type size on average; a half-point
 * is 10 twips.) The label column's entry is 0: it takes what the figures leave.
 */
function columnNeeds(table: AnnexTable, size: number, rounding: number, language: Language): number[] {
  return table.columns.map((col, c) => {
    if (c === 0) return 0;
    const headerWord = Math.max(0, ...col.header.split(" ").map((w) => w.length)) * 1.15;
    const longest = table.rows.reduce(
      (max, row) => Math.max(max, annexCellText(row, col, c, rounding, language).length),
      headerWord,
    );
    return Math.ceil(longest * size * 6.2) + CELL_MARGINS;
  });
}

/**
 * How many figure columns one slice of `table` can hold beside a label of its minimum width,
 * counting the widest columns first: long French or Spanish figures and headers fit fewer
 * instruments on a page than the English ones.
 */
function figuresThatFit(table: AnnexTable, size: number, rounding: number, language: Language): number {
  const needs = columnNeeds(table, size, rounding, language)
    .slice(1)
    .sort((a, b) => b - a);
  let fit = 0;
  for (let used = 0; fit < needs.length && used + needs[fit] <= TEXT_WIDTH - LABEL_MIN; fit++) {
    used += needs[fit];
  }
  return Math.max(1, Math.min(MAX_FIGURE_COLUMNS, fit));
}

function docxTable(table: AnnexTable, small: boolean, rounding: number, language: Language): Table {
  // Ten instruments and a Total need a smaller type to keep "1,234,567" on one line.
  const size = small ? SMALL_SIZE : NORMAL_SIZE;
  // Each figure column is as wide as its longest header word and longest figure need; amounts
  // then share what the label leaves, up to a comfortable width; the label takes the rest.
  // (A character of Calibri is about 0.62 of the type size on average: size is in half-points, 10 twips each.)
  const need = columnNeeds(table, size, rounding, language);
  const narrowTotal = table.columns.reduce(
    (sum, col, c) => (c > 0 && col.kind !== "amount" ? sum + need[c] : sum),
    0,
  );
  const amounts = table.columns.filter((col) => col.kind === "amount").length;
  const amountShare = Math.min(
    FIGURE_MAX,
    Math.floor((TEXT_WIDTH - LABEL_MIN - narrowTotal) / Math.max(1, amounts)),
  );
  const widths = table.columns.map((col, c) =>
    col.kind === "amount" ? Math.max(need[c], amountShare) : need[c],
  );
  // When the figures alone need more than the page leaves the label, every figure column gives
  // up width in proportion (its text wraps) so that the label keeps its minimum.
  const figures = widths.slice(1).reduce((a, b) => a + b, 0);
  if (figures > TEXT_WIDTH - LABEL_MIN) {
    const scale = (TEXT_WIDTH - LABEL_MIN) / figures;
    for (let c = 1; c < widths.length; c++) widths[c] = Math.floor(widths[c] * scale);
  }
  widths[0] = TEXT_WIDTH - widths.slice(1).reduce((a, b) => a + b, 0);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (col, c) =>
        new TableCell({
          width: { size: widths[c], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL },
          borders: { bottom: LINE },
          children: [
            new Paragraph({
              alignment: isFigure(col) ? AlignmentType.RIGHT : AlignmentType.LEFT,
              keepNext: true,
              children: [new TextRun({ text: col.header, bold: true, size })],
            }),
          ],
        }),
    ),
  });
  // Keeping every row with the next holds a short table on one page; a long one must be free to break.
  const keepTogether = table.rows.length <= KEEP_TOGETHER_ROWS;
  const styles = small ? SMALL_STYLES : STYLES;
  const body = table.rows.map((row, r) => {
    const isTotal = row.kind === "subtotal" || row.kind === "total";
    const bold = isTotal || row.kind === "group";
    const keepNext = keepTogether && r < table.rows.length - 1;
    // Rows are one line high, so none needs cantSplit.
    return new TableRow({
      children: table.columns.map((col, c) => {
        const text = annexCellText(row, col, c, rounding, language);
        // The paragraph style carries font size and alignment, so a cell is a few XML elements, not a dozen.
        const runs: TextRun[] = text === "" ? [] : [new TextRun(bold ? { text, bold } : text)];
        if (c === 0 && row.notes.length > 0) {
          runs.push(new TextRun({ text: ` ${row.notes.join(", ")}`, superScript: true }));
        }
        return new TableCell({
          ...(isTotal ? { borders: { top: LINE } } : {}),
          children: [
            new Paragraph({
              style: c > 0 && isFigure(col) ? styles.figure : styles.text,
              ...(keepNext ? { keepNext } : {}),
              ...(row.kind === "detail" && c === 0 && table.part === 2 ? { indent: { left: 170 } } : {}),
              children: runs,
            }),
          ],
        });
      }),
    });
  });
  return new Table({
    rows: [header, ...body],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // UN budget tables rule off the top and bottom and under the headings, with no vertical lines.
    borders: {
      top: LINE,
      bottom: LINE,
      left: NO_LINE,
      right: NO_LINE,
      insideHorizontal: NO_LINE,
      insideVertical: NO_LINE,
    },
  });
}

function isFigure(col: AnnexColumn): boolean {
  return col.kind === "amount" || col.kind === "fte" || col.kind === "percent" || col.kind === "rate";
}

/** The lettered footnotes, then the unlettered notes, in small type under the table. */
function notesUnder(table: AnnexTable): Paragraph[] {
  const paragraphs = table.footnotes.map(
    (note, i) =>
      new Paragraph({
        spacing: { before: i === 0 ? 100 : 0 },
        children: [
          new TextRun({ text: note.letter, superScript: true, size: 16 }),
          new TextRun({ text: ` ${note.text}`, size: 16 }),
        ],
      }),
  );
  table.notes.forEach((note, i) =>
    paragraphs.push(
      new Paragraph({
        spacing: { before: i === 0 && paragraphs.length === 0 ? 100 : 0 },
        children: [new TextRun({ text: note, italics: true, size: 16 })],
      }),
    ),
  );
  return paragraphs;
}
