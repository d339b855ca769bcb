import { formatProblem } from "../../src/workbook/formatProblem";
import type { CellValue, SheetGrid } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { sheetOf, validGrids, validSheets } from "./gridsOf";

/** Issue 10's silent misreads, at the grids level: each must be the right figure or a problem at its cell. */

const NEVER_CALCULATED =
  "whose value was never calculated: open and save the file in Excel (or LibreOffice) first, then run again";

/** A formula cell as a script writes it: the formula alone, no saved value. */
function formula(f: string): CellValue {
  return { formula: f };
}

/** The formatted problems (errors and warnings) of validGrids() with some sheets replaced. */
function problemsWith(changes: Record<string, SheetGrid | undefined>): string[] {
  return readWorkbook(validGrids(changes)).problems.map(formatProblem);
}

/** validSheets()' sheet with one cell (1-based row and column of its grid) replaced. */
function withCell(name: string, row: number, col: number, value: CellValue): SheetGrid {
  const sheet = validSheets()[name];
  const rows = sheet.rows.map((r) => [...r]);
  rows[row - 1][col - 1] = value;
  return { ...sheet, rows };
}

describe("readWorkbook: a formula with no saved value", () => {
  it.each([
    ["a post's Cost", "Posts", 2, 6, "Posts!F2"],
    ["a post's own split", "Posts", 3, 8, "Posts!H3"],
    ["an FTE", "Posts", 5, 5, "Posts!E5"],
    ["a post's Title", "Posts", 2, 2, "Posts!B2"],
    ["a grade's cost", "Grades", 3, 2, "Grades!B3"],
    ["a Parties driver", "Instruments", 2, 4, "Instruments!D2"],
    ["an instrument code", "Instruments", 3, 1, "Instruments!A3"],
    ["a Settings value", "Settings", 5, 2, "Settings!B5"],
    ["a Settings key", "Settings", 5, 1, "Settings!A5"],
    ["a rule's Participants", "Rules", 2, 4, "Rules!D2"],
    ["a rule's Method", "Rules", 3, 2, "Rules!B3"],
    ["a header", "Posts", 1, 6, "Posts!F1"],
  ])("is a problem at its cell, never blank: %s", (_what, name, row, col, cell) => {
    const problems = problemsWith({ [name]: withCell(name, row, col, formula("SUM(X1:X9)")) });
    expect(problems).toContain(
      `${cell}: this ${row === 1 ? "header" : "cell"} holds a formula (=SUM(X1:X9)) ${NEVER_CALCULATED}`,
    );
  });

  it("is a problem in a Budget amount, a Support share and a year column", () => {
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", 2015, 2016, 2017],
      ["Website", "Communications", "Operational", 1000, formula("D2*1.02"), 1100],
    ]);
    const support = sheetOf("Support", [
      ["Provider", "Receiver", "Share"],
      ["Executive", "Communications", formula("1-C3")],
    ]);
    const problems = problemsWith({ Budget: budget, Support: support });
    expect(problems).toContain(`Budget!E2: this cell holds a formula (=D2*1.02) ${NEVER_CALCULATED}`);
    expect(problems).toContain(`Support!C2: this cell holds a formula (=1-C3) ${NEVER_CALCULATED}`);
  });

  it("makes a driver column of formulas a driver, so that each cell is named", () => {
    const instruments = sheetOf("Instruments", [
      ["Code", "Name", "Staff"],
      ["CMS", "Convention", formula("COUNTIF(Posts!G:G,A2)")],
      ["ASCOBANS", "Agreement", formula("COUNTIF(Posts!G:G,A3)")],
      ["AEWA", "Agreement", 3],
    ]);
    const problems = problemsWith({ Instruments: instruments });
    expect(problems).toContain(
      `Instruments!C2: this cell holds a formula (=COUNTIF(Posts!G:G,A2)) ${NEVER_CALCULATED}`,
    );
    expect(problems).toContain(
      `Instruments!C3: this cell holds a formula (=COUNTIF(Posts!G:G,A3)) ${NEVER_CALCULATED}`,
    );
  });

  it("shortens a long formula in the message", () => {
    const long = `SUM(${"A1,".repeat(40)}A2)`;
    const [problem] = problemsWith({ Posts: withCell("Posts", 2, 6, formula(long)) });
    expect(problem).toMatch(
      /^Posts!F2: this cell holds a formula \(=SUM\(A1,A1,.{40,60}\.\.\.\) whose value/,
    );
  });
});

describe("readWorkbook: numbers typed as text", () => {
  /** The grade costs read from one Cost cell typed as text, or the problems. */
  function gradeCost(text: string): number | string[] {
    const outcome = readWorkbook(validGrids({ Grades: withCell("Grades", 3, 2, text) }));
    return outcome.model?.grades.find((g) => g.grade === "P4")?.cost ?? outcome.problems.map(formatProblem);
  }

  it.each([
    ["140000", 140000],
    ["140 000", 140000],
    ["1.400.000", 1400000],
    ["1,400,000", 1400000],
    ["1,400,000.50", 1400000.5],
    ["1.400.000,50", 1400000.5],
    ["140,000.00", 140000],
    ["140.000,00", 140000],
    ["€140.000", 140000],
    ["EUR 140,000", 140000],
    ["140000,5", 140000.5],
  ])("reads %p as %d", (text, value) => {
    expect(gradeCost(text)).toBe(value);
  });

  it.each([
    ["140.000", "140", "140000"],
    ["140,000", "140", "140000"],
    ["1,400", "1.4", "1400"],
  ])("names both readings of %p rather than guess one a thousand times the other", (text, a, b) => {
    expect(gradeCost(text)).toEqual([
      `Grades!B3: '${text}' could be ${a} or ${b}, depending on whether the separator marks decimals or thousands; type the figure as a plain number without thousands separators (${a} or ${b})`,
    ]);
  });

  it("reads 0,025 as a fraction, not as 25", () => {
    const settings = sheetOf("Settings", [
      ["Key", "Value"],
      ["Escalation", "0,025"],
    ]);
    expect(readWorkbook(validGrids({ Settings: settings })).model?.settings.escalation).toBe(0.025);
  });

  it("reads 12,5 % as twelve and a half percent", () => {
    const settings = sheetOf("Settings", [
      ["Key", "Value"],
      ["PSC", "12,5 %"],
    ]);
    expect(readWorkbook(validGrids({ Settings: settings })).model?.settings.psc).toBe(0.125);
  });
});
