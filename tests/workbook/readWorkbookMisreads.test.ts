import { computeAllocation } from "../../src/engine/computeAllocation";
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

describe("readWorkbook: FTE", () => {
  /** The FTE read for post P-4 (grid row 5) with the given FTE cells of P-1..P-4, or the problems. */
  function ftes(values: CellValue[]): number[] | string[] {
    let sheet = validSheets().Posts;
    values.forEach((v, i) => {
      const rows = sheet.rows.map((r) => [...r]);
      rows[i + 1][4] = v;
      sheet = { ...sheet, rows };
    });
    const outcome = readWorkbook(validGrids({ Posts: sheet }));
    return outcome.model?.posts.map((p) => p.fte) ?? outcome.problems.map(formatProblem);
  }

  it("reads a plain number above 1 as a line of several full-time posts, not as a percent", () => {
    expect(ftes([1, 1, 1, 1.5])).toEqual([1, 1, 1, 1.5]);
    expect(ftes([1, 1, 1, 2])).toEqual([1, 1, 1, 2]);
  });

  it("still reads a percent cell or percent text as part of one post", () => {
    expect(ftes([1, 0.5, "50%", "150%"])).toEqual([1, 0.5, 0.5, 1.5]);
  });

  it("reads a column typed in percents (100, 50) as percents", () => {
    expect(ftes([100, 50, 100, 80])).toEqual([1, 0.5, 1, 0.8]);
  });

  it("names a figure that could be posts or a percent, when one column holds both kinds", () => {
    expect(ftes([100, 2, 50, 1])).toEqual([
      "Posts!E2: FTE 100 could be 100% of one post or 100 full-time posts, as this column also counts posts (2 = two posts); type 100% for part of a post, or split a line of more than 10 posts",
      "Posts!E3: FTE 2 could be 2 full-time posts or 2% of one post, as this column also gives FTE in percents (above 10); type 2% for part of a post, or give every FTE of the column as a number of posts (1, 0.5, 2)",
      "Posts!E4: FTE 50 could be 50% of one post or 50 full-time posts, as this column also counts posts (2 = two posts); type 50% for part of a post, or split a line of more than 10 posts",
    ]);
  });

  it("refuses more than a hundred, and text such as '2 x G5', at the cell", () => {
    expect(ftes([1, 1, 1, 150])).toEqual([
      "Posts!E5: FTE must be at most 10 posts on one line (or 100% of one post), found 150; split a larger line",
    ]);
    expect(ftes([1, 1, 1, "2 x G5"])).toEqual([
      "Posts!E5: FTE must be a number such as 1 (full time), 0.5 or 50% (half-time) or 2 (a line of two posts), found '2 x G5'",
    ]);
  });

  it("costs a line of two posts at twice the grade cost, with settlement and staff time to match", () => {
    const allocate = (posts: SheetGrid) => {
      const model = readWorkbook(validGrids({ Posts: posts })).model;
      if (model === undefined) throw new Error("no model");
      const result = computeAllocation(model);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      return result.allocation;
    };
    const header = validSheets().Posts.rows[0];
    const oneLine = allocate(
      sheetOf("Posts", [header, ["C-1", "Communications Assistant", "P4", "Communications", 2, null, "CMS"]]),
    );
    const twoLines = allocate(
      sheetOf("Posts", [
        header,
        ["C-1", "Communications Assistant", "P4", "Communications", 1, null, "CMS"],
        ["C-2", "Communications Assistant", "P4", "Communications", 1, null, "CMS"],
      ]),
    );
    expect(oneLine.lines[0].totals).toEqual([280000, 280000, 280000]);
    expect(oneLine.settlement).toEqual(twoLines.settlement);
    expect(oneLine.instrumentTotals).toEqual(twoLines.instrumentTotals);
  });

  it("reads Baseline FTE the same way (3 = three posts, 50 = half-time)", () => {
    const baseline = (fte: CellValue[]) =>
      sheetOf("Baseline", [
        ["Instrument", "Category", "Grade", "FTE"],
        ...fte.map((f) => ["CMS", "Staff", "P4", f]),
      ]);
    expect(
      readWorkbook(validGrids({ Baseline: baseline([3, 0.5]) })).model?.baseline.map((b) => b.fte),
    ).toEqual([3, 0.5]);
    expect(
      readWorkbook(validGrids({ Baseline: baseline([100, 50]) })).model?.baseline.map((b) => b.fte),
    ).toEqual([1, 0.5]);
  });
});

describe("readWorkbook: year headers that are dates", () => {
  const jan1 = (y: number) => new Date(Date.UTC(y, 0, 1));

  it.each([
    ["dates", [jan1(2015), jan1(2016), jan1(2017)]],
    ["date text", ["01/01/2015", "1.1.2016", "2017-01-01"]],
  ])("reads Budget amounts by year under headers that are %s of the first of January", (_what, years) => {
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", "Amount", ...years],
      ["Website", "Communications", "Operational", 999, 1000, 1100, 1200],
    ]);
    const line = readWorkbook(validGrids({ Budget: budget })).model?.budget[0];
    expect(line?.amountByYear).toEqual({ 2015: 1000, 2016: 1100, 2017: 1200 });
  });

  it("reads Grades costs by year under date headers", () => {
    const grades = sheetOf("Grades", [
      ["Grade", jan1(2015), jan1(2016)],
      ["P2", 100000, 101000],
      ["P4", 140000, 142000],
      ["D1", 190000, 193000],
    ]);
    const model = readWorkbook(validGrids({ Grades: grades })).model;
    expect(model?.grades.find((g) => g.grade === "P4")?.costByYear).toEqual({ 2015: 140000, 2016: 142000 });
  });

  it("names a date header on another day, which leaves the year to a guess", () => {
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", "Amount", new Date(Date.UTC(2016, 5, 30)), "31/12/2017", "03/04/2018"],
      ["Website", "Communications", "Operational", 999, 1000, 1100, 1200],
    ]);
    expect(problemsWith({ Budget: budget })).toEqual([
      "Budget!E1: the header the date 2016-06-30 is a date, not a year, so the column is not read as that year's amounts; type the year (2016) or the first of January of it",
      "Budget!F1: the header '31/12/2017' is a date, not a year, so the column is not read as that year's amounts; type the year (2017) or the first of January of it",
      "Budget!G1: the header '03/04/2018' is a date, not a year, so the column is not read as that year's amounts; type the year (2018) or the first of January of it",
    ]);
  });
});

describe("readWorkbook: Settings keys", () => {
  /** The settings read from one Key/Value row, or the problems (errors and warnings). */
  function read(key: string, value: CellValue) {
    const outcome = readWorkbook(
      validGrids({
        Settings: sheetOf("Settings", [
          ["Key", "Value"],
          [key, value],
        ]),
      }),
    );
    return { settings: outcome.model?.settings, problems: outcome.problems.map(formatProblem) };
  }

  it.each([
    ["Programme support costs (PSC)", 0.07, "psc", 0.07],
    ["PSC (%)", 7, "psc", 0.07],
    ["Programme support cost rate", "7%", "psc", 0.07],
    ["PSC rate:", 0.07, "psc", 0.07],
    ["Escalation rate (% per year)", 0.02, "escalation", 0.02],
    ["Annual escalation", 0.02, "escalation", 0.02],
    ["First year", 2020, "firstYear", 2020],
    ["Start year", 2020, "firstYear", 2020],
    ["Number of years", 4, "years", 4],
    ["Rounding unit", 0.01, "rounding", 0.01],
    ["Support method", "step-down", "supportMethod", "step-down"],
  ])("reads %p as a setting", (key, value, property, expected) => {
    const { settings, problems } = read(key, value);
    expect(problems).toEqual([]);
    expect(settings?.[property as "psc"]).toBe(expected);
  });

  it.each([
    ["Overhead rate", "PSC"],
    ["Programme support charges", "PSC"],
    ["PSC charged on staff", "PSC"],
    ["Currencey", "Currency"],
    ["Escalation 2%", "Escalation"],
    ["Base year", "FirstYear"],
    ["Number of budget years", "Years"],
    ["Roundings", "Rounding"],
  ])("makes %p, which looks like %s, a problem rather than leave its value unused", (key, like) => {
    const { settings, problems } = read(key, 0.07);
    expect(settings).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^Settings!A2: '.*' is not a setting this add-in knows, but it looks like ${like} \\(.*\\); type ${like} as the key so that its value is used, or clear the row$`,
      ),
    );
  });

  it("only warns about a key that looks like no setting, and says nothing when its value is blank", () => {
    expect(read("Prepared by", "Finance unit").problems).toEqual([
      expect.stringMatching(
        /^Settings!A2: warning: 'Prepared by' is not a setting this add-in knows, so it is ignored/,
      ),
    ]);
    expect(read("Background", "see note").problems).toHaveLength(1);
    expect(read("Overhead rate", null).problems).toEqual([]);
  });
});

describe("readWorkbook: Participants, Min and Max", () => {
  /** The problems of validSheets() with one more rule row (Unit, Method, Basis, Participants, Min, Max). */
  function withRule(rule: CellValue[]): string[] {
    const rules = validSheets().Rules;
    return problemsWith({ Rules: { ...rules, rows: [...rules.rows, rule] } });
  }

  it.each([
    ["a posts rule", ["Outreach", "posts", null, "CMS, NOPE", null, null]],
    ["the rule of a unit without costs", ["Outreach", "equal", null, "CMS, NOPE", null, null]],
    ["a fixed rule", ["Outreach", "fixed", "CMS 50%; AEWA 50%", "CMS; AEWA; NOPE", null, null]],
  ])("checks every participant of %s, at the Participants cell", (_what, rule) => {
    expect(withRule(rule)).toContain(
      "Rules!D5: Participants of unit 'Outreach' name 'NOPE', which is neither an instrument code, an instrument Type nor 'all'",
    );
  });

  it("accepts codes, Types and 'all' in any case, and suggests the code a slip was meant for", () => {
    expect(withRule(["Outreach", "posts", null, "cms and Agreement; ALL", null, null])).not.toContainEqual(
      expect.stringMatching(/Participants/),
    );
    expect(withRule(["Outreach", "equal", null, "CMS, AEWAA", null, null])).toContain(
      "Rules!D5: Participants of unit 'Outreach' name 'AEWAA', which is neither an instrument code, an instrument Type nor 'all'; did you mean AEWA?",
    );
  });

  it("reports an unknown participant once, not again from the engine", () => {
    const grids = validGrids();
    const rules = grids.sheets.find((s) => s.name === "Rules");
    if (rules === undefined) throw new Error("no Rules");
    rules.rows[1] = ["Communications", "equal", null, "CMS, NOPE", null, null];
    const outcome = readWorkbook(grids);
    expect(outcome.model).toBeUndefined();
    expect(outcome.problems.map(formatProblem).filter((p) => p.includes("NOPE"))).toHaveLength(1);
  });

  it.each([
    [
      "fixed",
      "CMS 50%; AEWA 50%",
      "a fixed rule's percentages are agreed, so Min and Max do not apply: clear this cell, or change the percentages in Basis",
    ],
    [
      "posts",
      null,
      "a posts rule shares by each post's own split, so Min and Max do not apply: clear this cell, or change the posts' splits",
    ],
  ])(
    "makes Min or Max on a %s rule a problem at its cell, rather than override the split",
    (method, basis, message) => {
      expect(withRule(["Outreach", method, basis, null, 0.4, 0.45])).toEqual([
        `Rules!E5: ${message}`,
        `Rules!F5: ${message}`,
      ]);
    },
  );

  it("reads Min and Max as 0.5 = 50% and 2 = 2%, and names a plain Min of 1 instead of reading it as 100%", () => {
    const rules = (min: CellValue, max: CellValue) =>
      readWorkbook(
        validGrids({
          Rules: sheetOf("Rules", [
            ["Unit", "Method", "Basis", "Participants", "Min", "Max"],
            ["Communications", "equal", null, "CMS, AEWA", min, max],
            ["Marine", "posts", null, null, null, null],
            ["Executive", "posts", null, null, null, null],
          ]),
        }),
      );
    expect(rules(2, 0.5).model?.rules[0]).toMatchObject({ min: 0.02, max: 0.5 });
    expect(rules("2%", 1).model?.rules[0]).toMatchObject({ min: 0.02, max: 1 });
    expect(rules(1, null).problems.map(formatProblem)).toEqual([
      "Rules!E2: Min 1 is read as 100%, a floor that no two participants can both hold (a plain number up to 1 is a fraction, so 0.5 is 50%, and one above 1 is a percent, so 2 is 2%); for a floor of 1% type 1% or 0.01",
    ]);
  });
});

describe("readWorkbook: rows whose label starts with Total", () => {
  const HEADER: CellValue[] = ["Item", "Unit", "Category", "Amount"];
  /** The budget items read, or the problems, from Budget rows under the standard header. */
  function budget(...rows: CellValue[][]) {
    const outcome = readWorkbook(validGrids({ Budget: sheetOf("Budget", [HEADER, ...rows]) }));
    return {
      items: outcome.model?.budget.map((l) => l.item),
      problems: outcome.problems.map(formatProblem),
    };
  }

  it("reads a line whose Item begins with 'Total' when it is no totals row", () => {
    expect(
      budget(
        ["Website", "Communications", "Operational", 1000],
        ["Total Quality Management training", "Communications", "Operational", 5000],
      ),
    ).toEqual({ items: ["Website", "Total Quality Management training"], problems: [] });
  });

  it("leaves out a totals row whose figures are the sums of the rows above, saying so unless it is a bare 'Total'", () => {
    expect(
      budget(
        ["Website", "Communications", "Operational", 1000],
        ["Travel", "Communications", "Travel", 2000],
        ["Total Communications", "Communications", "Operational", 3000],
        ["Meeting", "Communications", "Meetings", 500],
        ["Printing", "Communications", "Operational", 700],
        ["Subtotal", "Communications", "Operational", 1200],
        ["Grand total", "Communications", "Operational", 4200],
      ),
    ).toEqual({
      items: ["Website", "Travel", "Meeting", "Printing"],
      problems: [
        "Budget!A4: warning: 'Total Communications' is taken for a totals row and left out, as its figures are the sums of the rows above",
      ],
    });
  });

  it("leaves out a totals row with no Unit, and names a bare 'Total' that adds up to nothing", () => {
    expect(
      budget(
        ["Website", "Communications", "Operational", 1000],
        ["Total staff and travel", null, null, 99],
        ["Total", "Communications", "Operational", 7],
      ),
    ).toEqual({
      items: undefined,
      problems: [
        "Budget!A3: warning: 'Total staff and travel' is taken for a totals row and left out, as it has no Unit",
        "Budget!A4: this row is labelled 'Total', but its figures are not the sums of the rows above and it has a Unit and Category: if it is a totals row, correct its figures or clear its Unit; if it is a line, say what it pays for",
      ],
    });
  });
});
