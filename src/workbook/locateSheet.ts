import type { Problem } from "../engine/problem";
import { columnLetter } from "./columnLetter";
import { describeValue } from "./describeValue";
import { FoundSheet, type DataRow } from "./foundSheet";
import { isUncalculated, type CellValue, type GridBlock, type WorkbookGrids } from "./grid";
import type { ContractSheet, SheetMapping } from "./inputMapping";
import { normalizeName } from "./normalizeName";
import { uncalculatedMessage } from "./uncalculatedMessage";
import type { ColumnLayout, SheetLayout, YearColumnLayout } from "./workbookLayout";
import { totalsVerdict, type TotalsCheck } from "./totalsRow";
import { yearHeaderProblem, yearOfHeader } from "./yearOfHeader";

/** What locating a contract sheet gave: absent, found but unreadable (missing columns), or found. */
export type Located =
  | { status: "absent" }
  | { status: "unreadable"; layout?: SheetLayout; problems: Problem[] }
  | { status: "found"; sheet: FoundSheet };

interface Block extends GridBlock {
  name: string;
  sheet: string;
  fromTable: boolean;
  fromMapping: boolean;
  /** Its worksheet's cells formatted as percentages, where the adapter gave them. */
  percentCells?: ReadonlySet<number>;
}

interface HeaderMatch {
  columns: ColumnLayout[];
  years: YearColumnLayout[];
  /** Later columns with the same header as a column read for a field: left alone, with a warning. */
  repeats: { field: string; header: string; index: number; first: ColumnLayout }[];
  /** Header cells that are dates on another day than the first of January: no year for certain. */
  dates: { index: number; message: string }[];
}

/**
 * Finds a contract sheet in the workbook (mapping first, then a sheet of the name, then a table,
 * then the aliases), finds its header row (the first row holding every required column), and
 * collects its data rows, skipping blank, totals and note rows.
 */
export function locateSheet(grids: WorkbookGrids, contract: ContractSheet, mapping?: SheetMapping): Located {
  const chosen = chooseBlock(grids, contract, mapping);
  if (chosen === undefined) return { status: "absent" };
  if (typeof chosen === "string") {
    return {
      status: "unreadable",
      problems: [
        {
          severity: "error",
          sheet: contract.name,
          cell: "A1",
          message: `The task pane maps ${contract.name} to '${chosen}', but the workbook has no sheet or table of that name; choose another in the task pane.`,
        },
      ],
    };
  }
  const block = chosen;
  const candidates = block.fromTable ? [0] : block.rows.map((_, i) => i);
  let best: { index: number; match: HeaderMatch } | undefined;
  for (const i of candidates) {
    const match = matchHeader(block.rows[i] ?? [], block.firstCol, contract, mapping);
    if (satisfied(match, contract)) return { status: "found", sheet: build(block, i, match, contract) };
    if (best === undefined || match.columns.length > best.match.columns.length) best = { index: i, match };
  }
  if (contract.name === "Settings" && (best === undefined || best.match.columns.length === 0)) {
    return { status: "found", sheet: bareSettings(block) };
  }
  const index = best?.index ?? 0;
  const match = best?.match ?? { columns: [], years: [], repeats: [], dates: [] };
  const headerRow = block.firstRow + index;
  const cells = block.rows[index] ?? [];
  let nextCol = block.firstCol + lastFilled(cells) + 1;
  const unread = headerFormulas(block, index);
  const problems: Problem[] = [...unread, ...dateHeaders(block, index, match)];
  // A missing column may be under a header with no saved value: the column problem says it follows from that one.
  const unreadCells = unread.map((p) => p.cell).join(", ");
  const perhaps =
    unread.length === 0
      ? ""
      : ` (unless it is the header at ${unreadCells}, which has no saved value: fix ${unread.length === 1 ? "that" : "those"} first)`;
  for (const field of contract.fields) {
    if (!field.required || match.columns.some((c) => c.field === field.name)) continue;
    if (field.yearsInstead && match.years.length > 0) continue;
    const mapped = mapping?.columns?.[field.name];
    const alternative = field.yearsInstead ? " nor one column per year" : "";
    problems.push({
      severity: "error",
      sheet: block.sheet,
      row: headerRow,
      field: field.name,
      cell: `${columnLetter(nextCol)}${headerRow}`,
      message:
        mapped !== undefined
          ? `no '${mapped}' column, which the task pane maps to ${field.name}; add it, or map another column to ${field.name} in the task pane`
          : `no '${field.name}' column${alternative}; add one, or map an existing column to ${field.name} in the task pane${perhaps}`,
    });
    nextCol++;
  }
  return { status: "unreadable", layout: layoutOf(block, index, match, contract), problems };
}

/** A worksheet's percent-formatted cells, as a Block field, when the grids give them. */
function percentOf(grids: WorkbookGrids, sheet: string): { percentCells?: ReadonlySet<number> } {
  const cells = grids.percentCells?.[sheet];
  return cells === undefined ? {} : { percentCells: cells };
}

function chooseBlock(
  grids: WorkbookGrids,
  contract: ContractSheet,
  mapping: SheetMapping | undefined,
): Block | string | undefined {
  const owned = new Set(grids.ownedSheets);
  const sheets: Block[] = grids.sheets
    .filter((s) => !owned.has(s.name))
    .map((s) => ({ ...s, sheet: s.name, fromTable: false, fromMapping: false, ...percentOf(grids, s.name) }));
  const tables: Block[] = grids.tables
    .filter((t) => !owned.has(t.sheet))
    .map((t) => ({ ...t, fromTable: true, fromMapping: false, ...percentOf(grids, t.sheet) }));
  const source = mapping?.source?.trim();
  if (source !== undefined && source !== "") {
    const wanted = normalizeName(source);
    const found =
      sheets.find((s) => s.name === source) ??
      tables.find((t) => t.name === source) ??
      sheets.find((s) => normalizeName(s.name) === wanted) ??
      tables.find((t) => normalizeName(t.name) === wanted);
    return found === undefined ? source : { ...found, fromMapping: true };
  }
  const names = (list: readonly string[]) => new Set(list.map(normalizeName));
  const own = names([contract.name]);
  const aliases = names(contract.aliases);
  const tableNames = (set: Set<string>) => new Set([...set, ...[...set].map((n) => `tbl${n}`)]);
  return (
    sheets.find((s) => own.has(normalizeName(s.name))) ??
    tables.find((t) => tableNames(own).has(normalizeName(t.name))) ??
    sheets.find((s) => aliases.has(normalizeName(s.name))) ??
    tables.find((t) => tableNames(aliases).has(normalizeName(t.name)))
  );
}

/** Header text as officers write it: text, a number (a year typed as 2016), or a date (2016-01-01). */
function headerText(v: CellValue | undefined): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return "";
}

function matchHeader(
  cells: readonly CellValue[],
  firstCol: number,
  contract: ContractSheet,
  mapping: SheetMapping | undefined,
): HeaderMatch {
  const texts = cells.map(headerText);
  // A parenthesised unit ("Cost (EUR)") does not change what the column is.
  const keys = texts.map((t) => [normalizeName(t), normalizeName(t.replace(/\([^)]*\)/g, ""))]);
  const taken = new Set<number>();
  const columns: ColumnLayout[] = [];
  const find = (name: string) => {
    const wanted = normalizeName(name);
    if (wanted === "") return -1;
    return keys.findIndex((k, i) => !taken.has(i) && (k[0] === wanted || k[1] === wanted));
  };
  const claim = (field: string, i: number) => {
    taken.add(i);
    columns.push({ field, header: texts[i], column: columnLetter(firstCol + i), index: firstCol + i });
  };
  // Canonical names and mapped headers first, so that an alias never steals another field's column.
  const pending = contract.fields.filter((field) => {
    const mapped = mapping?.columns?.[field.name];
    const i = find(mapped ?? field.name);
    if (i >= 0) claim(field.name, i);
    return i < 0 && mapped === undefined;
  });
  for (const field of pending) {
    for (const alias of field.aliases) {
      const i = find(alias);
      if (i >= 0) {
        claim(field.name, i);
        break;
      }
    }
  }
  const order = contract.fields.map((f) => f.name);
  columns.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  const years: YearColumnLayout[] = [];
  const dates: HeaderMatch["dates"] = [];
  if (contract.yearColumns) {
    cells.forEach((v, i) => {
      const problem = taken.has(i) ? undefined : yearHeaderProblem(v);
      if (problem !== undefined) dates.push({ index: firstCol + i, message: problem });
      const year = taken.has(i) ? undefined : yearOfHeader(v);
      if (year === undefined || years.some((y) => y.year === year)) return;
      years.push({
        field: String(year),
        header: texts[i],
        column: columnLetter(firstCol + i),
        index: firstCol + i,
        year,
      });
    });
  }
  const repeats: HeaderMatch["repeats"] = [];
  keys.forEach((k, i) => {
    if (taken.has(i) || k[0] === "") return;
    const first = columns.find((c) => normalizeName(c.header) === k[0]);
    if (first !== undefined)
      repeats.push({ field: first.field, header: texts[i], index: firstCol + i, first });
  });
  return { columns, years, repeats, dates };
}

function satisfied(match: HeaderMatch, contract: ContractSheet): boolean {
  return contract.fields.every(
    (f) =>
      !f.required ||
      match.columns.some((c) => c.field === f.name) ||
      (f.yearsInstead === true && match.years.length > 0),
  );
}

function lastFilled(cells: readonly CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i;
  return -1;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function width(block: GridBlock): number {
  return block.rows.reduce((w, r) => Math.max(w, r.length), 0);
}

function layoutOf(
  block: Block,
  headerIndex: number,
  match: HeaderMatch,
  contract: ContractSheet,
): SheetLayout {
  const headerRow = block.firstRow + headerIndex;
  return {
    contract: contract.name,
    name: block.name,
    sheet: block.sheet,
    fromTable: block.fromTable,
    fromMapping: block.fromMapping,
    headerRow,
    firstColumn: block.firstCol,
    lastColumn: block.firstCol + Math.max(width(block), 1) - 1,
    firstDataRow: headerRow + 1,
    lastDataRow: block.firstRow + block.rows.length - 1,
    columns: match.columns,
    splitColumns: [],
    yearColumns: match.years,
    driverColumns: [],
    settingRows: {},
  };
}

function build(block: Block, headerIndex: number, match: HeaderMatch, contract: ContractSheet): FoundSheet {
  const layout = layoutOf(block, headerIndex, match, contract);
  const keyColumn = match.columns.find((c) => c.field === contract.key);
  const header = block.rows[headerIndex] ?? [];
  const figureColumns = [...match.columns.filter((c) => FIGURE_FIELDS.has(c.field)), ...match.years].map(
    (c) => c.index - block.firstCol,
  );
  const identity = contract.fields
    .filter((f) => f.required && f.name !== contract.key && !f.yearsInstead && !FIGURE_FIELDS.has(f.name))
    .flatMap((f) => {
      const c = match.columns.find((col) => col.field === f.name);
      return c === undefined ? [] : [{ index: c.index - block.firstCol, field: f.name }];
    });
  const { rows, problems } = dataRows(
    block,
    headerIndex + 1,
    keyColumn === undefined ? undefined : keyColumn.index,
    { figures: figureColumns, identity },
    header,
  );
  const warnings: Problem[] = [
    ...headerFormulas(block, headerIndex),
    ...dateHeaders(block, headerIndex, match),
    ...unnamedColumns(
      block,
      headerIndex,
      rows,
      contract.fields.filter((f) => !match.columns.some((c) => c.field === f.name)).map((f) => f.name),
    ),
    ...problems,
  ];
  warnings.push(
    ...match.repeats.map((r): Problem => ({
      severity: "warning",
      sheet: block.sheet,
      row: layout.headerRow,
      field: r.field,
      cell: `${columnLetter(r.index)}${layout.headerRow}`,
      message: `a second '${r.header}' column is not read; ${r.field} is read from column ${r.first.column}`,
    })),
  );
  return new FoundSheet(layout, block.rows[headerIndex] ?? [], rows, warnings, block.percentCells);
}

/** A header cell holding a formula never calculated names no column we can know: a problem at it. */
function headerFormulas(block: Block, headerIndex: number): Problem[] {
  const row = block.firstRow + headerIndex;
  const problems: Problem[] = [];
  (block.rows[headerIndex] ?? []).forEach((v, i) => {
    if (!isUncalculated(v)) return;
    problems.push({
      severity: "error",
      sheet: block.sheet,
      row,
      cell: `${columnLetter(block.firstCol + i)}${row}`,
      message: `this header ${uncalculatedMessage(v.formula).replace(/^this cell /, "")}`,
    });
  });
  return problems;
}

/**
 * A column inside the table (between its first and last header) whose header cell is blank but
 * whose rows hold values: a problem at the header cell. Such a column is not read, and it is most
 * often one whose header was lost: merged into the header beside it (Excel keeps the first cell's
 * text only), or deleted. Left unread, a FundedBy or split column would change figures silently.
 */
function unnamedColumns(
  block: Block,
  headerIndex: number,
  rows: readonly DataRow[],
  /** The contract's columns the sheet lacks: the header the column may have lost. */
  absent: readonly string[],
): Problem[] {
  const header = block.rows[headerIndex] ?? [];
  const first = header.findIndex((v) => !isBlank(v));
  const last = lastFilled(header);
  const row = block.firstRow + headerIndex;
  const problems: Problem[] = [];
  for (let i = first + 1; i < last; i++) {
    if (!isBlank(header[i])) continue;
    const filled = rows.find((r) => !isBlank(r.values[i] ?? null));
    if (filled === undefined) continue;
    const column = columnLetter(block.firstCol + i);
    const before = header[i - 1];
    const beside = typeof before === "string" && before.trim() !== "" ? ` '${before.trim()}'` : "";
    const example = absent.length > 0 ? ` (such as ${absent.slice(0, 2).join(" or ")})` : "";
    problems.push({
      severity: "error",
      sheet: block.sheet,
      row,
      cell: `${column}${row}`,
      message:
        `this header is blank, but column ${column} holds values (${column}${filled.row}: ${describeValue(filled.values[i] ?? null)}), ` +
        `which are not read without one: was it merged with the header${beside} beside it? ` +
        `Type the column's header${example}, or clear the column`,
    });
  }
  return problems;
}

/** A header that is a date on another day than the first of January: a problem at it. */
function dateHeaders(block: Block, headerIndex: number, match: HeaderMatch): Problem[] {
  const row = block.firstRow + headerIndex;
  return match.dates.map((d) => ({
    severity: "error",
    sheet: block.sheet,
    row,
    cell: `${columnLetter(d.index)}${row}`,
    message: d.message,
  }));
}

/** A Settings sheet of bare pairs: its first column is the key and the next the value. */
function bareSettings(block: Block): FoundSheet {
  const col = block.firstCol;
  const layout: SheetLayout = {
    contract: "Settings",
    name: block.name,
    sheet: block.sheet,
    fromTable: block.fromTable,
    fromMapping: block.fromMapping,
    firstColumn: col,
    lastColumn: block.firstCol + Math.max(width(block), 1) - 1,
    firstDataRow: block.firstRow,
    lastDataRow: block.firstRow + block.rows.length - 1,
    columns: [
      { field: "Key", header: "", column: columnLetter(col), index: col },
      { field: "Value", header: "", column: columnLetter(col + 1), index: col + 1 },
    ],
    splitColumns: [],
    yearColumns: [],
    driverColumns: [],
    settingRows: {},
  };
  return new FoundSheet(layout, [], dataRows(block, 0, col, { figures: [], identity: [] }).rows);
}

/** Contract columns that hold figures: what a totals row sums. */
const FIGURE_FIELDS = new Set(["Amount", "Cost", "FTE", "Parties", "Budget", "Share"]);

/**
 * The rows below the header that hold data: not blank, not a totals row (see totalsVerdict), not a
 * lone note. Only cells under a header count, so a remark typed beside the table does not make a
 * row a record. A row labelled "Total ..." left out as a totals row gets a warning at its label,
 * unless the label is a totals word alone; a bare "Total" that adds up to nothing is a problem.
 */
function dataRows(
  block: Block | GridBlock,
  start: number,
  keyCol: number | undefined,
  check: TotalsCheck,
  header?: readonly CellValue[],
): { rows: DataRow[]; problems: Problem[] } {
  const rows: DataRow[] = [];
  const problems: Problem[] = [];
  let sinceTotal = 0;
  const sheet = "sheet" in block ? block.sheet : "";
  for (let i = start; i < block.rows.length; i++) {
    const values = block.rows[i] ?? [];
    const counts = (v: CellValue, c: number) => !isBlank(v) && (header === undefined || !isBlank(header[c]));
    const firstFilled = values.findIndex(counts);
    if (firstFilled < 0) continue;
    const key = keyCol === undefined ? undefined : values[keyCol - block.firstCol];
    const labelIndex = isBlank(key ?? null) || keyCol === undefined ? firstFilled : keyCol - block.firstCol;
    const label = values[labelIndex];
    const row = block.firstRow + i;
    const at = (message: string, severity: Problem["severity"]): Problem => ({
      severity,
      sheet,
      row,
      cell: `${columnLetter(block.firstCol + labelIndex)}${row}`,
      message,
    });
    const verdict = totalsVerdict(
      label,
      values,
      () => ({ sinceTotal: rows.slice(sinceTotal).map((r) => r.values), all: rows.map((r) => r.values) }),
      check,
    );
    if (verdict.kind === "total") {
      if (verdict.why !== undefined && typeof label === "string")
        problems.push(
          at(`'${label.trim()}' is taken for a totals row and left out, as ${verdict.why}`, "warning"),
        );
      sinceTotal = rows.length;
      continue;
    }
    if (verdict.kind === "doubtful") {
      problems.push(at(verdict.message, "error"));
      continue;
    }
    const filled = values.filter(counts);
    if (filled.length === 1 && typeof filled[0] === "string" && isNote(filled[0])) continue;
    rows.push({ row, values });
  }
  return { rows, problems };
}

/** A lone text under a table that explains it ("Note: ...", "* illustrative", a long sentence). */
function isNote(text: string): boolean {
  const t = text.trim();
  return /^(notes?|sources?)\b|^[*†‡]|^\(?[a-z]\)\s/i.test(t) || (t.length > 40 && /\s/.test(t));
}
