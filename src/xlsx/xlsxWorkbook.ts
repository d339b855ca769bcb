import type { CellValue, OutputSheet, SheetGrid, TableGrid, WorkbookGrids } from "../workbook/grid";
import type { InputSheets, WorkbookIndex } from "../workbook/inputSheets";
import { OWNERSHIP_PREFIX, ownershipName } from "../workbook/ownership";
import type { ExistingSheet, WorkbookPort } from "../workbook/port";
import { WorkbookTooLargeError, XlsxPackageError } from "./errors";
import { LIMITS } from "./limits";
import { OpcPackage } from "./opc/OpcPackage";
import { packageKind, type WorkbookKind } from "./read/packageKind";
import { type NumberStyles, readNumberStyles } from "./read/readNumberStyles";
import { readSharedStrings } from "./read/readSharedStrings";
import { readSheetCells, type CellContext } from "./read/readSheetCells";
import { readTableParts, type TablePart } from "./read/readTableParts";
import { readWorkbookPart, type SheetEntry, type WorkbookPart } from "./read/readWorkbookPart";
import { applyCellEdits, type SheetCell } from "./write/applyCellEdits";
import { applyOutputs } from "./write/applyOutputs";
import type { ZipCodec } from "./zip/codec";

/** Which sheets readInputs reads. */
export interface ReadOptions {
  /**
   * Picks the sheets and tables to read (inputSheets does it as the workbook layer needs); the
   * others are listed by name with no rows. By default every worksheet is read.
   */
  select?: (index: WorkbookIndex) => InputSheets;
}

/**
 * An .xlsx or .xlsm file held in memory, seen through the WorkbookPort: the CLI, the tests and
 * the task pane's file mode all use it. It reads the package itself (over JSZip), so every valid
 * producer's file reads the same, and it writes by adding or replacing our sheets inside the
 * package: every other part stays byte for byte. Browser-safe: it takes and gives bytes, never a path.
 */
export class XlsxWorkbook implements WorkbookPort {
  private strings?: string[];
  private styles?: NumberStyles;

  private constructor(
    private readonly pkg: OpcPackage,
    /** "xlsx", or "xlsm" for a macro-enabled workbook (its output must be an .xlsm too). */
    readonly kind: WorkbookKind,
    private readonly workbookPart: string,
    private workbook: WorkbookPart,
  ) {}

  /**
   * Opens a workbook from the bytes of an .xlsx or .xlsm file; `codec` unpacks and packs its
   * parts (the default runs anywhere; the CLI passes Node's faster zlib).
   */
  static fromBuffer(data: ArrayBuffer | Uint8Array, codec?: ZipCodec): Promise<XlsxWorkbook> {
    return new Promise((resolve) => {
      const pkg = OpcPackage.open(data, codec);
      const { kind, workbookPart } = packageKind(pkg);
      resolve(new XlsxWorkbook(pkg, kind, workbookPart, readWorkbookPart(pkg, workbookPart)));
    });
  }

  /**
   * Why outputs cannot be written into this workbook, or undefined when they can: a Strict Open
   * XML workbook is read, but our sheets are written in the transitional dialect only.
   */
  get unwritable(): string | undefined {
    return this.workbook.strict
      ? "it is saved as Strict Open XML; save it as Excel Workbook (.xlsx) to write results into it"
      : undefined;
  }

  /**
   * Reads the used range from A1 of every worksheet (or of those options.select picks, and the
   * tables it picks on other sheets) with the tables on them and our ownership marks. Every sheet
   * is listed, in tab order: one left unread (a ledger, a chart sheet) by its name, with no rows,
   * so that an output name it takes is still found.
   */
  readInputs(options: ReadOptions = {}): Promise<WorkbookGrids> {
    return new Promise((resolve) => resolve(this.readGrids(options)));
  }

  private readGrids(options: ReadOptions): WorkbookGrids {
    const owned = this.ownedSheetNames();
    const worksheets = this.worksheets().map((entry) => ({
      entry,
      parts: readTableParts(this.pkg, entry.part),
    }));
    const index: WorkbookIndex = {
      sheets: worksheets.map((w) => w.entry.name),
      tables: worksheets.flatMap((w) => w.parts.map((t) => ({ name: t.name, sheet: w.entry.name }))),
      ownedSheets: owned,
    };
    const wanted = options.select?.(index);
    const wholeSheets = wanted === undefined ? undefined : new Set(wanted.sheets);
    const aloneTables = new Set(wanted?.tables ?? []);
    const grids = new Map<string, SheetGrid>();
    const tables: TableGrid[] = [];
    const percentCells: Record<string, ReadonlySet<number>> = {};
    const mergedAreas: Record<string, readonly string[]> = {};
    for (const { entry, parts } of worksheets) {
      const whole = wholeSheets === undefined || wholeSheets.has(entry.name);
      const some = parts.filter((t) => t.header && (whole || aloneTables.has(t.name)));
      // A table read on its own is cut from its sheet's cells, which are then not given as the sheet's.
      const read = whole || some.length > 0 ? this.readCells(entry) : undefined;
      if (read !== undefined && read.percentCells.size > 0) percentCells[entry.name] = read.percentCells;
      if (read !== undefined && read.mergedAreas.length > 0) mergedAreas[entry.name] = read.mergedAreas;
      const grid: SheetGrid = { name: entry.name, rows: read?.cells ?? [], firstRow: 1, firstCol: 1 };
      for (const t of parts) {
        if (!t.header) continue;
        tables.push(some.includes(t) ? cutTable(t, grid) : unreadTable(t, entry.name));
      }
      grids.set(entry.name, whole ? grid : unread(entry.name));
    }
    const sheets = this.workbook.sheets.map((s) => grids.get(s.name) ?? unread(s.name));
    return { sheets, tables, ownedSheets: owned, percentCells, mergedAreas };
  }

  /** Lists the sheets in tab order (worksheets, chart sheets and the rest), each with whether this add-in wrote it. */
  listSheets(): Promise<ExistingSheet[]> {
    const owned = new Set(this.ownedSheetNames());
    return Promise.resolve(this.workbook.sheets.map((s) => ({ name: s.name, owned: owned.has(s.name) })));
  }

  /**
   * Writes the output sheets: a sheet of ours is replaced where it stands, a new one goes after
   * the user's sheets; throws ForeignSheetError, before changing anything, when a name is taken
   * by a sheet of the user's. Every part of the package that is not ours stays as it was, but
   * for the lists that must name our sheets and hold their cell formats.
   */
  writeOutputs(sheets: OutputSheet[], onProgress?: (fraction: number) => void): Promise<void> {
    // The executor turns a throw (ForeignSheetError, a fault) into a rejection, as callers of a port expect.
    return new Promise((resolve) => {
      const reason = this.unwritable;
      if (reason !== undefined)
        throw new XlsxPackageError(`The results cannot be written into this workbook: ${reason}.`);
      applyOutputs(
        {
          pkg: this.pkg,
          workbookPart: this.workbookPart,
          workbook: this.workbook,
          owned: this.ownedSheetNames(),
        },
        sheets,
        onProgress,
      );
      this.workbook = readWorkbookPart(this.pkg, this.workbookPart);
      resolve();
    });
  }

  /**
   * Writes cells into a worksheet of the user's (the task pane's rule editor writes the Rules
   * sheet): text stays text, a number takes `format`; nothing else in the workbook changes.
   */
  writeCells(sheet: string, cells: readonly SheetCell[]): Promise<void> {
    return new Promise((resolve) => {
      applyCellEdits(
        {
          pkg: this.pkg,
          workbookPart: this.workbookPart,
          workbook: this.workbook,
          owned: this.ownedSheetNames(),
        },
        sheet,
        cells,
      );
      this.workbook = readWorkbookPart(this.pkg, this.workbookPart);
      resolve();
    });
  }

  /** The workbook as the bytes of its file (.xlsx or .xlsm, as it came). */
  toBuffer(): Promise<Uint8Array> {
    return new Promise((resolve) => resolve(this.pkg.generate()));
  }

  /** The worksheets (not chart or dialog sheets) that have a part. */
  private worksheets(): (SheetEntry & { part: string })[] {
    return this.workbook.sheets.filter(
      (s): s is SheetEntry & { part: string } => s.kind === "worksheet" && s.part !== undefined,
    );
  }

  /** A worksheet's cells, its number cells in a percentage format (cellKey), and its merged ranges. */
  private readCells(entry: SheetEntry & { part: string }): {
    cells: CellValue[][];
    percentCells: Set<number>;
    mergedAreas: string[];
  } {
    const percentCells = new Set<number>();
    const mergedAreas: string[] = [];
    const cells = readSheetCells(
      this.partText(entry.part, `the sheet '${entry.name}'`),
      this.cellContext(entry.name, percentCells, mergedAreas),
    );
    return { cells, percentCells, mergedAreas };
  }

  /** A part's text, refused before unpacking when it is larger than a part this adapter reads. */
  private partText(part: string, what: string): string {
    const size = this.pkg.unpackedSize(part);
    if (size !== undefined && size > LIMITS.maxPartBytes) {
      throw new WorkbookTooLargeError(
        `${what} is ${Math.round(size / 1e6)} MB of XML once unpacked; costshare reads parts of up to ${LIMITS.maxPartBytes / 1024 / 1024} MB.`,
      );
    }
    return this.pkg.text(part);
  }

  private cellContext(sheet: string, percentCells: Set<number>, mergedAreas: string[]): CellContext {
    const rels = this.workbook.rels;
    const part = (kind: string) =>
      rels.find((r) => r.kind === kind && r.part !== undefined && this.pkg.has(r.part))?.part;
    if (this.strings === undefined) {
      const sst = part("sharedStrings");
      this.strings = readSharedStrings(
        sst === undefined ? undefined : this.partText(sst, "the shared string table"),
      );
    }
    if (this.styles === undefined) {
      const styles = part("styles");
      this.styles = readNumberStyles(styles === undefined ? undefined : this.pkg.text(styles));
    }
    return {
      sharedStrings: this.strings,
      dateStyles: this.styles.dates,
      percentStyles: this.styles.percents,
      percentCells,
      mergedAreas,
      date1904: this.workbook.date1904,
      formulasUncalculated: this.workbook.fullCalcOnLoad,
      maxRows: LIMITS.maxRows,
      maxCells: LIMITS.maxCells,
      onTooLarge: ({ rows }) => {
        throw new WorkbookTooLargeError(
          rows !== undefined
            ? `the sheet '${sheet}' uses row ${rows.toLocaleString("en-GB")}; costshare reads input sheets of up to ${LIMITS.maxRows.toLocaleString("en-GB")} rows.`
            : `the sheet '${sheet}' holds more than ${LIMITS.maxCells.toLocaleString("en-GB")} filled cells, the most costshare reads in one input sheet.`,
        );
      },
    };
  }

  /**
   * Names of the sheets that carry our ownership name, pointing at that very sheet: a sheet of
   * ours that the user renamed keeps a name pointing at it under its new name, and is no longer ours.
   */
  private ownedSheetNames(): string[] {
    const targets = new Map<string, Set<string>>();
    for (const d of this.workbook.definedNames) {
      if (!d.name.startsWith(OWNERSHIP_PREFIX) || d.localSheetId !== undefined) continue;
      const set = targets.get(d.name) ?? new Set<string>();
      for (const range of d.text.split(",")) set.add(sheetOfRange(range.trim()));
      targets.set(d.name, set);
    }
    return this.worksheets()
      .map((s) => s.name)
      .filter((n) => targets.get(ownershipName(n))?.has(n) ?? false);
  }
}

/** The sheet a range such as 'It''s'!$A$1 or Log!$A$1 is on. */
function sheetOfRange(range: string): string {
  const bang = range.lastIndexOf("!");
  const sheet = bang < 0 ? "" : range.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** A sheet that is not read: its name, and no cells. */
function unread(name: string): SheetGrid {
  return { name, rows: [], firstRow: 1, firstCol: 1 };
}

/** A table that is not read: its name and position, and no cells. */
function unreadTable(t: TablePart, sheet: string): TableGrid {
  return { name: t.name, sheet, rows: [], firstRow: t.top, firstCol: t.left };
}

/** A table's cells, cut from its sheet's grid: the header row first. */
function cutTable(t: TablePart, grid: SheetGrid): TableGrid {
  const rows: CellValue[][] = [];
  for (let r = t.top; r <= t.bottom; r++) {
    const source = grid.rows[r - 1] ?? [];
    const row: CellValue[] = [];
    for (let c = t.left; c <= t.right; c++) row.push(source[c - 1] ?? null);
    rows.push(row);
  }
  return { name: t.name, sheet: grid.name, rows, firstRow: t.top, firstCol: t.left };
}
