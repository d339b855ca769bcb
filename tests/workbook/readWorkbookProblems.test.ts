import { formatProblem } from "../../src/workbook/formatProblem";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import type { CellValue, SheetGrid } from "../../src/workbook/grid";
import { gridsOf, sheetOf, tableOf, validGrids, validSheets } from "./gridsOf";

const POST_HEADER: CellValue[] = [
  "PostId",
  "Title",
  "Grade",
  "Unit",
  "FTE",
  "Cost",
  "FundedBy",
  "CMS",
  "ASCOBANS",
];

/** A Posts sheet with the standard header and the given rows (row 2 on). */
function posts(...rows: CellValue[][]): SheetGrid {
  return sheetOf("Posts", [POST_HEADER, ...rows]);
}

/** The formatted problems of reading validGrids() with some sheets replaced. */
function problemsWith(changes: Record<string, SheetGrid | undefined>): string[] {
  const outcome = readWorkbook(validGrids(changes));
  return outcome.problems.map(formatProblem);
}

describe("readWorkbook problems", () => {
  it("names text where a number of euros is needed, with the cell", () => {
    expect(
      problemsWith({
        Posts: posts(
          ["P-1", "Officer", "P4", "Communications", 1, null, "CMS"],
          ["P-2", "Assistant", "G5", "Communications", 1, "sixty thousand", "CMS"],
        ),
      }),
    ).toEqual(["Posts!F3: Cost must be a number of euros, found 'sixty thousand'"]);
  });

  it("names the currency of Settings in money messages", () => {
    const settings = sheetOf("Settings", [
      ["Key", "Value"],
      ["Currency", "USD"],
    ]);
    expect(
      problemsWith({
        Settings: settings,
        Posts: posts(["P-1", "Officer", "P4", "Communications", 1, "lots", null]),
      }),
    ).toEqual(["Posts!F2: Cost must be a number of US dollars, found 'lots'"]);
  });

  it("names an error value in an input cell that is read", () => {
    expect(
      problemsWith({
        Posts: posts([
          "P-1",
          "Officer",
          "P4",
          "Communications",
          1,
          { error: "#REF!" },
          "CMS",
          { error: "#DIV/0!" },
        ]),
      }),
    ).toEqual([
      "Posts!F2: the cell holds the error #REF!; fix the formula or type the figure",
      "Posts!H2: the cell holds the error #DIV/0!; fix the formula or type the figure",
    ]);
  });

  it("leaves error values in columns it does not read alone", () => {
    const sheet = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "Remarks"],
      ["P-1", "Officer", "P4", "Communications", { error: "#N/A" }],
    ]);
    expect(problemsWith({ Posts: sheet })).toEqual([]);
  });

  it("names a date or a boolean where a number is needed", () => {
    expect(
      problemsWith({
        Posts: posts(
          ["P-1", "Officer", "P4", "Communications", 1, new Date(Date.UTC(2015, 2, 15)), "CMS"],
          ["P-2", "Officer", "P4", "Communications", true, null, "CMS"],
        ),
      }),
    ).toEqual([
      "Posts!F2: Cost must be a number of euros, found a date (2015-03-15)",
      "Posts!E3: FTE must be a number such as 1 (full time), 0.5 or 50% (half-time) or 2 (a line of two posts), found TRUE",
    ]);
  });

  it("names a zero, negative or over-full FTE", () => {
    expect(
      problemsWith({
        Posts: posts(
          ["P-1", "Officer", "P4", "Communications", 0],
          ["P-2", "Officer", "P4", "Communications", -0.5],
          ["P-3", "Officer", "P4", "Communications", "1500%"],
        ),
      }),
    ).toEqual([
      "Posts!E2: FTE must be more than 0 (a full-time post is 1 or 100%), found 0",
      "Posts!E3: FTE must be more than 0 (a full-time post is 1 or 100%), found -0.5",
      "Posts!E4: FTE must be at most 10 posts on one line, found '1500%'; split a larger line",
    ]);
  });

  it("names a negative cost", () => {
    expect(problemsWith({ Posts: posts(["P-1", "Officer", "P4", "Communications", 1, -5]) })).toEqual([
      "Posts!F2: Cost cannot be negative, found -5",
    ]);
  });

  it("names a cost too large to be a budget figure, which the engine could not add up to the cent", () => {
    expect(problemsWith({ Posts: posts(["P-1", "Officer", "P4", "Communications", 1, 1e14]) })).toEqual([
      expect.stringMatching(/^Posts!F2: Cost must be below 100,000,000,000 \(a hundred billion .*\), found /),
    ]);
  });

  it("names a split that does not add up to 100%, from plain numbers or from percent cells", () => {
    expect(
      problemsWith({
        Posts: posts(
          ["P-1", "Officer", "P4", "Marine", 1, null, "CMS", 20, 75],
          ["P-2", "Officer", "P4", "Marine", 1, null, "CMS", 0.2, 0.75],
          ["P-3", "Officer", "P4", "Marine", 1, null, "CMS", "20%", 0.85],
          ["P-4", "Officer", "P4", "Marine", 1, null, "CMS", -10, 110],
        ),
      }),
    ).toEqual([
      "Posts!H2: the split of post P-1 adds up to 95%; the instrument columns must add up to 100%",
      "Posts!H3: the split of post P-2 adds up to 95%; the instrument columns must add up to 100%",
      "Posts!H4: the split of post P-3 adds up to 105%; the instrument columns must add up to 100%",
      "Posts!H5: the share of CMS cannot be negative, found -10",
    ]);
  });

  it("names a duplicate PostId, instrument code and grade with the other row", () => {
    const instruments = sheetOf("Instruments", [["Code"], ["CMS"], ["AEWA"], ["ASCOBANS"], ["cms"]]);
    const grades = sheetOf("Grades", [
      ["Grade", "Cost"],
      ["P2", 100000],
      ["P4", 140000],
      ["D1", 190000],
      ["p4", 150000],
    ]);
    expect(
      problemsWith({
        Instruments: instruments,
        Grades: grades,
        Posts: posts(
          ["P-1", "Officer", "P4", "Communications"],
          ["P-1", "Assistant", "P2", "Communications"],
        ),
      }),
    ).toEqual([
      "Instruments!A5: Code 'cms' is used twice: also on row 2; give each instrument its own code",
      "Grades!A5: Grade 'p4' is listed twice: also on row 3; give each grade one row",
      "Posts!A3: PostId 'P-1' is used twice: also on row 2; give each post its own number",
    ]);
  });

  it("names text that cannot be an instrument code", () => {
    const instruments = sheetOf("Instruments", [["Code"], ["CMS"], ["Raptors MOU"], ["All"], [2015]]);
    expect(
      problemsWith({ Instruments: instruments, Posts: posts(["P-1", "Officer", "P4", "Communications"]) }),
    ).toEqual([
      "Instruments!A3: 'Raptors MOU' cannot be an instrument code: use one word of letters, digits, '.', '_' and '-', starting with a letter (e.g. 'IOSEA')",
      "Instruments!A4: 'All' cannot be an instrument code: in Rules, 'all' means every instrument",
      "Instruments!A5: '2015' cannot be an instrument code: use one word of letters, digits, '.', '_' and '-', starting with a letter (e.g. 'IOSEA')",
      "Rules!D2: Participants of unit 'Communications' name 'AEWA', which is neither an instrument code, an instrument Type nor 'all'",
    ]);
  });

  it("names a FundedBy that cannot be a code", () => {
    expect(
      problemsWith({
        Posts: posts(["P-1", "Officer", "P4", "Communications", 1, null, "Voluntary contributions"]),
      }),
    ).toEqual([
      "Posts!G2: FundedBy must be the code of an instrument, such as CMS, found 'Voluntary contributions'",
    ]);
  });

  it("names blank required cells, and a post with neither grade nor cost", () => {
    expect(
      problemsWith({
        Posts: posts(
          [null, "Officer", "P4", "Communications"],
          ["P-2", null, null, "  "],
          ["P-3", "Officer", null, "Marine"],
        ),
      }),
    ).toEqual([
      "Posts!A2: PostId is blank; type the post's number",
      "Posts!B3: Title is blank; type the post's functional title",
      "Posts!D3: Unit is blank; type the common service this post belongs to",
      "Posts!C4: Grade and Cost are both blank; type the post's grade, or its annual cost",
    ]);
  });

  it("names an unknown method at the Method cell, listing the valid ones", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Basis"],
      ["Communications", "by headcount", null],
      ["Marine", null, null],
    ]);
    expect(problemsWith({ Rules: rules })).toEqual([
      "Rules!B2: Method 'by headcount' is not known. Use one of: fixed, equal, driver, hybrid, posts.",
      "Rules!B3: The rule has no Method. Use one of: fixed, equal, driver, hybrid, posts.",
    ]);
  });

  it("names a basis problem at the Basis cell", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Basis"],
      ["Communications", "fixed", "CMS 50%; AEWA 45%"],
      ["Marine", "driver", null],
      ["Executive", "posts", null],
    ]);
    expect(problemsWith({ Rules: rules })).toEqual([
      "Rules!C2: The shares in Basis add up to 95%; they must add up to 100%.",
      "Rules!C3: A driver rule needs, in Basis, the name of an Instruments column, e.g. 'Parties' or 'Budget'.",
    ]);
  });

  it("names a driver the Instruments sheet has no column for with the sheets' other problems, not after them", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Basis"],
      ["Communications", "driver", "Partys"],
      ["Marine", "hybird", null],
      ["Executive", "hybrid", "50% equal + 50% Number of Parties"],
      ["Science", "hybrid", "50% Parties + 50% Budgets"],
    ]);
    expect(problemsWith({ Rules: rules })).toEqual([
      "Rules!C2: Unit 'Communications' is shared by 'Partys', but the Instruments sheet has no such column (its number columns are: Parties, Budget).",
      "Rules!B3: Method 'hybird' is not known. Use one of: fixed, equal, driver, hybrid, posts.",
      "Rules!C5: Unit 'Science' is shared by 'Budgets', but the Instruments sheet has no such column (its number columns are: Parties, Budget).",
    ]);
  });

  it("names an agreed share given to a code no instrument has with the sheets' other problems, not after them", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Basis"],
      ["Communications", "fixed", "CMS 60%; AEWAA 40%"],
      ["Marine", "posts", null],
      ["Executive", "posts", null],
    ]);
    expect(
      problemsWith({
        Rules: rules,
        Posts: posts(["P-1", "Officer", "P4", "Communications", 1, -115000, "CMS"]),
      }),
    ).toEqual([
      "Posts!F2: Cost cannot be negative, found -115000",
      "Rules!C2: The rule of unit 'Communications' gives a share to 'AEWAA', which is not an instrument code of the Instruments sheet; did you mean AEWA?",
    ]);
  });

  it("names a post's grade not in Grades and a FundedBy no instrument has with the sheets' other problems, not after them", () => {
    expect(
      problemsWith({
        Posts: posts(
          ["P-1", "Officer", "P9", "Communications", 1, null, "CMS"],
          ["P-2", "Assistant", "G5", "Communications", 1, 60000, "CMSS"],
          ["P-3", "Adviser", "P4", "Communications", 1, -115000, "CMS"],
        ),
      }),
    ).toEqual([
      "Posts!F4: Cost cannot be negative, found -115000",
      "Posts!C2: Grade 'P9' of post 'P-1' is not in the Grades sheet.",
      "Posts!G3: Post 'P-2' is funded by 'CMSS', which is not in the Instruments sheet; did you mean CMS?",
    ]);
  });

  it("checks posts' grades and funders only against Grades and Instruments sheets that read whole", () => {
    // G5 is on a Grades row that did not read, EUROBATS perhaps on an Instruments row: no guess.
    const grades = sheetOf("Grades", [
      ["Grade", "Cost"],
      ["P4", 140000],
      ["G5", "sixty thousand"],
    ]);
    const instruments = sheetOf("Instruments", [
      ["Code", "Name", "Parties"],
      ["CMS", "Convention", 121],
      [null, "Agreement on the Conservation of Bats", 38],
      ["AEWA", "African-Eurasian Waterbird Agreement", 75],
    ]);
    expect(
      problemsWith({
        Grades: grades,
        Instruments: instruments,
        Posts: posts(["P-1", "Assistant", "G5", "Communications", 1, null, "EUROBATS"]),
      }),
    ).toEqual([
      "Instruments!A3: Code is blank; type the instrument's short code, e.g. CMS",
      "Grades!B3: Cost must be a number of euros, found 'sixty thousand'",
    ]);
    // A grade is only a label on a post with its own cost.
    expect(
      problemsWith({ Posts: posts(["P-1", "Assistant", "G9", "Communications", 1, 60000, "CMS"]) }),
    ).toEqual([]);
  });

  it("names a filled column whose header is blank inside the table (a header lost to a merge), at its header cell", () => {
    // FundedBy's header merged into Cost's: Excel keeps "Cost" in F1 and leaves G1 blank.
    const merged = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "FTE", "Cost", null, "CMS", "ASCOBANS"],
      ["P-1", "Officer", "P4", "Communications", 1, null, "CMS"],
      ["P-2", "Assistant", "P2", "Communications", 1, null, "AEWA"],
    ]);
    expect(problemsWith({ Posts: merged })).toEqual([
      "Posts!G1: this header is blank, but column G holds values (G2: 'CMS'), which are not read without one: was it merged with the header 'Cost' beside it? Type the column's header (such as FundedBy or Scenario), or clear the column",
    ]);
    // A blank spacer column, and a remark right of the table, are no problem.
    const spaced = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", null, "FTE", "Cost", "FundedBy", "CMS", "ASCOBANS"],
      ["P-1", "Officer", "P4", "Communications", null, 1, null, "CMS", null, null, "to check"],
    ]);
    expect(problemsWith({ Posts: spaced })).toEqual([]);
  });

  it("names Min and Max outside 0% to 100%", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Min", "Max"],
      ["Communications", "equal", -0.01, "120%"],
      ["Marine", "posts", null, null],
      ["Executive", "posts", null, null],
    ]);
    expect(problemsWith({ Rules: rules })).toEqual([
      "Rules!C2: Min must be a percentage from 0% to 100%, found -0.01; a plain number up to 1 is a fraction, so 0.5 is 50%, and one above 1 is a percent, so 2 is 2%",
      "Rules!D2: Max must be a percentage from 0% to 100%, found '120%'; a plain number up to 1 is a fraction, so 0.5 is 50%, and one above 1 is a percent, so 2 is 2%",
    ]);
  });

  it("names a second rule for the same unit", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method"],
      ["Communications", "equal"],
      ["Marine", "posts"],
      ["Executive", "posts"],
      ["communications", "posts"],
    ]);
    expect(problemsWith({ Rules: rules })).toEqual([
      "Rules!A5: Unit 'communications' has two rules: also on row 2; keep one",
    ]);
  });

  it("names a missing required sheet at its A1, listing the columns to add", () => {
    expect(problemsWith({ Posts: undefined })).toEqual([
      "Posts!A1: The workbook has no Posts sheet or table. Add one with the columns PostId, Title, Grade, Unit (and, if needed, FTE, Cost, FundedBy, Scenario).",
    ]);
  });

  it("names a missing Rules sheet when some post has no split of its own", () => {
    expect(problemsWith({ Rules: undefined })).toEqual([
      "Rules!A1: The workbook has no Rules sheet or table. Add one with the columns Unit, Method (and, if needed, Basis, Participants, Min, Max, Scenario). It may be left out only when every post carries its own split.",
    ]);
  });

  it("names a missing required column at the header row, after the last header", () => {
    const sheet = sheetOf("Posts", [
      ["Staffing table", null],
      [null, null],
      [null, null],
      ["PostId", "Title", "Grade", "FTE", "Cost", "FundedBy", "Notes"],
      ["P-1", "Officer", "P4", 1, null, "CMS", null],
    ]);
    expect(problemsWith({ Posts: sheet })).toEqual([
      "Posts!H4: no 'Unit' column; add one, or map an existing column to Unit in the task pane",
    ]);
  });

  it("names each missing column in the next free cell, and an empty sheet at A1", () => {
    const sheet = sheetOf("Posts", [["PostId", "Title"]]);
    expect(problemsWith({ Posts: sheet, Grades: sheetOf("Grades", []) })).toEqual([
      "Grades!A1: no 'Grade' column; add one, or map an existing column to Grade in the task pane",
      "Grades!B1: no 'Cost' column nor one column per year; add one, or map an existing column to Cost in the task pane",
      "Posts!C1: no 'Grade' column; add one, or map an existing column to Grade in the task pane",
      "Posts!D1: no 'Unit' column; add one, or map an existing column to Unit in the task pane",
    ]);
  });

  it("names a mapped column or sheet that is not there", () => {
    const s = validSheets();
    const outcome = readWorkbook(gridsOf(Object.values(s)), {
      Posts: { columns: { Unit: "Section" } },
      Grades: { source: "Salary scale 2015" },
    });
    expect(outcome.problems.map(formatProblem)).toEqual([
      "Grades!A1: The task pane maps Grades to 'Salary scale 2015', but the workbook has no sheet or table of that name; choose another in the task pane.",
      "Posts!J1: no 'Section' column, which the task pane maps to Unit; add it, or map another column to Unit in the task pane",
    ]);
  });

  it("names a problem in a table by its worksheet and cell", () => {
    const s = validSheets();
    const table = tableOf(
      "tblPosts",
      "Staff costs",
      [
        ["PostId", "Title", "Grade", "Unit", "Cost"],
        ["P-1", "Officer", "P4", "Communications", "n/a"],
      ],
      5,
      2,
    );
    const outcome = readWorkbook(gridsOf([s.Settings, s.Instruments, s.Grades, s.Rules], [table]));
    expect(outcome.problems.map(formatProblem)).toEqual([
      "'Staff costs'!F6: Cost must be a number of euros, found 'n/a'",
    ]);
  });

  it("names bad settings, each at its Value cell", () => {
    const settings = sheetOf("Settings", [
      ["Key", "Value"],
      ["Currency", "Euro dollars"],
      ["FirstYear", 15],
      ["Years", 2.5],
      ["PSC", "thirteen"],
      ["Escalation", 1.5],
      ["Rounding", 0],
      ["SupportMethod", "direct"],
      ["Language", "Deutsch"],
      ["PSC", 0.13],
      ["AnnexStart", "first"],
    ]);
    expect(problemsWith({ Settings: settings })).toEqual([
      "Settings!B2: Currency must be a three-letter code such as EUR, found 'Euro dollars'",
      "Settings!B3: FirstYear must be a year such as 2015, found 15",
      "Settings!B4: Years must be a whole number of years such as 3, found 2.5",
      "Settings!B5: PSC must be a percentage such as 25%, found 'thirteen'",
      "Settings!B7: Rounding must be more than 0, such as 1 (whole units) or 0.01 (cents), found 0",
      "Settings!B8: SupportMethod must be reciprocal or step-down, found 'direct'",
      "Settings!B9: Language must be en, fr or es (English, French or Spanish), found 'Deutsch'",
      "Settings!A10: PSC is set twice: also on row 5; keep one",
      "Settings!B11: AnnexStart must be a whole number such as 1, found 'first'",
    ]);
  });

  it("names a support unit whose shares do not add up to 100% with the sheets' other problems, not after them", () => {
    const support = sheetOf("Support", [
      ["Provider", "Receiver", "Share"],
      ["Administration", "Communications", 0.6],
      ["administration", "Marine", 0.5],
    ]);
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", "Amount"],
      ["Website", "Communications", "Operational", null],
    ]);
    expect(problemsWith({ Support: support, Budget: budget })).toEqual([
      "Budget!D2: Amount is blank; type the line's annual amount",
      "Support!C2: The shares of support unit 'Administration' add up to 110% (Support rows 2, 3); they must add up to 100%.",
    ]);
  });

  it("names blank or impossible support shares and amounts", () => {
    const support = sheetOf("Support", [
      ["Provider", "Receiver", "Share"],
      ["Administration", "Communications", null],
      ["Administration", "Marine", 0],
    ]);
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", "Amount"],
      ["Website", "Communications", "Operational", null],
    ]);
    const grades = sheetOf("Grades", [
      ["Grade", "Cost"],
      ["P2", 100000],
      ["P4", null],
      ["D1", 190000],
    ]);
    expect(problemsWith({ Support: support, Budget: budget, Grades: grades })).toEqual([
      "Grades!B3: Cost is blank; type the grade's annual standard cost",
      "Budget!D2: Amount is blank; type the line's annual amount",
      "Support!C2: Share is blank; type the share of the provider's effort, e.g. 25%",
      "Support!C3: Share must be more than 0% and at most 100%, found 0",
    ]);
  });

  it("reports every problem of every sheet at once, grouped by sheet, and gives no model", () => {
    const instruments = sheetOf("Instruments", [
      ["Code", "Parties"],
      ["CMS", "many"],
      ["ASCOBANS", 10],
      ["CMS", 75],
    ]);
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Basis"],
      ["Communications", "split", null],
      ["Marine", "posts", null],
      ["Executive", "posts", null],
    ]);
    const outcome = readWorkbook(
      validGrids({
        Instruments: instruments,
        Rules: rules,
        Posts: posts(
          ["P-1", "Officer", "P4", "Communications", "full", "sixty thousand", "CMS"],
          ["P-2", "Officer", "P4", "Marine", 1, null, "CMS", 50, 45],
          ["P-2", "Officer", { error: "#N/A" }, "Marine", 1, null, "CMS"],
        ),
      }),
    );
    expect(outcome.model).toBeUndefined();
    expect(outcome.problems.map(formatProblem)).toEqual([
      "Instruments!B2: Parties must be a number, found 'many'",
      "Instruments!A4: Code 'CMS' is used twice: also on row 2; give each instrument its own code",
      "Posts!E2: FTE must be a number such as 1 (full time), 0.5 or 50% (half-time) or 2 (a line of two posts), found 'full'",
      "Posts!F2: Cost must be a number of euros, found 'sixty thousand'",
      "Posts!H3: the split of post P-2 adds up to 95%; the instrument columns must add up to 100%",
      "Posts!C4: the cell holds the error #N/A; fix the formula or type the value",
      "Posts!A4: PostId 'P-2' is used twice: also on row 3; give each post its own number",
      "Rules!B2: Method 'split' is not known. Use one of: fixed, equal, driver, hybrid, posts.",
    ]);
    expect(outcome.problems.every((p) => p.severity === "error" && p.cell !== undefined)).toBe(true);
  });
});

describe("readWorkbook warnings", () => {
  it("warns about a repeated header and reads the first such column", () => {
    const sheet = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "Cost", "Cost"],
      ["P-1", "Officer", "P4", "Communications", 140000, "old"],
    ]);
    const outcome = readWorkbook(validGrids({ Posts: sheet }));
    expect(outcome.problems.map(formatProblem)).toEqual([
      "Posts!F1: warning: a second 'Cost' column is not read; Cost is read from column E",
    ]);
    expect(outcome.model?.posts[0].cost).toBe(140000);
  });

  it("warns about a numeric column whose header is one letter away from an instrument code", () => {
    const sheet = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "CMS", "ASCOBAN", "Step"],
      ["P-1", "Officer", "P4", "Marine", 1, 0, 3],
    ]);
    const outcome = readWorkbook(validGrids({ Posts: sheet }));
    expect(outcome.problems.map(formatProblem)).toEqual([
      "Posts!F1: warning: column 'ASCOBAN' is not read as a split, as no instrument has that code; did you mean ASCOBANS?",
    ]);
    expect(outcome.model?.posts[0].split).toEqual({ CMS: 1 });
  });
});
