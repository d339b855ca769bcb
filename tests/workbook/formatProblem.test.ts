import { formatProblem } from "../../src/workbook/formatProblem";

describe("formatProblem", () => {
  it("leads with the sheet and cell", () => {
    expect(formatProblem({ severity: "error", sheet: "Posts", cell: "F3", message: "Cost is blank" })).toBe(
      "Posts!F3: Cost is blank",
    );
  });

  it("quotes sheet names as Excel does", () => {
    const at = (sheet: string) => formatProblem({ severity: "error", sheet, cell: "A1", message: "m" });
    expect(at("Cost Sheet")).toBe("'Cost Sheet'!A1: m");
    expect(at("Officer's table")).toBe("'Officer''s table'!A1: m");
    expect(at("2015")).toBe("'2015'!A1: m");
    expect(at("AB12")).toBe("'AB12'!A1: m");
    expect(at("R1C1")).toBe("'R1C1'!A1: m");
    expect(at("Budget-2015")).toBe("'Budget-2015'!A1: m");
    expect(at("Budget_2015")).toBe("Budget_2015!A1: m");
    expect(at("Übersicht")).toBe("Übersicht!A1: m");
  });

  it("marks a warning after the address", () => {
    expect(formatProblem({ severity: "warning", sheet: "Settings", cell: "A9", message: "ignored" })).toBe(
      "Settings!A9: warning: ignored",
    );
  });

  it("names the sheet alone without a cell, and nothing for the whole workbook", () => {
    expect(formatProblem({ severity: "error", sheet: "Rules", message: "m" })).toBe("Rules: m");
    expect(formatProblem({ severity: "error", sheet: "Workbook", message: "m" })).toBe("m");
  });
});
