import type { Model } from "../../src/engine/model";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { formatProblem } from "../../src/workbook/formatProblem";
import { gridsOf, sheetOf, tableOf, validGrids, validSheets } from "./gridsOf";

function modelOf(outcome: ReturnType<typeof readWorkbook>): Model {
  if (outcome.model === undefined) {
    throw new Error(`expected a model, got problems:\n${outcome.problems.map(formatProblem).join("\n")}`);
  }
  return outcome.model;
}

describe("readWorkbook", () => {
  it("reads a valid workbook into the model with every record's source", () => {
    const outcome = readWorkbook(validGrids());
    const model = modelOf(outcome);
    expect(outcome.problems).toEqual([]);
    expect(model.settings).toMatchObject({ currency: "EUR", firstYear: 2015, years: 3, psc: 0.13 });
    expect(model.instruments.map((i) => i.code)).toEqual(["CMS", "ASCOBANS", "AEWA"]);
    expect(model.instruments[0]).toEqual({
      code: "CMS",
      name: "Convention on Migratory Species",
      type: "Convention",
      drivers: { Parties: 121, Budget: 2500000 },
      source: { sheet: "Instruments", row: 2 },
    });
    expect(model.grades).toEqual([
      { grade: "P2", cost: 100000, source: { sheet: "Grades", row: 2 } },
      { grade: "P4", cost: 140000, source: { sheet: "Grades", row: 3 } },
      { grade: "D1", cost: 190000, source: { sheet: "Grades", row: 4 } },
    ]);
    expect(model.posts[0]).toEqual({
      id: "P-1",
      title: "Associate Programme Officer",
      grade: "P2",
      unit: "Marine",
      fte: 1,
      fundedBy: "ASCOBANS",
      split: { CMS: 0.25, ASCOBANS: 0.75 },
      source: { sheet: "Posts", row: 2 },
    });
    expect(model.posts[3]).toEqual({
      id: "P-4",
      title: "Communications Officer",
      grade: "P4",
      unit: "Communications",
      fte: 0.5,
      fundedBy: "CMS",
      source: { sheet: "Posts", row: 5 },
    });
    expect(model.rules[0]).toEqual({
      unit: "Communications",
      spec: { method: "equal" },
      participants: ["CMS", "AEWA"],
      source: { sheet: "Rules", row: 2 },
    });
    expect(model.budget).toEqual([]);
    expect(model.support).toEqual([]);
    expect(model.baseline).toEqual([]);
  });

  it("reads the seed's splits from percent cells and from plain numbers alike", () => {
    const rows = (asPercents: boolean) => {
      const v = (p: number) => (asPercents ? p : p / 100);
      return sheetOf("Posts", [
        ["PostId", "Title", "Grade", "Unit", "CMS", "ASCOBANS", "IOSEA"],
        ["P2", "Associate Programme Officer", "P2", "Marine", v(25), v(75), null],
        ["P4", "Programme Officer", "P4", "Marine", v(85), v(15), null],
        ["D1", "Executive Secretary", "D1", "Executive", v(97), v(3), null],
        ["P5", "IOSEA Coordinator", "P4", "Marine", v(12.5), null, v(87.5)],
      ]);
    };
    const instruments = sheetOf("Instruments", [["Code"], ["CMS"], ["ASCOBANS"], ["IOSEA"], ["AEWA"]]);
    const expected = [
      { CMS: 0.25, ASCOBANS: 0.75 },
      { CMS: 0.85, ASCOBANS: 0.15 },
      { CMS: 0.97, ASCOBANS: 0.03 },
      { CMS: 0.125, IOSEA: 0.875 },
    ];
    for (const asPercents of [false, true]) {
      const model = modelOf(readWorkbook(validGrids({ Instruments: instruments, Posts: rows(asPercents) })));
      expect(model.posts.map((p) => p.split)).toEqual(expected);
    }
  });

  it("reads splits typed as percent text, and a header decorated as 'CMS %' or 'ASCOBANS share'", () => {
    const posts = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "CMS %", "ASCOBANS share"],
      ["P2", "Associate Programme Officer", "P2", "Marine", "25%", "75 %"],
    ]);
    const outcome = readWorkbook(validGrids({ Posts: posts }));
    expect(modelOf(outcome).posts[0].split).toEqual({ CMS: 0.25, ASCOBANS: 0.75 });
    expect(outcome.layout.sheets.Posts?.splitColumns.map((c) => [c.field, c.column])).toEqual([
      ["CMS", "E"],
      ["ASCOBANS", "F"],
    ]);
  });

  it("finds the header below titles and notes, and skips blank, totals and note rows", () => {
    const posts = sheetOf(
      "Posts",
      [
        ["Staffing table 2015-2017", null, null, null],
        ["Figures are illustrative", null, null, null],
        [null, null, null, null],
        ["Post No.", "Functional title", "Grade", "Service", "Annual cost"],
        ["P-1", "Programme Officer", "P4", "Communications", 140000],
        [null, null, null, null],
        ["P-2", "Team Assistant", "G5", "Communications", "€ 60 000"],
        ["Total", null, null, null, 200000],
        ["Note: the G5 cost is a UN standard cost for Bonn, rounded.", null, null, null],
      ],
      3,
      2,
    );
    const outcome = readWorkbook(validGrids({ Posts: posts }));
    const model = modelOf(outcome);
    expect(model.posts.map((p) => [p.id, p.cost, p.source.row])).toEqual([
      ["P-1", 140000, 7],
      ["P-2", 60000, 9],
    ]);
    const layout = outcome.layout.sheets.Posts;
    expect(layout).toMatchObject({
      name: "Posts",
      sheet: "Posts",
      fromTable: false,
      headerRow: 6,
      firstDataRow: 7,
    });
    expect(layout?.columns.map((c) => `${c.field}=${c.column}:${c.header}`)).toEqual([
      "PostId=B:Post No.",
      "Title=C:Functional title",
      "Grade=D:Grade",
      "Unit=E:Service",
      "Cost=F:Annual cost",
    ]);
  });

  it("skips a row whose only content is a remark beside the table, under no header", () => {
    const posts = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", null, null],
      ["P-1", "Officer", "P4", "Communications", null, "check with HR"],
      [null, null, null, null, null, "to be confirmed"],
    ]);
    const model = modelOf(readWorkbook(validGrids({ Posts: posts })));
    expect(model.posts.map((p) => p.id)).toEqual(["P-1"]);
  });

  it("skips a Subtotal row whose key cell is blank and whose first filled cell says so", () => {
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", "Amount"],
      ["Website", "Communications", "Operational", 20000],
      [null, "Subtotal Communications", null, 20000],
      ["Grand total", null, null, 20000],
    ]);
    const model = modelOf(readWorkbook(validGrids({ Budget: budget })));
    expect(model.budget.map((b) => b.item)).toEqual(["Website"]);
  });

  it("reads a contract sheet from an Excel table named tblPosts on another sheet", () => {
    const sheets = validSheets();
    const table = tableOf(
      "tblPosts",
      "Staffing",
      [
        ["Post ID", "Title", "Grade", "Unit"],
        ["P-9", "Programme Officer", "P4", "Communications"],
      ],
      10,
      3,
    );
    const grids = gridsOf(
      [sheets.Settings, sheets.Instruments, sheets.Grades, sheets.Rules, sheetOf("Staffing", [["Staff"]])],
      [table],
    );
    const outcome = readWorkbook(grids);
    const model = modelOf(outcome);
    expect(model.posts).toEqual([
      {
        id: "P-9",
        title: "Programme Officer",
        grade: "P4",
        unit: "Communications",
        fte: 1,
        source: { sheet: "Staffing", row: 11 },
      },
    ]);
    expect(outcome.layout.sheets.Posts).toMatchObject({
      name: "tblPosts",
      sheet: "Staffing",
      fromTable: true,
      headerRow: 10,
      firstColumn: 3,
    });
  });

  it("prefers a sheet of the contract name over a table of that name", () => {
    const table = tableOf("Grades", "Other", [
      ["Grade", "Cost"],
      ["P4", 1],
    ]);
    const grids = validGrids();
    grids.tables.push(table);
    expect(modelOf(readWorkbook(grids)).grades.find((g) => g.grade === "P4")?.cost).toBe(140000);
  });

  it("accepts sheet aliases, case and punctuation ('staffing table', 'COST-SHARING RULES')", () => {
    const s = validSheets();
    const grids = gridsOf([
      s.Settings,
      s.Instruments,
      s.Grades,
      { ...s.Posts, name: "staffing table" },
      { ...s.Rules, name: "COST-SHARING RULES" },
    ]);
    const outcome = readWorkbook(grids);
    expect(modelOf(outcome).posts).toHaveLength(4);
    expect(outcome.layout.sheets.Rules?.name).toBe("COST-SHARING RULES");
    expect(outcome.problems).toEqual([]);
  });

  it("ignores the add-in's own output sheets when looking for inputs", () => {
    const s = validSheets();
    const grids = gridsOf(Object.values(s), [], ["Posts"]);
    const outcome = readWorkbook(grids);
    expect(outcome.model).toBeUndefined();
    expect(outcome.problems.map((p) => `${p.sheet}!${p.cell}`)).toContain("Posts!A1");
  });

  it("follows the officer's mapping of sheets and columns over names and aliases", () => {
    const s = validSheets();
    const staff = sheetOf("Staff 2015", [
      ["Ref", "Post", "Level", "Section", "Who pays"],
      ["X1", "Programme Officer", "P4", "Communications", "AEWA"],
    ]);
    const outcome = readWorkbook(gridsOf([s.Settings, s.Instruments, s.Grades, s.Rules, s.Posts, staff]), {
      Posts: { source: "Staff 2015", columns: { PostId: "Ref", Title: "Post", FundedBy: "Who pays" } },
    });
    const model = modelOf(outcome);
    expect(model.posts.map((p) => [p.id, p.title, p.grade, p.unit, p.fundedBy])).toEqual([
      ["X1", "Programme Officer", "P4", "Communications", "AEWA"],
    ]);
    expect(outcome.layout.sheets.Posts).toMatchObject({ name: "Staff 2015", fromMapping: true });
  });

  it("reads aliases per sheet: 'Budget' is a driver on Instruments and the amount on Budget", () => {
    const instruments = sheetOf("Instruments", [
      ["Acronym", "Full name", "Typology", "Number of Parties", "Budget", "Staff", "Notes"],
      ["CMS", "Convention", "Convention", 121, "2,500,000", 16, "host"],
      ["ASCOBANS", "Agreement", "Agreement", 10, 400000, 2, null],
      ["AEWA", "Agreement", "Agreement", 75, 1200000, 8, "-"],
    ]);
    const budget = sheetOf("Budget", [
      ["Budget line", "Common service", "Cost category", "Budget"],
      ["Website", "Communications", "Operational", 20000],
    ]);
    const outcome = readWorkbook(validGrids({ Instruments: instruments, Budget: budget }));
    const model = modelOf(outcome);
    expect(model.instruments[0].drivers).toEqual({ Parties: 121, Budget: 2500000, Staff: 16 });
    expect(model.budget[0]).toMatchObject({
      item: "Website",
      unit: "Communications",
      category: "Operational",
      amount: 20000,
    });
    expect(outcome.layout.sheets.Instruments?.driverColumns.map((c) => `${c.field}=${c.column}`)).toEqual([
      "Staff=F",
    ]);
  });

  it("reads per-year columns ('2015', 2016, 'Amount 2017') as amounts by year", () => {
    const budget = sheetOf("Budget", [
      ["Item", "Unit", "Category", "2015", 2016, "Amount 2017", "2015-2017"],
      ["Meeting of the Parties", "Conference", "Meetings", 0, 350000, "0", 350000],
    ]);
    const grades = sheetOf("Grades", [
      ["Grade", "Cost 2015", "Cost 2016"],
      ["P2", 100000, 102000],
      ["P4", 140000, 143000],
      ["D1", 190000, 194000],
    ]);
    const outcome = readWorkbook(validGrids({ Budget: budget, Grades: grades }));
    const model = modelOf(outcome);
    expect(model.budget[0].amountByYear).toEqual({ 2015: 0, 2016: 350000, 2017: 0 });
    expect(model.budget[0].amount).toBeUndefined();
    expect(model.grades[1]).toMatchObject({
      grade: "P4",
      cost: 140000,
      costByYear: { 2015: 140000, 2016: 143000 },
    });
    expect(outcome.layout.sheets.Budget?.yearColumns.map((c) => `${c.year}=${c.column}`)).toEqual([
      "2015=D",
      "2016=E",
      "2017=F",
    ]);
  });

  it("reads FTE as 1, 0.5, 50% or 50, and 1 when blank", () => {
    const posts = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "FTE"],
      ["A", "t", "P4", "Communications", 1],
      ["B", "t", "P4", "Communications", 0.5],
      ["C", "t", "P4", "Communications", "50%"],
      ["D", "t", "P4", "Communications", 50],
      ["E", "t", "P4", "Communications", null],
    ]);
    const model = modelOf(readWorkbook(validGrids({ Posts: posts })));
    expect(model.posts.map((p) => p.fte)).toEqual([1, 0.5, 0.5, 0.5, 1]);
  });

  it("reads Settings keys loosely, percents as 0.13, 13% or 13, and keeps defaults for the rest", () => {
    const settings = sheetOf("Settings", [
      ["Budget parameters", null],
      ["Setting", "Value"],
      ["Currency", "usd"],
      ["First year", 2018],
      ["Number of years", "3"],
      ["Annual escalation", "2%"],
      ["Programme support costs", 13],
      ["Rounding", 0.01],
      ["Support method", "Step down"],
      ["Document symbol", "UNEP/CMS/StC48/Doc.7"],
      ["Annex title", "Cost sharing of common services"],
      ["First annex number", "II"],
      ["Language", "Français"],
    ]);
    const outcome = readWorkbook(validGrids({ Settings: settings }));
    const { settings: read } = modelOf(outcome);
    expect(read).toMatchObject({
      currency: "USD",
      firstYear: 2018,
      years: 3,
      escalation: 0.02,
      psc: 0.13,
      rounding: 0.01,
      supportMethod: "step-down",
      documentSymbol: "UNEP/CMS/StC48/Doc.7",
      annexTitle: "Cost sharing of common services",
      annexStart: 2,
      language: "fr",
    });
    expect(read.sources?.psc).toEqual({ sheet: "Settings", row: 7 });
    expect(outcome.layout.sheets.Settings?.settingRows.PSC).toBe(7);
  });

  it("reads a Settings sheet of bare key/value pairs without a header", () => {
    const settings = sheetOf("Settings", [
      ["PSC", "13%"],
      ["Escalation", 0.03],
    ]);
    const { settings: read } = modelOf(readWorkbook(validGrids({ Settings: settings })));
    expect(read).toMatchObject({ psc: 0.13, escalation: 0.03, currency: "EUR", firstYear: 2015 });
  });

  it("uses every default when there is no Settings sheet", () => {
    const { settings } = modelOf(readWorkbook(validGrids({ Settings: undefined })));
    expect(settings).toMatchObject({ currency: "EUR", firstYear: 2015, years: 3, psc: 0.13, rounding: 1 });
  });

  it.each([
    ["Draft", "Draft", undefined],
    ["approved \u2014 UNEP/CMS/StC44/Doc.X", "Approved", "UNEP/CMS/StC44/Doc.X"],
    ["Submitted: UNEP/CMS/StC44/Doc.7", "Submitted", "UNEP/CMS/StC44/Doc.7"],
    ["Approuvé - UNEP/CMS/StC44/Doc.X", "Approved", "UNEP/CMS/StC44/Doc.X"],
  ])("reads the Status %j with the paper it names", (text, status, symbol) => {
    const settings = sheetOf("Settings", [
      ["Key", "Value"],
      ["Status", text],
    ]);
    const outcome = readWorkbook(validGrids({ Settings: settings }));
    expect(outcome.problems).toEqual([]);
    expect(modelOf(outcome).settings).toMatchObject({ status });
    expect(modelOf(outcome).settings.documentSymbol).toBe(symbol);
  });

  it("reports a Status it does not know, an approved run without its paper, and two papers", () => {
    const problems = (rows: (string | number)[][]) =>
      readWorkbook(validGrids({ Settings: sheetOf("Settings", [["Key", "Value"], ...rows]) })).problems.map(
        formatProblem,
      );
    expect(problems([["Status", "Final"]])).toEqual([
      "Settings!B2: Status must be Draft, Submitted or Approved (an approved run with its paper: Approved \u2014 UNEP/CMS/StC44/Doc.X), found 'Final'",
    ]);
    expect(problems([["Status", "Approved"]])).toEqual([
      "Settings!B2: An approved run names the paper that approved it: fill DocumentSymbol, or write the symbol after the status, as in Approved \u2014 UNEP/CMS/StC44/Doc.X",
    ]);
    expect(
      problems([
        ["DocumentSymbol", "UNEP/CMS/StC44/Doc.1"],
        ["Status", "Approved \u2014 UNEP/CMS/StC44/Doc.2"],
      ]),
    ).toEqual([
      "Settings!B3: Status names the paper UNEP/CMS/StC44/Doc.2, but DocumentSymbol says UNEP/CMS/StC44/Doc.1; keep one of them, or make them the same",
    ]);
  });

  it("warns about an unknown setting and still reads the workbook", () => {
    const settings = sheetOf("Settings", [
      ["Key", "Value"],
      ["Exchange rate", 1.1],
    ]);
    const outcome = readWorkbook(validGrids({ Settings: settings }));
    expect(outcome.model).toBeDefined();
    expect(outcome.problems.map(formatProblem)).toEqual([
      "Settings!A2: warning: 'Exchange rate' is not a setting this add-in knows, so it is ignored; the settings are Currency, FirstYear, Years, Escalation, PSC, Rounding, SupportMethod, DocumentSymbol, Status, AnnexTitle, AnnexStart, Language, Scenarios, Scenario",
    ]);
  });

  it("reads rules with bases, participants split on , ; / and 'and', and Min/Max as fractions", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Basis", "Participants", "Min", "Max"],
      ["Communications", "fixed", "CMS 50%; AEWA 50%", "CMS and AEWA", null, null],
      ["Conference", "driver", "Parties", "all", "1%", 22],
      ["Science", "hybrid", "40% equal + 60% Parties", "CMS; AEWA / ASCOBANS, Agreement", 0.01, 0.5],
      ["Marine", "posts", null, null, null, null],
      ["Executive", "Equal shares", null, null, null, null],
    ]);
    const model = modelOf(readWorkbook(validGrids({ Rules: rules })));
    expect(model.rules.map((r) => [r.unit, r.spec, r.participants, r.min, r.max])).toEqual([
      [
        "Communications",
        { method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } },
        ["CMS", "AEWA"],
        undefined,
        undefined,
      ],
      ["Conference", { method: "driver", driver: "Parties" }, ["all"], 0.01, 0.22],
      [
        "Science",
        {
          method: "hybrid",
          parts: [
            { weight: 0.4, basis: "equal" },
            { weight: 0.6, basis: "Parties" },
          ],
        },
        ["CMS", "AEWA", "ASCOBANS", "Agreement"],
        0.01,
        0.5,
      ],
      ["Marine", { method: "posts" }, [], undefined, undefined],
      ["Executive", { method: "equal" }, [], undefined, undefined],
    ]);
  });

  it("reads a driver named by an alias ('Number of Parties') as the canonical driver", () => {
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Basis"],
      ["Communications", "driver", "Number of Parties"],
      ["Marine", "hybrid", "50% equal + 50% annual budget"],
      ["Executive", "driver", "Staff"],
    ]);
    // Staff is a number column of this Instruments sheet, with no alias: it stays as written.
    const instruments = sheetOf("Instruments", [
      ["Code", "Name", "Type", "Parties", "Budget", "Staff"],
      ["CMS", "Convention on Migratory Species", "Convention", 121, 2500000, 20],
      ["ASCOBANS", "Agreement on Small Cetaceans", "Agreement", 10, 400000, 2],
      ["AEWA", "African-Eurasian Waterbird Agreement", "Agreement", 75, 1200000, 8],
    ]);
    const model = modelOf(readWorkbook(validGrids({ Rules: rules, Instruments: instruments })));
    expect(model.rules.map((r) => r.spec)).toEqual([
      { method: "driver", driver: "Parties" },
      {
        method: "hybrid",
        parts: [
          { weight: 0.5, basis: "equal" },
          { weight: 0.5, basis: "Budget" },
        ],
      },
      { method: "driver", driver: "Staff" },
    ]);
  });

  it("reads support links and a baseline", () => {
    const support = sheetOf("Support", [
      ["Provider", "Receiver", "Share"],
      ["Administration", "Communications", "60%"],
      ["Administration", "Conference", 40],
    ]);
    const baseline = sheetOf("Baseline", [
      ["Instrument", "Item", "Category", "Grade", "FTE", "Cost"],
      ["CMS", "Information officer", "Staff", "P3", 2, null],
      ["AEWA", "Website", "Operational", null, null, "€15,000"],
    ]);
    const model = modelOf(readWorkbook(validGrids({ Support: support, Baseline: baseline })));
    expect(model.support.map((s) => [s.provider, s.receiver, s.share, s.source.row])).toEqual([
      ["Administration", "Communications", 0.6, 2],
      ["Administration", "Conference", 0.4, 3],
    ]);
    expect(model.baseline).toEqual([
      {
        instrument: "CMS",
        item: "Information officer",
        category: "Staff",
        grade: "P3",
        fte: 2,
        source: { sheet: "Baseline", row: 2 },
      },
      {
        instrument: "AEWA",
        item: "Website",
        category: "Operational",
        cost: 15000,
        source: { sheet: "Baseline", row: 3 },
      },
    ]);
  });

  it("needs no Rules sheet when every post carries its own split", () => {
    const posts = sheetOf("Posts", [
      ["PostId", "Title", "Grade", "Unit", "CMS", "ASCOBANS"],
      ["P2", "Associate Programme Officer", "P2", "Marine", 25, 75],
    ]);
    const outcome = readWorkbook(validGrids({ Posts: posts, Rules: undefined }));
    expect(outcome.problems).toEqual([]);
    expect(modelOf(outcome).rules).toEqual([]);
  });
});

describe("readWorkbook mapping", () => {
  it("ignores the malformed parts of a mapping read back from the workbook", () => {
    const mapping = JSON.parse(
      '{"Posts":{"source":42,"columns":{"Unit":7,"Title":"","PostId":"PostId"}},"Rules":null,"Grades":"x"}',
    ) as Parameters<typeof readWorkbook>[1];
    const outcome = readWorkbook(validGrids(), mapping);
    expect(outcome.problems).toEqual([]);
    expect(outcome.model?.posts).toHaveLength(4);
  });
});
