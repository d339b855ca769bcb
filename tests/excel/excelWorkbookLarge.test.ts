import { ExcelWorkbook } from "../../src/excel/excelWorkbook";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { FakeExcel, PAYLOAD_LIMIT, type FakeValue } from "./fakeExcel";

const POSTS = 60_000;
const LEDGER = 300_000;
const UNITS = ["Communications", "Conference services", "Science", "Administration"];
const GRADES = ["P2", "P4", "G5"];

/** Post r (1-based) of the large Posts sheet: PostId, Title, Grade, Unit, FTE, Cost, FundedBy. */
function post(r: number, c: number): FakeValue {
  if (r === 0) return ["PostId", "Title", "Grade", "Unit", "FTE", "Cost", "FundedBy"][c];
  switch (c) {
    case 0:
      return `P-${String(r).padStart(5, "0")}`;
    case 1:
      return r % 2 === 0 ? "Programme Officer" : "Associate Programme Officer";
    case 2:
      return GRADES[r % GRADES.length];
    case 3:
      return UNITS[r % UNITS.length];
    case 4:
      return 1;
    case 5:
      return 100_000 + (r % 50) * 1000;
    default:
      return r % 3 === 0 ? "AEWA" : "CMS";
  }
}

/** Entry r of the ledger: a data sheet the contract does not know. */
function entry(r: number, c: number): FakeValue {
  if (r === 0) return ["Date", "Voucher", "Account", "Description", "Debit", "Credit", "Fund", "Ref"][c];
  return [
    45000 + (r % 365),
    `V${r}`,
    71000 + (r % 40),
    `Payment ${r} to supplier`,
    r * 1.5,
    0,
    "CMS",
    `R-${r}`,
  ][c];
}

/** A workbook of ordinary inputs, a 60,000-post Posts sheet and a 300,000-row ledger. */
function largeWorkbook(): FakeExcel {
  const fx = new FakeExcel(["Instruments", "Grades", "Posts", "Rules", "Ledger"]);
  fx.sheet("Instruments")!.fill([
    ["Code", "Name", "Parties"],
    ["CMS", "Convention on Migratory Species", 133],
    ["AEWA", "African-Eurasian Waterbird Agreement", 85],
  ]);
  fx.sheet("Grades")!.fill([
    ["Grade", "Cost"],
    ["P2", 100000],
    ["P4", 150000],
    ["G5", 80000],
  ]);
  fx.sheet("Rules")!.fill([["Unit", "Method", "Basis"], ...UNITS.map((u) => [u, "driver", "Parties"])]);
  fx.sheet("Posts")!.generate(POSTS + 1, 7, post);
  fx.sheet("Ledger")!.generate(LEDGER + 1, 8, entry);
  return fx;
}

describe("ExcelWorkbook on a large workbook", () => {
  it("reads a 60,000-post Posts sheet beside a 300,000-row ledger within Excel on the web's 5 MB limit", async () => {
    const fx = largeWorkbook();
    const grids = await new ExcelWorkbook(fx.context).readInputs();

    // The ledger is known by its name only: no range of it was asked for.
    expect(fx.rangeReads.filter((r) => r.startsWith("Ledger!"))).toEqual([]);
    expect(grids.sheets.find((s) => s.name === "Ledger")).toEqual({
      name: "Ledger",
      rows: [],
      firstRow: 1,
      firstCol: 1,
    });
    for (const bytes of [...fx.requestBytes, ...fx.responseBytes])
      expect(bytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);

    // The posts' values and types come to about 7 MB: more than one response, and few of them.
    const values = fx.responseBytes.slice(2).reduce((a, b) => a + b, 0);
    expect(values).toBeGreaterThan(PAYLOAD_LIMIT);
    const valueSyncs = fx.syncCount - 2;
    expect(valueSyncs).toBeGreaterThanOrEqual(Math.ceil(values / PAYLOAD_LIMIT));
    // Each values sync carries on average more than half the adapter's 4 MB budget.
    expect(valueSyncs).toBeLessThanOrEqual(Math.ceil(values / 2_000_000));
    // Names, used-range addresses, then four syncs of values: the first sized by a generous guess
    // per cell, the others by what the cells of the first took.
    expect(fx.syncCount).toBe(6);

    const posts = grids.sheets.find((s) => s.name === "Posts")!;
    expect(posts.rows).toHaveLength(POSTS + 1);
    expect(posts.rows[POSTS]).toEqual(Array.from({ length: 7 }, (_, c) => post(POSTS, c)));
    const read = readWorkbook(grids);
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.model!.posts).toHaveLength(POSTS);
    expect(read.model!.posts[12_345]).toMatchObject({ id: "P-12346", grade: "P4", unit: "Science" });
  });

  it("reads a sheet formatted down to the last row by its values, in two syncs", async () => {
    const fx = largeWorkbook();
    fx.sheet("Posts")!.generated = undefined;
    fx.sheet("Posts")!.fill([
      ["PostId", "Title", "Grade", "Unit"],
      ["P-1", "Programme Officer", "P4", "Science"],
    ]);
    fx.sheet("Posts")!.formattedTo = { row: 1_048_576, col: 7 };
    const grids = await new ExcelWorkbook(fx.context).readInputs();
    expect(fx.syncCount).toBe(2);
    expect(grids.sheets.find((s) => s.name === "Posts")!.rows).toHaveLength(2);
  });
});
