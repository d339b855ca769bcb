import { computeAllocation } from "../../src/engine/computeAllocation";
import { formatProblem } from "../../src/workbook/formatProblem";
import type { CellValue, SheetGrid } from "../../src/workbook/grid";
import { locateProblem } from "../../src/workbook/locateProblem";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { sheetOf, validGrids, validSheets } from "./gridsOf";

/** A new-user trial's findings on the problems reported: one cause, one problem, at the right cell. */

const NEVER_CALCULATED =
  "whose value was never calculated: open and save the file in Excel (or LibreOffice) first, then run again";

/** A header written as a formula with no saved value, as openpyxl saves ="Amount". */
const AMOUNT_FORMULA: CellValue = { formula: '"Amount"' };
const HEADER_PROBLEM = (cell: string, text: string) =>
  `${cell}: this header holds a formula (=${text}) ${NEVER_CALCULATED}`;

function problemsWith(changes: Record<string, SheetGrid | undefined>): string[] {
  return readWorkbook(validGrids(changes)).problems.map(formatProblem);
}

describe("a header cell with no saved value", () => {
  it("is the one problem when the Budget amounts sit under it, not a blank year on every line", () => {
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", AMOUNT_FORMULA, 2015, 2016, 2017],
      ["Website", "Communications", "Operational", 60000, null, null, null],
      ["Outreach", "Communications", "Operational", 40000, null, null, null],
      ["Travel", "Executive", "Travel", 50000, null, null, null],
    ]);
    expect(problemsWith({ Budget: budget })).toEqual([HEADER_PROBLEM("Budget!D1", '"Amount"')]);
  });

  it("still reports the problems that do not come from it, all at once", () => {
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", AMOUNT_FORMULA, 2015, 2016, 2017],
      ["Website", "Communications", "Operational", 60000, null, null, null],
      [null, "Communications", "Operational", 40000, null, null, null],
      ["Travel", "Executive", "Travel", 50000, "fifty", null, null],
    ]);
    const problems = problemsWith({ Budget: budget });
    expect(problems[0]).toBe(HEADER_PROBLEM("Budget!D1", '"Amount"'));
    expect(problems).toHaveLength(3);
    expect(problems[1]).toMatch(/^Budget!A3: /);
    expect(problems[2]).toMatch(/^Budget!E4: /);
    expect(problems.join("\n")).not.toMatch(/is blank; type the line's annual amount/);
  });

  it("is the one problem when a Grades Cost header is unread", () => {
    const grades = sheetOf("Grades", [
      ["Grade", { formula: '"Cost"' }, 2015],
      ["P2", 100000, null],
      ["P4", 140000, null],
      ["D1", 190000, null],
    ]);
    expect(problemsWith({ Grades: grades })).toEqual([HEADER_PROBLEM("Grades!B1", '"Cost"')]);
  });

  it("is the one problem when a Posts Cost header is unread and a post has no grade", () => {
    const posts = validSheets().Posts.rows.map((r) => [...r]);
    posts[0][5] = { formula: '"Cost"' };
    posts[4][2] = null; // P-4: no grade, its cost under the unread header
    posts[4][5] = 70000;
    expect(problemsWith({ Posts: sheetOf("Posts", posts) })).toEqual([HEADER_PROBLEM("Posts!F1", '"Cost"')]);
  });

  it("is the one problem when a Rules Basis header is unread", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method", { formula: '"Basis"' }, "Participants"],
      ["Communications", "driver", "Parties", "all"],
      ["Marine", "posts", null, null],
      ["Executive", "posts", null, null],
    ]);
    expect(problemsWith({ Rules: rules })).toEqual([HEADER_PROBLEM("Rules!C1", '"Basis"')]);
  });

  it("makes a missing column's problem say that it may follow from the unread header", () => {
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", AMOUNT_FORMULA],
      ["Website", "Communications", "Operational", 60000],
    ]);
    expect(problemsWith({ Budget: budget })).toEqual([
      HEADER_PROBLEM("Budget!D1", '"Amount"'),
      "Budget!E1: no 'Amount' column nor one column per year; add one, or map an existing column to Amount in the task pane (unless it is the header at D1, which has no saved value: fix that first)",
    ]);
  });
});

/** Reads grids, runs the engine, and returns its problems located and formatted. */
function engineProblems(changes: Record<string, SheetGrid | undefined>): string[] {
  const outcome = readWorkbook(validGrids(changes));
  expect(outcome.problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
  if (outcome.model === undefined) throw new Error("no model");
  const result = computeAllocation(outcome.model);
  return result.ok
    ? []
    : result.problems
        .filter((p) => p.severity === "error")
        .map((p) => formatProblem(locateProblem(p, outcome.layout)));
}

function settingsFrom(firstYear: number): SheetGrid {
  return sheetOf("Settings", [
    ["Key", "Value"],
    ["Currency", "EUR"],
    ["FirstYear", firstYear],
    ["Years", 3],
    ["PSC", 0.13],
  ]);
}

describe("a period running past the years a sheet has columns for", () => {
  const budget = sheetOf("Budget", [
    ["Item", "Unit", "Category", "Amount", 2015, 2016, 2017],
    ["Meetings of the Parties", "Communications", "Meetings", null, 420000, 160000, 610000],
    ["Website", "Communications", "Operational", 60000, null, null, null],
  ]);

  it("names the missing year and the period, at the line's last year column", () => {
    expect(engineProblems({ Settings: settingsFrom(2016), Budget: budget })).toEqual([
      "Budget!G2: Budget line 'Meetings of the Parties' has no amount for 2018; the period is 2016\u20132018: type the 2018 amount in a column headed 2018, or give an Amount to escalate.",
    ]);
  });

  it("names every missing year, at the first year's column when the period starts before them", () => {
    expect(engineProblems({ Settings: settingsFrom(2012), Budget: budget })).toEqual([
      "Budget!E2: Budget line 'Meetings of the Parties' has no amount for 2012, 2013 and 2014; the period is 2012\u20132014: type the 2012, 2013 and 2014 amounts in columns headed by those years, or give an Amount to escalate.",
    ]);
  });

  it("points at the blank cell of a year the sheet has a column for", () => {
    const gap = sheetOf("Budget", [
      ["Item", "Unit", "Category", 2015, 2016, 2017],
      ["Meetings of the Parties", "Communications", "Meetings", 420000, null, 610000],
    ]);
    expect(engineProblems({ Budget: gap })).toEqual([
      "Budget!E2: Budget line 'Meetings of the Parties' has no amount for 2016; the period is 2015\u20132017: type the 2016 amount in a column headed 2016, or give an Amount to escalate.",
    ]);
  });

  it("says the same of a post costed by year", () => {
    const posts = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "FTE", 2015, 2016, 2017, "FundedBy", "CMS", "ASCOBANS"],
      [
        "P-1",
        "Associate Programme Officer",
        null,
        "Marine",
        1,
        100000,
        102000,
        104000,
        "ASCOBANS",
        0.25,
        0.75,
      ],
    ]);
    expect(engineProblems({ Settings: settingsFrom(2016), Posts: posts })).toEqual([
      "Posts!H2: Post 'P-1' has no cost for 2018; the period is 2016\u20132018: type the 2018 cost in a column headed 2018, or give a Cost to escalate or a Grade.",
    ]);
  });
});
