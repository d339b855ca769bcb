import { problemAt, type Problem } from "../../src/engine/problem";
import { locateProblem } from "../../src/workbook/locateProblem";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import type { WorkbookLayout } from "../../src/workbook/workbookLayout";
import { gridsOf, sheetOf, tableOf, validSheets } from "./gridsOf";

/** A layout with Posts in a table on "Staffing" (header row 4, from column B) and the rest as sheets. */
function layout(): WorkbookLayout {
  const s = validSheets();
  const posts = tableOf(
    "tblPosts",
    "Staffing",
    [
      ["PostId", "Title", "Grade", "Unit", "Cost 2016", "CMS", "ASCOBANS"],
      ["P-1", "Officer", "P4", "Marine", 140000, 0.5, 0.5],
    ],
    4,
    2,
  );
  const grades = tableOf(
    "tblGrades",
    "Staffing",
    [
      ["Grade", "Cost"],
      ["P4", 140000],
    ],
    10,
    2,
  );
  const settings = sheetOf("Settings", [
    ["Key", "Value"],
    ["Currency", "EUR"],
    ["Programme support costs", 0.13],
  ]);
  const instruments = sheetOf("Instruments", [
    ["Code", "Number of Parties", "Staff"],
    ["CMS", 121, 16],
    ["ASCOBANS", 10, 2],
    ["AEWA", 75, 4],
  ]);
  const outcome = readWorkbook(
    gridsOf([settings, instruments, s.Rules, sheetOf("Staffing", [])], [posts, grades]),
  );
  expect(outcome.problems).toEqual([]);
  return outcome.layout;
}

const at = (p: Problem) => `${p.sheet}!${p.cell ?? "-"}`;

describe("locateProblem", () => {
  const found = layout();

  it("finds the cell of a canonical field on a record's row", () => {
    expect(at(locateProblem(problemAt({ sheet: "Staffing", row: 5 }, "Grade", "m"), found))).toBe(
      "Staffing!D5",
    );
    expect(at(locateProblem(problemAt({ sheet: "Instruments", row: 3 }, "Parties", "m"), found))).toBe(
      "Instruments!B3",
    );
  });

  it("finds split, year and driver columns by code, year and name", () => {
    expect(at(locateProblem(problemAt({ sheet: "Staffing", row: 5 }, "ASCOBANS", "m"), found))).toBe(
      "Staffing!H5",
    );
    expect(at(locateProblem(problemAt({ sheet: "Staffing", row: 5 }, "2016", "m"), found))).toBe(
      "Staffing!F5",
    );
    expect(at(locateProblem(problemAt({ sheet: "Instruments", row: 2 }, "staff", "m"), found))).toBe(
      "Instruments!C2",
    );
  });

  it("tells two tables on one worksheet apart by row", () => {
    expect(at(locateProblem(problemAt({ sheet: "Staffing", row: 11 }, "Cost", "m"), found))).toBe(
      "Staffing!C11",
    );
  });

  it("falls back to the first column of the row for an unknown field", () => {
    expect(at(locateProblem(problemAt({ sheet: "Staffing", row: 5 }, "Colour", "m"), found))).toBe(
      "Staffing!B5",
    );
    expect(at(locateProblem(problemAt({ sheet: "Rules", row: 3 }, undefined, "m"), found))).toBe("Rules!A3");
  });

  it("uses the field's header cell without a row, and the table's corner or A1 without either", () => {
    const p = (sheet: string, field?: string): Problem => ({
      severity: "error",
      sheet,
      ...(field ? { field } : {}),
      message: "m",
    });
    expect(at(locateProblem(p("Rules", "Basis"), found))).toBe("Rules!C1");
    expect(at(locateProblem(p("Posts", "Unit"), found))).toBe("Staffing!E4");
    expect(at(locateProblem(p("Posts"), found))).toBe("Staffing!B4");
    expect(at(locateProblem(p("Rules"), found))).toBe("Rules!A1");
    expect(at(locateProblem(p("Baseline", "Cost"), found))).toBe("Baseline!A1");
  });

  it("puts a setting's problem on its Value cell, from the field alone when there is no row", () => {
    const noRow: Problem = { severity: "error", sheet: "Settings", field: "psc", message: "m" };
    expect(at(locateProblem(noRow, found))).toBe("Settings!B3");
    expect(at(locateProblem(problemAt({ sheet: "Settings", row: 2 }, "Currency", "m"), found))).toBe(
      "Settings!B2",
    );
  });

  it("leaves a problem that has its cell, or concerns the whole workbook, as it is", () => {
    const located: Problem = { severity: "warning", sheet: "Posts", cell: "Z9", message: "m" };
    expect(locateProblem(located, found)).toBe(located);
    const workbook = problemAt(undefined, undefined, "m");
    expect(locateProblem(workbook, found)).toEqual(workbook);
  });

  it("keeps the severity, field and message", () => {
    const p: Problem = { severity: "warning", sheet: "Staffing", row: 5, field: "Unit", message: "watch" };
    expect(locateProblem(p, found)).toEqual({ ...p, cell: "E5" });
  });
});
