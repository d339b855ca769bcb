import { ValueType, Workbook } from "exceljs";
import JSZip from "jszip";
import type { Borders, Cell, CellValue as ExcelCellValue, Fill, Font, Style, Worksheet } from "exceljs";
import { InvalidArgumentError } from "../engine/errors";
import { ForeignSheetError } from "../workbook/errors";
import type { CellValue, OutCell, OutputSheet, SheetGrid, TableGrid, WorkbookGrids } from "../workbook/grid";
import { OWNERSHIP_PREFIX, ownershipName, ownershipRefersTo } from "../workbook/ownership";
import type { ExistingSheet, WorkbookPort } from "../workbook/port";

/** Excel's paper size code for A4. */
const PAPER_A4 = 9;

/**
 * An .xlsx file held in memory, seen through the WorkbookPort: the CLI, the tests and the task
 * pane's file mode all use it. Browser-safe: it takes and gives bytes, never a path.
 */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(private readonly workbook: Workbook) {}

  /** Opens a workbook from the bytes of an .xlsx file. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const workbook = new Workbook();
    // ExcelJS's typings ask for a Node Buffer, but JSZip underneath takes any byte array.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    await keepTableHeaders(workbook, data);
    return new XlsxWorkbook(workbook);
  }

  /** Reads every sheet's used range from A1 and every worksheet table, with our ownership marks. */
  readInputs(): Promise<WorkbookGrids> {
    return new Promise((resolve) => {
      const sheets: SheetGrid[] = [];
      const tables: TableGrid[] = [];
      for (const ws of this.workbook.worksheets) {
        const grid: SheetGrid = { name: ws.name, rows: readRows(ws), firstRow: 1, firstCol: 1 };
        sheets.push(grid);
        tables.push(...readTables(ws, grid));
      }
      resolve({ sheets, tables, ownedSheets: this.ownedSheetNames() });
    });
  }

  /** Lists the sheets in tab order, each with whether this add-in wrote it. */
  listSheets(): Promise<ExistingSheet[]> {
    const owned = new Set(this.ownedSheetNames());
    return Promise.resolve(
      this.workbook.worksheets.map((ws) => ({ name: ws.name, owned: owned.has(ws.name) })),
    );
  }

  /**
   * Writes the output sheets after the user's sheets, replacing earlier output of ours; throws
   * ForeignSheetError, before changing anything, when a name is taken by a sheet of the user's.
   */
  writeOutputs(sheets: OutputSheet[], onProgress?: (fraction: number) => void): Promise<void> {
    // The executor turns a throw (ForeignSheetError) into a rejection, as callers of a port expect.
    return new Promise((resolve) => {
      this.applyOutputs(sheets, onProgress);
      resolve();
    });
  }

  /** The synchronous body of writeOutputs: ExcelJS edits the workbook in memory. */
  private applyOutputs(sheets: OutputSheet[], onProgress?: (fraction: number) => void): void {
    const owned = new Set(this.ownedSheetNames());
    const existing = new Map(this.workbook.worksheets.map((ws) => [ws.name.toLowerCase(), ws]));
    const foreign = sheets
      .map((s) => existing.get(s.name.toLowerCase()))
      .filter((ws): ws is Worksheet => ws !== undefined && !owned.has(ws.name))
      .map((ws) => ws.name);
    if (foreign.length > 0) throw new ForeignSheetError(foreign);

    // Build the new content under temporary names first, so a fault midway leaves the old output whole.
    const built: Worksheet[] = [];
    try {
      sheets.forEach((sheet, i) => {
        const ws = this.workbook.addWorksheet(`~cmscs${i}`);
        built.push(ws);
        writeSheet(ws, sheet);
        onProgress?.((i + 1) / (sheets.length + 1));
      });
    } catch (err) {
      // Take the half-built sheets out again, so the workbook is as it was, and let the fault through.
      for (const ws of built) this.workbook.removeWorksheet(ws.id);
      throw err;
    }
    sheets.forEach((sheet, i) => {
      const old = existing.get(sheet.name.toLowerCase());
      if (old) {
        this.workbook.definedNames.remove(ownershipRefersTo(old.name), ownershipName(old.name));
        this.workbook.removeWorksheet(old.id);
      }
      built[i].name = sheet.name;
      this.workbook.definedNames.add(ownershipRefersTo(sheet.name), ownershipName(sheet.name));
    });
    onProgress?.(1);
  }

  /** The workbook as the bytes of an .xlsx file. */
  async toBuffer(): Promise<Uint8Array> {
    const data = await this.workbook.xlsx.writeBuffer();
    return data instanceof Uint8Array ? data : new Uint8Array(data);
  }

  /**
   * Names of the sheets that carry our ownership name, pointing at that very sheet: a sheet of
   * ours that the user renamed keeps a name pointing at it under its new name, and is no longer ours.
   */
  private ownedSheetNames(): string[] {
    const targets = new Map<string, Set<string>>();
    for (const d of this.workbook.definedNames.model) {
      if (!d.name.startsWith(OWNERSHIP_PREFIX)) continue;
      targets.set(d.name, new Set(d.ranges.map(sheetOfRange)));
    }
    return this.workbook.worksheets
      .map((ws) => ws.name)
      .filter((n) => targets.get(ownershipName(n))?.has(n) ?? false);
  }
}

/** The sheet a range such as 'It''s'!$A$1 or Log!$A$1 is on. */
function sheetOfRange(range: string): string {
  const bang = range.lastIndexOf("!");
  const sheet = bang < 0 ? "" : range.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/**
 * ExcelJS reads a table's header row only from an explicit headerRowCount="1", but Excel leaves the
 * attribute out (1 is its default): without this, every table Excel made would be written back
 * with headerRowCount="0", and the user's header row would turn into data. Only a table whose XML
 * says headerRowCount="0" keeps none.
 */
async function keepTableHeaders(workbook: Workbook, data: ArrayBuffer | Uint8Array): Promise<void> {
  const tables = workbook.worksheets.flatMap(
    (ws) => ws.getTables() as unknown as { table?: TableModel & { headerRow?: boolean } }[],
  );
  if (tables.length === 0) return;
  const zip = await JSZip.loadAsync(data);
  const headerless = new Set<string>();
  for (const file of Object.values(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(file.name)) continue;
    const open = /<table\b[^>]*>/.exec(await file.async("string"))?.[0] ?? "";
    const name = /\sname="([^"]*)"/.exec(open)?.[1];
    if (name !== undefined && /\sheaderRowCount="0"/.test(open)) headerless.add(name);
  }
  for (const t of tables) if (t.table) t.table.headerRow = !headerless.has(t.table.name ?? "");
}

/** The used range of a worksheet from A1, as rows of cell values (ragged: trailing empties dropped). */
function readRows(ws: Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = readCell(cell);
      if (v !== null) values[colNumber - 1] = v;
    });
    if (values.length === 0) return;
    for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = values;
  });
  return rows;
}

/** One cell as the workbook layer sees it: formulas give their cached result, links their text. */
function readCell(cell: Cell): CellValue {
  // A merged range's value lives in its top-left cell only, as in Excel.
  if (cell.isMerged && cell.master !== cell) return null;
  // cell.value drops a falsy cached result (0, false, ""), so a formula that computes 0 would read as blank.
  if (cell.type === ValueType.Formula) return fromExcel(cell.result);
  return fromExcel(cell.value);
}

/** Converts an ExcelJS value (plain, rich text, hyperlink, formula, error) to a CellValue. */
function fromExcel(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) {
    const text = value.text as unknown;
    if (typeof text === "string") return text;
    return fromExcel(text as ExcelCellValue);
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return fromExcel(result as ExcelCellValue);
  }
  return null;
}

/** The worksheet tables of a sheet, each cut from the sheet's grid at its position. */
function readTables(ws: Worksheet, grid: SheetGrid): TableGrid[] {
  const out: TableGrid[] = [];
  for (const table of ws.getTables() as unknown as { table?: TableModel; model?: TableModel }[]) {
    const model = table.model ?? table.table;
    const ref = model?.tableRef ?? model?.ref;
    if (!model || !ref) continue;
    const [from, to = from] = ref.split(":");
    const tl = decodeAddress(from);
    const br = decodeAddress(to);
    const rows: CellValue[][] = [];
    for (let r = tl.row; r <= br.row; r++) {
      const source = grid.rows[r - 1] ?? [];
      const row: CellValue[] = [];
      for (let c = tl.col; c <= br.col; c++) row.push(source[c - 1] ?? null);
      rows.push(row);
    }
    out.push({
      name: model.name ?? model.displayName ?? ws.name,
      sheet: ws.name,
      rows,
      firstRow: tl.row,
      firstCol: tl.col,
    });
  }
  return out;
}

/** The parts of ExcelJS's table model we use: a loaded table has tableRef, a new one ref. */
interface TableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
}

/** "$B$3" or "B3" to 1-based row and column. */
function decodeAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new InvalidArgumentError(`Not a cell address: '${address}'.`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Applies one OutputSheet to a fresh worksheet. */
function writeSheet(ws: Worksheet, sheet: OutputSheet): void {
  const styles = new Map<string, Partial<Style>>();
  sheet.cells.forEach((row, r) => {
    if (!row) return;
    row.forEach((oc, c) => {
      if (!oc) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = toExcel(oc, sheet.name, r, c);
      const key = styleKey(oc);
      if (key === "") return;
      let style = styles.get(key);
      if (!style) {
        style = styleOf(oc);
        styles.set(key, style);
      }
      // One shared, never-mutated style object per distinct look keeps 100,000-cell sheets light.
      cell.style = style;
    });
  });
  sheet.columnWidths?.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  for (const range of sheet.merges ?? []) ws.mergeCells(range);
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  if (sheet.print) {
    const p = sheet.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: PAPER_A4,
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      ...(p.fitToWidth ? { fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows[0]}:${p.repeatRows[1]}` } : {}),
    };
    ws.headerFooter = {
      ...ws.headerFooter,
      ...(p.header !== undefined ? { oddHeader: centred(p.header) } : {}),
      ...(p.footer !== undefined ? { oddFooter: centred(p.footer) } : {}),
    };
  }
  if (sheet.tabColor) ws.properties.tabColor = { argb: `FF${sheet.tabColor}` };
}

/** Header/footer text goes in the centre section unless it names its own section (&L, &C, &R). */
function centred(text: string): string {
  return /^&[LCR]/.test(text) ? text : `&C${text}`;
}

/** The ExcelJS value of an output cell: a formula with its cached result, or a plain value (text stays text). */
function toExcel(oc: OutCell, sheet: string, r: number, c: number): ExcelCellValue {
  const v = oc.v ?? null;
  if (typeof v === "number" && !Number.isFinite(v)) {
    throw new InvalidArgumentError(`${sheet} row ${r + 1} column ${c + 1}: cannot write the number ${v}.`);
  }
  if (oc.f !== undefined) {
    const formula = oc.f.startsWith("=") ? oc.f.slice(1) : oc.f;
    return v === null ? { formula, date1904: false } : { formula, result: v, date1904: false };
  }
  // A string is stored as a shared string, whatever it starts with: Excel never evaluates it.
  return v;
}

/** A key that is equal for output cells that look the same. */
function styleKey(oc: OutCell): string {
  if (
    oc.fmt === undefined &&
    !oc.bold &&
    !oc.italic &&
    !oc.borderTop &&
    !oc.borderBottom &&
    oc.align === undefined &&
    !oc.wrap &&
    oc.fill === undefined &&
    oc.size === undefined &&
    oc.color === undefined
  ) {
    return "";
  }
  return [
    oc.fmt,
    oc.bold,
    oc.italic,
    oc.borderTop,
    oc.borderBottom,
    oc.align,
    oc.wrap,
    oc.fill,
    oc.size,
    oc.color,
  ].join("|");
}

/** The ExcelJS style of an output cell. */
function styleOf(oc: OutCell): Partial<Style> {
  const style: Partial<Style> = {};
  if (oc.fmt !== undefined) style.numFmt = oc.fmt;
  if (oc.bold || oc.italic || oc.size !== undefined || oc.color !== undefined) {
    // A font element without a name and size makes LibreOffice fall back to a serif face of its own
    // choosing (and widths fitted for Calibri then show ###): name the workbook's default font.
    const font: Partial<Font> = { name: "Calibri", family: 2, size: 11 };
    if (oc.color !== undefined) font.color = { argb: `FF${oc.color}` };
    if (oc.bold) font.bold = true;
    if (oc.italic) font.italic = true;
    if (oc.size !== undefined) font.size = oc.size;
    style.font = font;
  }
  if (oc.borderTop || oc.borderBottom) {
    const border: Partial<Borders> = {};
    if (oc.borderTop) border.top = { style: "thin" };
    if (oc.borderBottom) border.bottom = { style: "thin" };
    style.border = border;
  }
  if (oc.align !== undefined || oc.wrap) {
    style.alignment = {
      ...(oc.align !== undefined ? { horizontal: oc.align } : {}),
      ...(oc.wrap ? { wrapText: true } : {}),
    };
  }
  if (oc.fill !== undefined) {
    const fill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${oc.fill}` } };
    style.fill = fill;
  }
  return style;
}
