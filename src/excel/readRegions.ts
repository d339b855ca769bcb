import { InvalidArgumentError } from "../engine/errors";
import { columnLetter } from "../workbook/columnLetter";
import type { CellValue } from "../workbook/grid";
import { gridRows } from "./gridRows";
import { responseTooLarge } from "./responseTooLarge";
import type { Box } from "./sheetPieces";

/** A rectangle of a worksheet to read. */
export interface ReadRegion extends Box {
  sheet: string;
}

/** Rows of one region in a batch. */
interface Block {
  region: number;
  from: number;
  to: number;
}

/**
 * Bytes a cell is assumed to take in a response (its value and its value type as JSON) before a
 * block of its region has been seen: generous, since a guess too low costs a refused sync.
 */
const FIRST_GUESS = 40;
/** The least a cell can take: an empty one is `"",` and `"Empty",`. */
const LEAST = 12;
/** Margin over the bytes a region's cells took so far, for the rows not yet seen. */
const MARGIN = 1.25;
/** Allowance per row (brackets, comma) and per block (its range's identity and envelope). */
const ROW_BYTES = 4;
const BLOCK_BYTES = 200;
/**
 * Excel reads at most 5,000,000 cells of a range at once, on every platform (Microsoft, "Resource
 * limits and performance optimization for Office Add-ins"); kept well below.
 */
const MAX_BLOCK_CELLS = 1_000_000;

/**
 * Reads the values of regions of the open workbook, each as rows of grid values. Excel on the web
 * refuses a request or a response over 5 MB (Microsoft, "Resource limits and performance
 * optimization for Office Add-ins": "Excel on the web has a payload size limit for requests and
 * responses of 5MB"), so a large region is read in blocks of rows, and the blocks of several
 * regions share a sync while their estimated response stays under `maxBytes`: a workbook of
 * ordinary size takes one sync. The estimate per cell starts generous and then follows what the
 * region's earlier blocks took; should a response still be refused (ResponsePayloadSizeLimitExceeded,
 * rows of long text further down), the batch is read again in smaller blocks.
 */
export async function readRegions(
  context: Excel.RequestContext,
  regions: readonly ReadRegion[],
  maxBytes: number,
): Promise<CellValue[][][]> {
  const rows: CellValue[][][] = regions.map(() => []);
  const next = regions.map((r) => r.firstRow);
  const perCell = regions.map(() => FIRST_GUESS);
  for (;;) {
    const batch = planBatch(regions, next, perCell, maxBytes);
    if (batch.length === 0) return rows;
    const loaded = batch.map((b) => {
      const r = regions[b.region];
      const address = `${columnLetter(r.firstCol)}${b.from}:${columnLetter(r.lastCol)}${b.to}`;
      return context.workbook.worksheets.getItem(r.sheet).getRange(address).load("values, valueTypes");
    });
    try {
      // One sync per batch is the point: the payload limit holds per sync, and Microsoft's advice for
      // a read over it is to split it and sync each part.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (fault) {
      if (!responseTooLarge(fault) || (batch.length === 1 && batch[0].from === batch[0].to)) throw fault;
      for (const b of batch) perCell[b.region] *= 2;
      continue;
    }
    batch.forEach((b, i) => {
      const { values, valueTypes } = loaded[i];
      const cells = (b.to - b.from + 1) * (regions[b.region].lastCol - regions[b.region].firstCol + 1);
      perCell[b.region] = Math.max(LEAST, (MARGIN * responseBytes(values, valueTypes)) / cells);
      for (const row of gridRows(values, valueTypes)) rows[b.region].push(row);
      next[b.region] = b.to + 1;
    });
  }
}

/**
 * The blocks of the next sync: for each region with rows left, in order, as many rows as the
 * estimate lets fit in what is left of `maxBytes`; always at least one row, so reading advances.
 */
function planBatch(
  regions: readonly ReadRegion[],
  next: readonly number[],
  perCell: readonly number[],
  maxBytes: number,
): Block[] {
  if (!(maxBytes > 0)) throw new InvalidArgumentError(`maxBytes must be positive, got ${maxBytes}.`);
  const batch: Block[] = [];
  let left = maxBytes;
  regions.forEach((r, i) => {
    const remaining = r.lastRow - next[i] + 1;
    if (remaining <= 0) return;
    const cols = r.lastCol - r.firstCol + 1;
    const rowBytes = cols * perCell[i] + ROW_BYTES;
    const fit = Math.min(Math.floor((left - BLOCK_BYTES) / rowBytes), Math.floor(MAX_BLOCK_CELLS / cols));
    const take = Math.min(remaining, Math.max(fit, batch.length === 0 ? 1 : 0));
    if (take <= 0) return;
    batch.push({ region: i, from: next[i], to: next[i] + take - 1 });
    left -= BLOCK_BYTES + take * rowBytes;
  });
  return batch;
}

/** About how many bytes a block's values and value types took as JSON (text counted by its length). */
function responseBytes(values: unknown[][], types: Excel.RangeValueType[][]): number {
  let bytes = 2;
  values.forEach((row, r) => {
    bytes += 2 * ROW_BYTES;
    row.forEach((v, c) => {
      bytes += String(types[r]?.[c] ?? "").length + 3;
      if (typeof v === "string") bytes += v.length + 3;
      else if (typeof v === "number") bytes += String(v).length + 1;
      else bytes += 6;
    });
  });
  return bytes;
}
