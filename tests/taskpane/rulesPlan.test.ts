import { rulesPlan } from "../../src/taskpane/rulesPlan";
import type { WorkbookGrids } from "../../src/workbook/grid";

const grids: WorkbookGrids = {
  sheets: [
    {
      name: "Rules",
      firstRow: 5,
      firstCol: 1,
      rows: [
        ["Unit", "Method", "Basis", "Participants", "Min", "Max", "Notes"],
        [
          "Communication",
          "fixed",
          "CMS 60%; AEWA 40%",
          "CMS; AEWA",
          null,
          0.5,
          "The 60/40 key is illustrative",
        ],
        ["Conference", "equal", null, "all", null, null, null],
      ],
    },
  ],
  tables: [],
  ownedSheets: [],
};
const location = {
  sheet: "Rules",
  headerRow: 5,
  columns: { Unit: 1, Method: 2, Basis: 3, Participants: 4, Min: 5, Max: 6 },
  lastRow: 7,
};

describe("rulesPlan", () => {
  it("lays each changed cell beside what the sheet holds now, and flags the note beside the changed rule", () => {
    const plan = rulesPlan(
      location,
      [
        { row: 6, col: 1, value: "Communication", format: "@" },
        { row: 6, col: 3, value: "CMS 50%; AEWA 50%", format: "@" },
        { row: 6, col: 6, value: null, format: "@" },
      ],
      grids,
    );
    expect(plan.cells).toEqual([
      { address: "C6", column: "Basis", before: "CMS 60%; AEWA 40%", after: "CMS 50%; AEWA 50%" },
      { address: "F6", column: "Max", before: "50%", after: "" },
    ]);
    expect(plan.notes).toEqual([{ address: "G6", column: "Notes", text: "The 60/40 key is illustrative" }]);
  });

  it("flags no note for a row whose cells are written back as they are", () => {
    const plan = rulesPlan(location, [{ row: 7, col: 2, value: "equal", format: "@" }], grids);
    expect(plan).toEqual({ sheet: "Rules", cells: [], notes: [] });
  });
});
