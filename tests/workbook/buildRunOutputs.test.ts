import { buildRunOutputs } from "../../src/workbook/buildRunOutputs";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/workbook/grid";
import { inputFingerprint } from "../../src/workbook/inputFingerprint";
import { VERSION } from "../../src/workbook/version";
import { outputSheetNames } from "../../src/workbook/outputSheetNames";
import { handAllocation } from "./fixtures/handAllocation";
import { handContributions } from "./fixtures/handContributions";

const time = new Date("2026-11-27T21:00:00Z");

/** The Log's data rows (below its header row) as plain values. */
function logRows(grids: WorkbookGrids): CellValue[][] {
  const log = buildRunOutputs(handAllocation(), grids, time).find((s) => s.name === "Log");
  const cells = log?.cells ?? [];
  const header = cells.findIndex((r) => r[1]?.v === "Time (UTC)");
  return cells.slice(header + 1).map((r) => r.map((c) => (c?.v ?? null) as CellValue));
}

/** Grids holding one input sheet and, when given, a sheet named Log. */
function gridsWith(log: CellValue[][] | undefined, owned: string[]): WorkbookGrids {
  const sheets: SheetGrid[] = [{ name: "Posts", rows: [["PostId"], ["P-1"]], firstRow: 1, firstCol: 1 }];
  if (log) sheets.push({ name: "Log", rows: log, firstRow: 1, firstCol: 1 });
  return { sheets, tables: [], ownedSheets: owned };
}

describe("buildRunOutputs", () => {
  it("logs this version and the fingerprint of the inputs", () => {
    const grids = gridsWith(undefined, []);
    const rows = logRows(grids);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 4)).toEqual([
      1,
      "2026-11-27T21:00:00Z",
      VERSION,
      inputFingerprint(grids).slice(0, 12),
    ]);
  });

  it("keeps the rows of a Log an earlier run wrote", () => {
    const earlier = buildRunOutputs(
      handAllocation(),
      gridsWith(undefined, []),
      new Date("2026-01-01T00:00:00Z"),
    );
    const previous = earlier
      .find((s) => s.name === "Log")!
      .cells.map((r) => r.map((c) => (c?.v ?? null) as CellValue));
    const rows = logRows(gridsWith(previous, ["Log"]));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      [1, "2026-01-01T00:00:00Z"],
      [2, "2026-11-27T21:00:00Z"],
    ]);
  });

  it("ignores a sheet named Log that this add-in did not write", () => {
    const theirs: CellValue[][] = [
      ["Time (UTC)", "Version"],
      ["my own note", "x"],
    ];
    expect(logRows(gridsWith(theirs, []))).toHaveLength(1);
  });

  it("writes Contributions only with Parties, or to replace the one an earlier run wrote", () => {
    const names = (allocation = handAllocation(), owned: string[] = []) =>
      buildRunOutputs(allocation, gridsWith(undefined, owned), time).map((s) => s.name);
    expect(names()).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Changes",
      "Annex",
      "Log",
      "Run records",
    ]);
    expect(names(handContributions())).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Contributions",
      "Changes",
      "Annex",
      "Log",
      "Run records",
    ]);
    const stale = buildRunOutputs(handAllocation(), gridsWith(undefined, ["Contributions"]), time);
    expect(stale.map((s) => s.name)).toContain("Contributions");
    expect(stale.find((s) => s.name === "Contributions")?.cells[3][0]?.v).toMatch(
      /^The workbook has no Parties sheet/,
    );
  });
});

describe("outputSheetNames", () => {
  it("names Contributions among the sheets a run writes only with Parties or an earlier one of ours", () => {
    const run = (hasParties: boolean, ownedSheets: string[]) =>
      outputSheetNames({ hasOptions: false, hasParties, ownedSheets });
    expect(run(false, [])).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Changes",
      "Annex",
      "Log",
      "Run records",
    ]);
    expect(run(true, [])).toContain("Contributions");
    expect(run(false, ["contributions"])).toContain("Contributions");
  });
});
