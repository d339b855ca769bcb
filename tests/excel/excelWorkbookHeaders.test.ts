import { ExcelWorkbook } from "../../src/excel/excelWorkbook";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { validGrids, validSheets } from "../workbook/gridsOf";
import { excelFrom } from "./excelFrom";
import { PAYLOAD_LIMIT, type FakeExcel } from "./fakeExcel";

/** The Posts sheet of validSheets with `count` posts, each like one of its four. */
function manyPosts(count: number): SheetGrid {
  const { rows } = validSheets().Posts;
  const body = Array.from({ length: count }, (_, i): CellValue[] => {
    const like = rows[1 + (i % 4)];
    return [`P-${i + 1}`, ...like.slice(1)];
  });
  return { name: "Posts", rows: [rows[0], ...body], firstRow: 1, firstCol: 1 };
}

/** The grids with a value put at a 1-based row and column of a sheet (the row widened as needed). */
function withValue(
  grids: WorkbookGrids,
  sheet: string,
  row: number,
  col: number,
  v: CellValue,
): WorkbookGrids {
  const sheets = grids.sheets.map((s) => {
    if (s.name !== sheet) return s;
    const rows = s.rows.map((r) => [...r]);
    const target = rows[row - s.firstRow];
    while (target.length < col - s.firstCol) target.push(null);
    target[col - s.firstCol] = v;
    return { ...s, rows };
  });
  return { ...grids, sheets };
}

/** What readWorkbook makes of grids: the model and every problem. */
const outcome = (grids: WorkbookGrids) => {
  const { model, problems } = readWorkbook(grids);
  return { model, problems };
};

/** Every range of a sheet whose values a read returned, as 1-based rows and columns. */
function rangesRead(fx: FakeExcel, sheet: string): { r0: number; c0: number; r1: number; c1: number }[] {
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return fx.rangeReads
    .filter((r) => r.startsWith(`${sheet}!`))
    .map((r) => /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(r)!)
    .map((m) => ({ r0: Number(m[2]), c0: col(m[1]), r1: Number(m[4]), c1: col(m[3]) }));
}

describe("ExcelWorkbook reads sheets by their header rows", () => {
  it("reads no further right than the header: a stray value in column XFD costs nothing", async () => {
    const grids = withValue(validGrids({ Posts: manyPosts(5000) }), "Posts", 40, 16_384, "checked by JB");
    const fx = excelFrom(grids);
    const read = await new ExcelWorkbook(fx.context).readInputs();

    // Names; used ranges with their top rows; the header row right of the top block; the rest.
    expect(fx.syncCount).toBe(4);
    expect(outcome(read)).toEqual(outcome(grids));
    // A full read of the used range would return 5,001 rows of 16,384 cells, over a gigabyte.
    const returned = fx.responseBytes.reduce((a, b) => a + b, 0);
    expect(returned).toBeLessThan(1_000_000);
    for (const bytes of fx.responseBytes) expect(bytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(read.sheets.find((s) => s.name === "Posts")!.rows[0]).toHaveLength(9);
  });

  it("reads a header that goes on past the top block, and every column under it", async () => {
    const posts = validSheets().Posts;
    // Sixty instruments: a split column each, out to column BR.
    const codes = Array.from({ length: 60 }, (_, i) => `I${i + 1}`);
    const wide: SheetGrid = {
      ...posts,
      rows: posts.rows.map((r, i) => [
        ...r.slice(0, 7),
        ...(i === 0 ? codes : codes.map(() => null)),
        "Remark",
      ]),
    };
    const grids = withValue(validGrids({ Posts: wide }), "Posts", 3, 70, "far note");
    const fx = excelFrom(grids);
    const read = await new ExcelWorkbook(fx.context).readInputs();
    expect(outcome(read)).toEqual(outcome(grids));
    // The header ends at the Remark column (BP); the note in BR, under no header, is read only as
    // part of the header row's remainder, never in its own row.
    expect(read.sheets.find((s) => s.name === "Posts")!.rows[0]).toHaveLength(68);
    const ranges = rangesRead(fx, "Posts");
    expect(ranges.filter((r) => r.c1 > 68)).toEqual([{ r0: 1, c0: 53, r1: 1, c1: 70 }]);
    expect(ranges.some((r) => r.c1 === 68 && r.r1 === 5)).toBe(true);
    // Names; used ranges with their top rows; the header row right of the top block; the rest of it.
    expect(fx.syncCount).toBe(4);
  });

  it("reads a sheet whole when its header row lies below the top rows", async () => {
    const posts = validSheets().Posts;
    const notes = Array.from({ length: 250 }, (_, i): CellValue[] => [`Note ${i + 1} on the staffing table`]);
    const grids = withValue(
      validGrids({ Posts: { ...posts, rows: [...notes, ...posts.rows] } }),
      "Posts",
      254,
      30,
      "stray",
    );
    const fx = excelFrom(grids);
    const read = await new ExcelWorkbook(fx.context).readInputs();
    expect(outcome(read)).toEqual(outcome(grids));
    expect(read.sheets.find((s) => s.name === "Posts")!.rows[253]).toHaveLength(30);
    expect(fx.syncCount).toBe(3);
  });

  it("reads the top rows again in blocks when Excel refuses them as too large", async () => {
    const posts = validSheets().Posts;
    const long = (r: CellValue[]) => [...r, `${"A remark on this post, written out at length. ".repeat(12)}`];
    const grids = validGrids({ Posts: { ...posts, rows: posts.rows.map(long) } });
    const fx = excelFrom(grids);
    // Above the request of the first reads (each sheet's used range, top block and merged cells).
    fx.payloadLimit = 3_000;
    const read = await new ExcelWorkbook(fx.context, { maxPayloadBytes: 2_000 }).readInputs();
    expect(outcome(read)).toEqual(outcome(grids));
    // The top rows were refused (a sync over the limit delivers nothing) and read again in blocks.
    expect(fx.responseBytes[1]).toBeGreaterThan(fx.payloadLimit);
    expect(fx.syncCount).toBeGreaterThan(3);
  });

  it("reads in two syncs, never touching the ledger, a workbook that a read of every used range fails on", async () => {
    const fx = excelFrom(validGrids());
    fx.addSheet("Ledger").generate(60_001, 8, (r, c) => (r === 0 ? `H${c}` : `${r}-${c} ledger entry`));
    const everything = fx.context.workbook.worksheets.load("items/name");
    await fx.context.sync();
    for (const ws of everything.items) ws.getUsedRangeOrNullObject(true).load("address, values, valueTypes");
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });

    fx.syncCount = 0;
    fx.rangeReads = [];
    const read = await new ExcelWorkbook(fx.context).readInputs();
    expect(fx.syncCount).toBe(2);
    expect(fx.rangeReads.filter((r) => r.startsWith("Ledger!"))).toEqual([]);
    expect(outcome(read)).toEqual(outcome(validGrids()));
  });
});
