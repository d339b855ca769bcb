import { settingsCells } from "../../src/taskpane/settingsCells";

const location = {
  sheet: "Settings",
  keyColumn: 1,
  valueColumn: 2,
  rows: { Status: 12, PSC: 9 },
  lastRow: 15,
};

describe("settingsCells", () => {
  it("writes the status on its row, and a missing DocumentSymbol key with its value below the last row", () => {
    expect(settingsCells(location, { status: "Approved", documentSymbol: " UNEP/CMS/StC44/Doc.X " })).toEqual(
      [
        { row: 12, col: 2, value: "Approved", format: "@" },
        { row: 16, col: 1, value: "DocumentSymbol", format: "@" },
        { row: 16, col: 2, value: "UNEP/CMS/StC44/Doc.X", format: "@" },
      ],
    );
  });

  it("clears a symbol that is there, and adds no key for a blank one", () => {
    expect(
      settingsCells({ ...location, rows: { DocumentSymbol: 11 } }, { status: "Draft", documentSymbol: "" }),
    ).toEqual([
      { row: 16, col: 1, value: "Status", format: "@" },
      { row: 16, col: 2, value: "Draft", format: "@" },
      { row: 11, col: 2, value: null, format: "@" },
    ]);
    expect(settingsCells(location, { status: "Draft", documentSymbol: "" })).toEqual([
      { row: 12, col: 2, value: "Draft", format: "@" },
    ]);
  });
});
