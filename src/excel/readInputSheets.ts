import type { CellValue, SheetGrid, TableGrid, WorkbookGrids } from "../workbook/grid";
import { headerSpans } from "../workbook/headerSpans";
import type { InputMapping } from "../workbook/inputMapping";
import { inputSheets, type InputSheets, type WorkbookIndex } from "../workbook/inputSheets";
import { columnLetter } from "../workbook/columnLetter";
import { excelAddress, excelAddresses, type ExcelAddress } from "./excelAddress";
import { gridRows } from "./gridRows";
import { readRegions, type ReadRegion } from "./readRegions";
import { responseTooLarge } from "./responseTooLarge";
import { overlap, SheetPieces, type Box } from "./sheetPieces";

/** What the first sync of a read learns: the names of things, our marks, and the saved mapping. */
export interface LoadedIndex extends WorkbookIndex {
  /** Sheet names in tab order. */
  sheets: string[];
  tables: { name: string; sheet: string }[];
  ownedSheets: string[];
  mapping: InputMapping | undefined;
  /** The table proxies, in the order of `tables`, for their ranges. */
  tableItems: Excel.Table[];
}

/** One input sheet being read: its used range, the cells read so far, and the columns it needs. */
interface SheetRead {
  name: string;
  pieces: SheetPieces;
  /** The sheet's merged ranges ("D6:D8"), where the host can tell (WorkbookGrids.mergedAreas). */
  merged: string[];
  /** The part of the used range the first read of values covered (the sheet's top rows). */
  top?: Box;
  /** The last column read: the used range's, or the header's last column when that is less. */
  lastCol: number;
  /** Rows up to this one are read at every column of the used range (the header row remainder). */
  fullTo?: number;
}

/** What the second sync learns: each input sheet's used range and top cells, every table's range. */
interface Extents {
  sheets: SheetRead[];
  /** The range of each table, in the order of the index. */
  tables: ExcelAddress[];
}

/** Columns of the top block read with the used ranges (A:AZ): contract sheets are narrower. */
const TOP_COLUMNS = 52;
/** Rows of that block: enough for titles, the header and a table of ordinary size. */
const TOP_ROWS = { least: 20, most: 200 };
/** Bytes a cell is assumed to take (value and type as JSON) when sizing the top block. */
const CELL_GUESS = 40;

/**
 * Reads the cells of the workbook that the workbook layer can use, and no other: the sheets and
 * tables inputSheets picks (by contract name or alias, by the officer's mapping, and our Log),
 * with every table's position; any other sheet or table is listed by name with no cells.
 *
 * The sheets are found first (the index, one sync), then their header rows: the second sync asks
 * for each input sheet's used range together with its top block of cells, where the header row
 * is (headerSpans), so that an ordinary workbook is read whole in two syncs. Then the used part
 * below the top block is read, in blocks under the payload limit (readRegions), and only as far
 * right as the header goes: a stray value far to the right of a table costs nothing. A sheet wider
 * than the top block costs one more sync, for the rest of its rows down to the header.
 */
export async function readInputSheets(
  context: Excel.RequestContext,
  index: LoadedIndex,
  maxBytes: number,
): Promise<WorkbookGrids> {
  const wanted = inputSheets(index, index.mapping);
  if (wanted.sheets.length === 0 && index.tables.length === 0) {
    return { sheets: index.sheets.map(unread), tables: [], ownedSheets: index.ownedSheets };
  }
  const extents = await loadExtents(context, wanted, index.tableItems, maxBytes);
  await findHeaderColumns(context, index, extents, maxBytes);
  const alone = await readBelowTop(context, index, wanted, extents, maxBytes);
  return assemble(index, wanted, extents, alone);
}

/**
 * One sync (two when Excel refuses the top blocks as too large): the values-only used range of
 * each input sheet with the cells of its top block, and the range of every table.
 */
async function loadExtents(
  context: Excel.RequestContext,
  wanted: InputSheets,
  tableItems: Excel.Table[],
  maxBytes: number,
): Promise<Extents> {
  const topBlock = topWindow(wanted.sheets.length, maxBytes);
  try {
    return await loadUsedRanges(context, wanted, tableItems, topBlock);
  } catch (fault) {
    if (!responseTooLarge(fault)) throw fault;
    // Long texts in the top rows: the used ranges alone, and every value read in blocks.
    return loadUsedRanges(context, wanted, tableItems, undefined);
  }
}

/** The top block read with the used ranges: a share of the payload budget for each sheet. */
function topWindow(sheets: number, maxBytes: number): Box {
  const rows = Math.floor(maxBytes / 2 / CELL_GUESS / Math.max(1, sheets) / TOP_COLUMNS);
  return {
    firstRow: 1,
    firstCol: 1,
    lastRow: Math.min(TOP_ROWS.most, Math.max(TOP_ROWS.least, rows)),
    lastCol: TOP_COLUMNS,
  };
}

/** One sync: each input sheet's used range and the used cells of its `topBlock` (when given), every table's range. */
async function loadUsedRanges(
  context: Excel.RequestContext,
  wanted: InputSheets,
  tableItems: Excel.Table[],
  topBlock: Box | undefined,
): Promise<Extents> {
  const worksheets = context.workbook.worksheets;
  const mergedAreas = hostReadsMergedAreas();
  const loads = wanted.sheets.map((name) => {
    const ws = worksheets.getItem(name);
    return {
      used: ws.getUsedRangeOrNullObject(true).load("address"),
      // Merged ranges, in the same sync: a problem at a merged cell can then say why it reads blank.
      merged: mergedAreas ? ws.getRange().getMergedAreasOrNullObject().load("address") : undefined,
      // The used cells within the top block: a null object when it holds none.
      top:
        topBlock &&
        ws.getRange(address(topBlock)).getUsedRangeOrNullObject(true).load("address, values, valueTypes"),
    };
  });
  const tableRanges = tableItems.map((t) => t.getRange().load("address"));
  await context.sync();

  const sheets: SheetRead[] = [];
  wanted.sheets.forEach((name, i) => {
    const { used, top, merged } = loads[i];
    if (used.isNullObject) return;
    const box = excelAddress(used.address);
    const pieces = new SheetPieces(box);
    if (top && !top.isNullObject) {
      const at = excelAddress(top.address);
      pieces.add(at.firstRow, at.firstCol, gridRows(top.values, top.valueTypes));
    }
    const areas = merged === undefined || merged.isNullObject ? [] : excelAddresses(merged.address);
    sheets.push({
      name,
      pieces,
      merged: areas.map(
        (a) => `${columnLetter(a.firstCol)}${a.firstRow}:${columnLetter(a.lastCol)}${a.lastRow}`,
      ),
      top: topBlock && overlap(box, topBlock),
      lastCol: box.lastCol,
    });
  });
  return { sheets, tables: tableRanges.map((r) => excelAddress(r.address)) };
}

/**
 * Finds each sheet's header row in its top block and reads no further right than the header's
 * last column (SheetRead.lastCol), nor than the tables on the sheet, which are cut from its cells.
 * A sheet wider than the top block is first read at every column down to its header row (one
 * sync for all such sheets), since a header cell, or an earlier row that is the true header, may
 * lie right of the block.
 */
async function findHeaderColumns(
  context: Excel.RequestContext,
  index: LoadedIndex,
  extents: Extents,
  maxBytes: number,
): Promise<void> {
  const first = headerSpans(topGrids(index, extents), index.mapping);
  const wide = extents.sheets.filter(
    (s) => s.top !== undefined && first.has(s.name) && s.pieces.used.lastCol > s.top.lastCol,
  );
  const heads: ReadRegion[] = wide.map((s) => ({
    sheet: s.name,
    firstRow: s.pieces.used.firstRow,
    firstCol: s.top!.lastCol + 1,
    lastRow: first.get(s.name)!.headerRow,
    lastCol: s.pieces.used.lastCol,
  }));
  const values = await readRegions(context, heads, maxBytes);
  wide.forEach((s, i) => {
    s.pieces.add(heads[i].firstRow, heads[i].firstCol, values[i]);
    s.fullTo = heads[i].lastRow;
  });

  // Again with every column down to the header: an earlier row may hold the header, never a later one.
  const spans = wide.length === 0 ? first : headerSpans(topGrids(index, extents), index.mapping);
  for (const s of extents.sheets) {
    const span = s.top === undefined ? undefined : spans.get(s.name);
    if (span === undefined || (s.fullTo !== undefined && span.headerRow > s.fullTo)) continue;
    if (s.fullTo === undefined && s.pieces.used.lastCol > s.top!.lastCol) continue;
    const tables = index.tables
      .map((t, i) => (t.sheet === s.name ? extents.tables[i].lastCol : 0))
      .reduce((a, b) => Math.max(a, b), 0);
    s.lastCol = Math.min(s.pieces.used.lastCol, Math.max(span.lastColumn, tables));
  }
}

/**
 * The grids headerSpans looks at: each input sheet's cells read so far, down to the last row read
 * at every column (the top block, or the header row remainder); other sheets and every table with
 * no cells (a table's own range never needs its header found here).
 */
function topGrids(index: LoadedIndex, extents: Extents): WorkbookGrids {
  const sheets = index.sheets.map((name): SheetGrid => {
    const s = extents.sheets.find((x) => x.name === name);
    if (s?.top === undefined) return unread(name);
    const { used } = s.pieces;
    const box: Box =
      s.fullTo !== undefined
        ? { firstRow: used.firstRow, firstCol: used.firstCol, lastRow: s.fullTo, lastCol: used.lastCol }
        : s.top;
    return { name, rows: s.pieces.rows(box), firstRow: box.firstRow, firstCol: box.firstCol };
  });
  const tables = index.tables.map((t): TableGrid => ({ ...t, rows: [], firstRow: 1, firstCol: 1 }));
  return { sheets, tables, ownedSheets: index.ownedSheets };
}

/** True when the host has ExcelApi 1.13 (Range.getMergedAreasOrNullObject); assumed outside Office. */
function hostReadsMergedAreas(): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", "1.13");
}

/**
 * Reads what the first syncs left: each input sheet's used range up to its last column, less the
 * cells already read, and the tables read by their own range; in blocks under the payload limit.
 * Gives the rows of each table read alone, by name.
 */
async function readBelowTop(
  context: Excel.RequestContext,
  index: LoadedIndex,
  wanted: InputSheets,
  extents: Extents,
  maxBytes: number,
): Promise<Map<string, CellValue[][]>> {
  const regions: ReadRegion[] = [];
  const owners: SheetRead[] = [];
  for (const s of extents.sheets) {
    for (const box of unreadBoxes(s)) {
      regions.push({ sheet: s.name, ...box });
      owners.push(s);
    }
  }
  const tables = index.tables.filter((t) => wanted.tables.includes(t.name));
  for (const t of tables) {
    const { firstRow, firstCol, lastRow, lastCol } = extents.tables[index.tables.indexOf(t)];
    regions.push({ sheet: t.sheet, firstRow, firstCol, lastRow, lastCol });
  }
  const values = await readRegions(context, regions, maxBytes);
  owners.forEach((s, i) => s.pieces.add(regions[i].firstRow, regions[i].firstCol, values[i]));
  return new Map(tables.map((t, i) => [t.name, values[owners.length + i]]));
}

/** The parts of a sheet's used range, up to its last column, that no read has covered yet. */
function unreadBoxes(s: SheetRead): Box[] {
  const { used } = s.pieces;
  const top = s.top;
  if (top === undefined) return [{ ...used, lastCol: s.lastCol }];
  const boxes: Box[] = [];
  // Right of the top block, below the rows already read at every column.
  const rightFrom = s.fullTo !== undefined ? s.fullTo + 1 : used.firstRow;
  if (s.lastCol > top.lastCol && rightFrom <= top.lastRow) {
    boxes.push({ firstRow: rightFrom, firstCol: top.lastCol + 1, lastRow: top.lastRow, lastCol: s.lastCol });
  }
  if (used.lastRow > top.lastRow) {
    boxes.push({
      firstRow: top.lastRow + 1,
      firstCol: used.firstCol,
      lastRow: used.lastRow,
      lastCol: s.lastCol,
    });
  }
  return boxes;
}

/** The grids: input sheets with their cells, other sheets by name, tables cut from their sheet or read alone. */
function assemble(
  index: LoadedIndex,
  wanted: InputSheets,
  extents: Extents,
  alone: Map<string, CellValue[][]>,
): WorkbookGrids {
  const sheets: SheetGrid[] = index.sheets.map((name) => {
    const s = extents.sheets.find((x) => x.name === name);
    if (s === undefined) return unread(name);
    const box = { ...s.pieces.used, lastCol: s.lastCol };
    return { name, rows: s.pieces.rows(box), firstRow: box.firstRow, firstCol: box.firstCol };
  });
  const tables: TableGrid[] = index.tables.map((t, i) => {
    const at = extents.tables[i];
    const onSheet = wanted.sheets.includes(t.sheet) ? sheets.find((g) => g.name === t.sheet) : undefined;
    const rows = alone.get(t.name) ?? (onSheet ? cut(onSheet, at) : []);
    return { name: t.name, sheet: t.sheet, rows, firstRow: at.firstRow, firstCol: at.firstCol };
  });
  const mergedAreas = Object.fromEntries(
    extents.sheets.filter((s) => s.merged.length > 0).map((s) => [s.name, s.merged]),
  );
  return { sheets, tables, ownedSheets: index.ownedSheets, mergedAreas };
}

/** A sheet that is not read: its name, and no cells. */
function unread(name: string): SheetGrid {
  return { name, rows: [], firstRow: 1, firstCol: 1 };
}

/** An A1 address of a box ("A1:AZ200"). */
function address(box: Box): string {
  return `${columnLetter(box.firstCol)}${box.firstRow}:${columnLetter(box.lastCol)}${box.lastRow}`;
}

/** The rows of a table, cut from its sheet's grid by the table's address. */
function cut(grid: SheetGrid, at: ExcelAddress): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = at.firstRow; r <= at.lastRow; r++) {
    const source = grid.rows[r - grid.firstRow] ?? [];
    const row: CellValue[] = [];
    for (let c = at.firstCol; c <= at.lastCol; c++) row.push(source[c - grid.firstCol] ?? null);
    rows.push(row);
  }
  return rows;
}
