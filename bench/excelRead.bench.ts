/**
 * excel-read-sample-beside-300k-ledger: ExcelWorkbook.readInputs on the in-memory Excel of the
 * tests, for the sample workbook with a 300,000-row ledger sheet added, against the adapter's old
 * read (every sheet's used range, values and value types, in one sync), kept here as the
 * baseline. Reported: the bytes each approach sends and gets back (as the fake measures them,
 * the JSON of what a sync carries), its syncs, and its time; the old read is measured with the
 * 5 MB limit lifted, since Excel on the web refuses it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { excelAddress } from "../src/excel/excelAddress";
import { ExcelWorkbook } from "../src/excel/excelWorkbook";
import type { CellValue, SheetGrid, WorkbookGrids } from "../src/workbook/grid";
import { readWorkbook } from "../src/workbook/readWorkbook";
import { XlsxWorkbook } from "../src/xlsx/xlsxWorkbook";
import { excelFrom } from "../tests/excel/excelFrom";
import { PAYLOAD_LIMIT, type FakeExcel } from "../tests/excel/fakeExcel";
import { medianMs, peakRssMB, type BenchResult } from "./benchmark";

const SAMPLE = join(__dirname, "..", "assets", "cms-family-sample.xlsx");
const LEDGER_ROWS = 300_000;
const TARGET_RATIO = 0.05;

/** The adapter's read before it chose its sheets: every used range, values and types, in one sync. */
async function readEverything(context: Excel.RequestContext): Promise<WorkbookGrids> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const used = sheets.items.map((ws) =>
    ws.getUsedRangeOrNullObject(true).load("address, values, valueTypes"),
  );
  await context.sync();
  const grids: SheetGrid[] = sheets.items.map((ws, i) => {
    const range = used[i];
    if (range.isNullObject) return { name: ws.name, rows: [], firstRow: 1, firstCol: 1 };
    const at = excelAddress(range.address);
    const rows = range.values.map((row, r) =>
      row.map((v, c): CellValue => {
        if ((range.valueTypes[r][c] as string) === "Error") return { error: String(v) };
        return v === "" ? null : (v as CellValue);
      }),
    );
    return { name: ws.name, rows, firstRow: at.firstRow, firstCol: at.firstCol };
  });
  return { sheets: grids, tables: [], ownedSheets: [] };
}

/** What one read cost: syncs, and the bytes sent and returned, in total and at most per sync. */
function traffic(fx: FakeExcel) {
  const sum = (a: number[]) => a.reduce((t, b) => t + b, 0);
  return {
    syncs: fx.syncCount,
    requested: sum(fx.requestBytes),
    returned: sum(fx.responseBytes),
    largest: Math.max(...fx.requestBytes, ...fx.responseBytes),
  };
}

/** Runs `read` once on a fresh count and gives its traffic. */
async function measure(fx: FakeExcel, read: () => Promise<unknown>) {
  fx.syncCount = 0;
  fx.requestBytes = [];
  fx.responseBytes = [];
  await read();
  return traffic(fx);
}

/** Runs the benchmark and reports its figures. */
export async function bench(): Promise<BenchResult> {
  const grids = await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs();
  const fx = excelFrom(grids);
  fx.addSheet("Ledger").generate(LEDGER_ROWS + 1, 8, (r, c) =>
    r === 0
      ? ["Date", "Voucher", "Account", "Description", "Debit", "Credit", "Fund", "Ref"][c]
      : [
          45000 + (r % 365),
          `V${r}`,
          71000 + (r % 40),
          `Payment ${r} to supplier`,
          r * 1.5,
          0,
          "CMS",
          `R-${r}`,
        ][c],
  );

  const read = () => new ExcelWorkbook(fx.context).readInputs();
  const now = await measure(fx, read);
  const model = readWorkbook(await read()).model;
  if (!model) throw new Error("The sample did not read without problems.");
  const ms = await medianMs(read, 7, 2);

  fx.payloadLimit = Infinity;
  const old = await measure(fx, () => readEverything(fx.context));
  const baselineMs = await medianMs(() => readEverything(fx.context), 3, 1);
  fx.payloadLimit = PAYLOAD_LIMIT;

  const ratio = now.returned / old.returned;
  return {
    name: "excel-read-sample-beside-300k-ledger",
    ms,
    baselineMs,
    ratio: ms / baselineMs,
    peakMB: peakRssMB(),
    baseline: "the old read of every sheet's used range in one sync, same in-memory Excel",
    target: `every request and response <= 5 MB; bytes returned <= ${TARGET_RATIO}x the old read's`,
    met: now.largest <= PAYLOAD_LIMIT && ratio <= TARGET_RATIO,
    extra: {
      syncs: now.syncs,
      requestedKB: Math.round(now.requested / 1024),
      returnedKB: Math.round(now.returned / 1024),
      largestSyncKB: Math.round(now.largest / 1024),
      oldSyncs: old.syncs,
      oldRequestedKB: Math.round(old.requested / 1024),
      oldReturnedKB: Math.round(old.returned / 1024),
      oldLargestSyncKB: Math.round(old.largest / 1024),
      oldFitsExcelOnTheWeb: old.largest <= PAYLOAD_LIMIT ? "yes" : "no",
      returnedRatio: Number(ratio.toFixed(4)),
      ledgerRows: LEDGER_ROWS,
      posts: model.posts.length,
    },
  };
}
