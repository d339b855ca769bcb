import { ForeignSheetError } from "../workbook/errors";
import type { OutputSheet, WorkbookGrids } from "../workbook/grid";
import { OWNERSHIP_PREFIX, ownershipName } from "../workbook/ownership";
import type { ExistingSheet, WorkbookPort } from "../workbook/port";
import type { InputMapping } from "../workbook/inputMapping";
import { excelAddress } from "./excelAddress";
import { planSheetWrite, type WriteOp } from "./planSheetWrite";
import { readInputSheets, type LoadedIndex } from "./readInputSheets";
import { readRateFormats } from "./readRateFormats";
import { MAPPING_SETTING, WorkbookSettingsStore, type JsonValue } from "./workbookSettingsStore";

/** Tunables of the adapter; the defaults suit Excel on every platform. */
export interface ExcelWorkbookOptions {
  /**
   * Largest estimated request or response per context.sync(), in bytes. Excel on the web refuses
   * either over 5 MB, and the estimates are rough, so the margin is wide.
   * @default 4_000_000
   */
  maxPayloadBytes?: number;
  /**
   * Whether to apply page setup (orientation, A4, fit to width, print titles, header and footer),
   * which needs ExcelApi 1.9. Undefined asks the host.
   */
  pageLayout?: boolean;
}

/** Prefix of the sheets a write builds before they replace our earlier output. */
const STAGING_PREFIX = "~CMSCS staging ";

/** A sheet name as Excel compares them: case-insensitively. */
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** An ownership name as loaded: its name and the sheet its formula points at. */
interface LoadedName {
  name: string;
  /** Undefined when the name points at no sheet (#REF! after its sheet was deleted). */
  sheet: string | undefined;
}

/**
 * The open workbook in Excel, seen through the WorkbookPort. It takes the request context of an
 * Excel.run that the task pane (or a function) owns, and keeps round trips few: reading costs two
 * syncs (the sheets must be known before their used ranges and top rows can be asked for), and one
 * more per ~4 MB of input values (see readInputSheets); writing one to check ownership, one per ~4 MB of new content, and one last small batch that swaps
 * the new sheets in.
 */
export class ExcelWorkbook implements WorkbookPort {
  private readonly maxPayloadBytes: number;
  private readonly pageLayout: boolean;

  constructor(
    private readonly context: Excel.RequestContext,
    options: ExcelWorkbookOptions = {},
  ) {
    this.maxPayloadBytes = options.maxPayloadBytes ?? 4_000_000;
    this.pageLayout = options.pageLayout ?? hostSupportsPageLayout();
  }

  /**
   * Reads what the workbook layer can use, and nothing else (see readInputSheets): the sheets and
   * tables it can take input from, found by name, then their header rows, then their used part;
   * any other sheet is known by its name only, so a large ledger beside the inputs costs nothing.
   * An ordinary workbook takes two syncs (names; used ranges with their top rows), a large one
   * one more per ~4 MB of input values, and one with a Parties sheet one more for the number
   * formats of its UNScale column (readRateFormats).
   */
  async readInputs(): Promise<WorkbookGrids> {
    const index = await this.loadIndex();
    const grids = await readInputSheets(this.context, index, this.maxPayloadBytes);
    return readRateFormats(this.context, grids, index.mapping);
  }

  /** One sync: the sheet and table names, our ownership marks, and the officer's saved mapping. */
  private async loadIndex(): Promise<LoadedIndex> {
    const wb = this.context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const tables = wb.tables.load("items/name, items/worksheet/name");
    const names = wb.names.load("items/name, items/formula");
    const mapping = new WorkbookSettingsStore(this.context).later(MAPPING_SETTING);
    await this.context.sync();
    const sheetNames = sheets.items.map((ws) => ws.name);
    return {
      sheets: sheetNames,
      tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      ownedSheets: ownedSheets(sheetNames, ownershipNames(names.items)),
      mapping: asMapping(mapping()),
      tableItems: tables.items,
    };
  }

  /** Lists the sheets in tab order, each with whether this add-in wrote it (one sync). */
  async listSheets(): Promise<ExistingSheet[]> {
    const { sheetNames, names } = await this.loadSheetsAndNames();
    const owned = new Set(ownedSheets(sheetNames, names));
    return sheetNames.map((name) => ({ name, owned: owned.has(name) }));
  }

  /**
   * Writes the output sheets: refuses (ForeignSheetError) before writing anything when a name is
   * taken by a sheet of the user's; builds every sheet under a staging name, in requests of at most
   * about 4 MB with calculation suspended; then, in one last small batch, deletes our earlier output,
   * renames the staging sheets and marks them as ours. A fault while building deletes the staging
   * sheets and leaves the earlier output as it was.
   */
  async writeOutputs(sheets: OutputSheet[], onProgress?: (fraction: number) => void): Promise<void> {
    const wb = this.context.workbook;
    const { sheetNames, names } = await this.loadSheetsAndNames();
    const owned = new Set(ownedSheets(sheetNames, names));
    const foreign = sheets
      .map((s) => sheetNames.find((n) => same(n, s.name)))
      .filter((n): n is string => n !== undefined && !owned.has(n));
    if (foreign.length > 0) throw new ForeignSheetError(foreign);

    // Leftovers of a run that died mid-write carry our staging prefix: clear them with the first batch.
    const leftovers = sheetNames.filter((n) => n.startsWith(STAGING_PREFIX));
    const stagingNames = sheets.map((_, i) => uniqueName(`${STAGING_PREFIX}${i + 1}`, sheetNames, leftovers));

    const batches = this.packBatches(sheets, stagingNames);
    const staged: Excel.Worksheet[] = [];
    let created = false;
    try {
      for (let b = 0; b < batches.length; b++) {
        this.context.application.suspendApiCalculationUntilNextSync();
        if (b === 0) {
          for (const name of leftovers) wb.worksheets.getItem(name).delete();
          for (const name of stagingNames) {
            const ws = wb.worksheets.add(name);
            // Hidden while it fills, so the user never sees a half-written sheet.
            ws.visibility = "Hidden";
            staged.push(ws);
          }
          created = true;
        }
        for (const { sheet, op } of batches[b]) op.apply(staged[sheet]);
        await this.context.sync();
        onProgress?.((b + 1) / (batches.length + 1));
      }
    } catch (fault) {
      if (created) await this.dropStaging(stagingNames, fault);
      throw fault;
    }

    // The swap: a small batch, so the window in which a fault could leave a mix is as short as can be.
    // Tab positions as they stand once the leftovers are gone; the staging sheets come after them all.
    const kept = sheetNames.filter((n) => !leftovers.includes(n));
    sheets.forEach((sheet, i) => {
      // The Run records sheet stays hidden: the officer has no need of it, and can unhide it to look.
      staged[i].visibility = sheet.hidden ? "Hidden" : "Visible";
      const old = kept.find((n) => same(n, sheet.name));
      const oldMark = names.find((m) => same(m.name, ownershipName(sheet.name)));
      if (oldMark) wb.names.getItem(oldMark.name).delete();
      if (old !== undefined) {
        // Into the old sheet's place (pushing it one to the right), then the old one goes: a sheet
        // the officer moved stays where they put it, and no other tab moves.
        staged[i].position = kept.indexOf(old);
        wb.worksheets.getItem(old).delete();
      }
      staged[i].name = sheet.name;
      wb.names.add(ownershipName(sheet.name), staged[i].getRange("A1"));
    });
    await this.context.sync();
    onProgress?.(1);
  }

  /** Packs every sheet's operations, in order, into batches of at most maxPayloadBytes. */
  private packBatches(sheets: OutputSheet[], stagingNames: string[]): { sheet: number; op: WriteOp }[][] {
    const batches: { sheet: number; op: WriteOp }[][] = [[]];
    // The first batch also adds the staging sheets.
    let bytes = 200 * stagingNames.length;
    sheets.forEach((sheet, i) => {
      const ops = planSheetWrite(
        this.pageLayout ? sheet : { ...sheet, print: undefined },
        this.maxPayloadBytes,
      );
      for (const op of ops) {
        if (bytes + op.bytes > this.maxPayloadBytes && batches[batches.length - 1].length > 0) {
          batches.push([]);
          bytes = 0;
        }
        batches[batches.length - 1].push({ sheet: i, op });
        bytes += op.bytes;
      }
    });
    return batches;
  }

  /** Deletes the staging sheets after a fault; a failure here is reported with the fault that caused it. */
  private async dropStaging(stagingNames: string[], fault: unknown): Promise<void> {
    try {
      const sheets = this.context.workbook.worksheets;
      const found = stagingNames.map((n) => sheets.getItemOrNullObject(n).load("name"));
      await this.context.sync();
      for (const ws of found) if (!ws.isNullObject) ws.delete();
      await this.context.sync();
    } catch (cleanupFault) {
      throw new AggregateError(
        [fault, cleanupFault],
        "Writing the output failed, and removing the half-written staging sheets failed too. " +
          `Delete the sheets named '${STAGING_PREFIX}…' by hand; the earlier output is unchanged.`,
      );
    }
  }

  /** One sync: the sheet names in tab order, and our ownership names with the sheet each points at. */
  private async loadSheetsAndNames(): Promise<{ sheetNames: string[]; names: LoadedName[] }> {
    const wb = this.context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const names = wb.names.load("items/name, items/formula");
    await this.context.sync();
    return { sheetNames: sheets.items.map((s) => s.name), names: ownershipNames(names.items) };
  }
}

/** True when the host has ExcelApi 1.9 (page layout); assumed outside Office, where there is no host to ask. */
function hostSupportsPageLayout(): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", "1.9");
}

/** Our ownership names among the workbook's names, with the sheet each one's formula points at. */
function ownershipNames(items: Excel.NamedItem[]): LoadedName[] {
  const out: LoadedName[] = [];
  for (const item of items) {
    if (!item.name.startsWith(OWNERSHIP_PREFIX)) continue;
    // Office.js types NamedItem.formula as any; for a range name it is text such as "=Log!$A$1".
    const formula: unknown = item.formula;
    // A name whose sheet was deleted refers to #REF!: it marks nothing, but it still holds the name.
    const points = typeof formula === "string" && /![$]?[A-Z]+[$]?\d+$/i.test(formula);
    out.push({ name: item.name, sheet: points ? excelAddress(formula).sheet : undefined });
  }
  return out;
}

/**
 * The sheets that carry our ownership name pointing at that very sheet: a sheet of ours that the
 * user renamed carries the name under its new name, so it is no longer ours, and a sheet the user
 * then created under our old name is not ours either.
 */
function ownedSheets(sheetNames: string[], names: LoadedName[]): string[] {
  return sheetNames.filter((n) =>
    names.some((m) => same(m.name, ownershipName(n)) && m.sheet !== undefined && same(m.sheet, n)),
  );
}

/** A staging name not taken by any sheet (a user could, in principle, have used ours). */
function uniqueName(base: string, taken: string[], freed: string[]): string {
  let name = base;
  for (let k = 2; taken.some((t) => same(t, name) && !freed.includes(t)); k++) name = `${base}-${k}`;
  return name;
}

/** A stored setting read back as a mapping; anything else (an older or hand-edited value) counts as none. */
function asMapping(value: JsonValue | undefined): InputMapping | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}
