import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { sheetOf, validGrids } from "./gridsOf";

describe("analyseWorkbook", () => {
  it("allocates a valid workbook with no problem", () => {
    const analysis = analyseWorkbook(validGrids());
    expect(analysis.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(analysis.allocation).toBeDefined();
  });

  it("refuses an output name taken by a sheet of the officer's that was read", () => {
    const grids = validGrids({ Allocation: sheetOf("Allocation", [["my notes"]]) });
    const analysis = analyseWorkbook(grids);
    expect(analysis.allocation).toBeUndefined();
    expect(analysis.problems).toContainEqual(
      expect.objectContaining({ severity: "error", sheet: "Allocation", cell: "A1" }),
    );
  });

  it("refuses an output name taken by a sheet the adapter left unread (a ledger, a chart sheet)", () => {
    const grids = validGrids({
      "Ledger 2016": sheetOf("Ledger 2016", []),
      savings: sheetOf("savings", []),
    });
    const analysis = analyseWorkbook(grids);
    expect(analysis.allocation).toBeUndefined();
    const taken = analysis.problems.filter((p) => p.severity === "error").map((p) => `${p.sheet}!${p.cell}`);
    expect(taken).toEqual(["savings!A1"]);
  });

  it("lets a run replace an output sheet of its own, read or not", () => {
    const grids = { ...validGrids({ Savings: sheetOf("Savings", []) }), ownedSheets: ["Savings"] };
    expect(analyseWorkbook(grids).allocation).toBeDefined();
  });
});
