import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { formatProblem } from "../../src/workbook/formatProblem";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import type { CellValue } from "../../src/workbook/grid";
import { handOptionsGrids, handOptionsSheets } from "./fixtures/handOptions";
import { sheetOf } from "./gridsOf";

/** Every problem of a full analysis, as `Sheet!A1: message` ("warning: " marks a warning). */
function problemsOf(grids: ReturnType<typeof handOptionsGrids>): string[] {
  return analyseWorkbook(grids).problems.map(formatProblem);
}

/** The hand-worked workbook's Settings with other rows after Key/Value. */
function settings(...rows: CellValue[][]) {
  return sheetOf("Settings", [
    ["Key", "Value"],
    ["Currency", "EUR"],
    ["FirstYear", 2025],
    ["Years", 1],
    ["PSC", 0.1],
    ...rows,
  ]);
}

/** The Posts sheet of the hand-worked workbook with one cell changed (row and column as on the sheet). */
function postsWith(row: number, col: number, value: CellValue) {
  const rows = handOptionsSheets().Posts.rows.map((r) => [...r]);
  rows[row - 1][col - 1] = value;
  return sheetOf("Posts", rows);
}

describe("readWorkbook with options", () => {
  it("reads the options of each row and the Settings list, in order", () => {
    const { model, problems } = readWorkbook(handOptionsGrids());
    expect(problems).toEqual([]);
    expect(model?.settings.scenarios).toEqual(["Status quo", "Pilot", "Joint secretariat"]);
    expect(model?.posts.map((p) => p.scenarios)).toEqual([
      ["Status quo", "Pilot"],
      ["Status quo", "Pilot"],
      ["status quo", "pilot"],
      ["Joint secretariat"],
      undefined,
      ["Status quo"],
    ]);
    expect(model?.budget[0].scenarios).toEqual(["Pilot", "Joint secretariat"]);
    expect(model?.rules.map((r) => r.scenarios?.join("|"))).toEqual([
      "Status quo|Pilot",
      "Joint secretariat",
      "Status quo",
      "Pilot",
      "Joint secretariat",
    ]);
  });

  it("takes the options in the order the sheets first name them when Settings does not list them", () => {
    const { model } = readWorkbook(handOptionsGrids({ Settings: settings() }));
    expect(model?.settings.scenarios).toEqual(["Status quo", "Pilot", "Joint secretariat"]);
  });

  it("reads the column under its aliases, and a Support sheet's options", () => {
    const posts = handOptionsSheets().Posts.rows.map((r, k) =>
      k === 0 ? [...r.slice(0, 8), "Scenarios"] : r,
    );
    const support = sheetOf("Support", [
      ["Provider", "Receiver", "Share", "Options"],
      ["Administration", "Executive", 1, "Joint secretariat"],
    ]);
    const extra = sheetOf("Budget", [
      ["Item", "Unit", "Category", "Amount", "Option"],
      ["Common website", "Communication", "Operational", 30000, "Pilot; Joint secretariat"],
      ["Finance assistant", "Administration", "Staff", 10000, "Joint secretariat"],
    ]);
    const { model, problems } = readWorkbook(
      handOptionsGrids({ Posts: sheetOf("Posts", posts), Support: support, Budget: extra }),
    );
    expect(problems).toEqual([]);
    expect(model?.posts[0].scenarios).toEqual(["Status quo", "Pilot"]);
    expect(model?.support[0].scenarios).toEqual(["Joint secretariat"]);
  });

  it("allocates every option and writes the first by default", () => {
    const analysis = analyseWorkbook(handOptionsGrids());
    expect(analysis.problems).toEqual([]);
    expect(analysis.allocation?.scenario).toBe("Status quo");
    expect(analysis.allocation?.scenarios?.map((s) => s.allocation.grandTotal.total[0])).toEqual([
      407000, 396000, 231000,
    ]);
  });

  it("writes the option the Scenario setting names, in the list's spelling", () => {
    const grids = handOptionsGrids({
      Settings: settings(["Scenarios", "Status quo; Pilot; Joint secretariat"], ["Scenario", "  PILOT "]),
    });
    const analysis = analyseWorkbook(grids);
    expect(analysis.read.model?.settings.scenario).toBe("Pilot");
    expect(analysis.allocation?.scenario).toBe("Pilot");
    expect(analysis.allocation?.grandTotal.total).toEqual([396000]);
  });

  it("reports a name that is not in the list at its cell, with the list", () => {
    const problems = problemsOf(handOptionsGrids({ Posts: postsWith(3, 9, "Status quo; Pilott") }));
    expect(problems).toEqual([
      "Posts!I3: 'Pilott' is not one of the options listed in Settings (Scenarios: Status quo; Pilot; Joint secretariat); type one of them, or add it to the list",
    ]);
  });

  it("warns at a name written once, close to a name written more, when Settings does not list the options", () => {
    const { problems } = readWorkbook(
      handOptionsGrids({ Settings: settings(), Posts: postsWith(3, 9, "Status quo; Pilt") }),
    );
    expect(problems.map(formatProblem)).toEqual([
      "Posts!I3: warning: Option 'Pilt' is named only here, and is close to 'Pilot' (named in 5 cells): if it is a slip, correct it. Without a Scenarios list in Settings every name is an option; list them there to have each name checked.",
    ]);
    // With the list, the name is simply not one of the options (an error, as above); with no near name, no warning.
    expect(readWorkbook(handOptionsGrids({ Settings: settings() })).problems).toEqual([]);
  });

  it("reports a Scenario setting that names no option at its cell", () => {
    const unknown = problemsOf(
      handOptionsGrids({
        Settings: settings(["Scenarios", "Status quo; Pilot; Joint secretariat"], ["Scenario", "Merger"]),
      }),
    );
    expect(unknown).toEqual([
      "Settings!B7: Scenario names option 'Merger', which is not one of the options (Status quo; Pilot; Joint secretariat)",
    ]);
    const plain = readWorkbook(
      handOptionsGrids({
        Settings: settings(["Scenario", "Pilot"]),
        Posts: sheetOf(
          "Posts",
          handOptionsSheets().Posts.rows.map((r) => r.slice(0, 8)),
        ),
        Budget: undefined,
        Rules: sheetOf("Rules", [
          ["Unit", "Method", "Basis"],
          ["Executive", "equal", null],
          ["Communication", "equal", null],
        ]),
      }),
    );
    expect(plain.problems.map(formatProblem)).toEqual([
      "Settings!B6: Scenario names option 'Pilot', but the workbook has no options: name them in a Scenario column of Posts, Budget, Rules or Support, or clear this setting",
    ]);
  });

  it("reports a Scenarios list that names an option twice, or none", () => {
    const twice = readWorkbook(
      handOptionsGrids({ Settings: settings(["Scenarios", "Status quo; Pilot; pilot "]) }),
    );
    expect(twice.problems.map(formatProblem)[0]).toBe(
      "Settings!B6: Scenarios names option 'pilot' twice; list each option once",
    );
    const none = readWorkbook(handOptionsGrids({ Settings: settings(["Scenarios", " ; ,"]) }));
    expect(none.problems.map(formatProblem)).toEqual([
      "Settings!B6: Scenarios must list the options' names separated by ';', such as 'Status quo; Pilot', found '; ,'",
    ]);
  });

  it("warns when Settings lists options that no row names", () => {
    const posts = sheetOf(
      "Posts",
      handOptionsSheets().Posts.rows.map((r) => r.slice(0, 8)),
    );
    const rules = sheetOf("Rules", [
      ["Unit", "Method"],
      ["Executive", "equal"],
      ["Communication", "equal"],
    ]);
    const { problems } = readWorkbook(handOptionsGrids({ Posts: posts, Rules: rules, Budget: undefined }));
    expect(problems.map(formatProblem)).toEqual([
      "Settings!B6: warning: Scenarios lists 3 options, but no Posts, Budget, Rules or Support row names one in a Scenario column, so every option has the same figures",
    ]);
  });

  it("reports a Scenario cell that names no option", () => {
    expect(problemsOf(handOptionsGrids({ Posts: postsWith(7, 9, " ; ") }))).toEqual([
      "Posts!I7: Scenario names no option, found ';'; type the options the row holds in, separated by ';', or leave it blank for every option",
    ]);
    expect(problemsOf(handOptionsGrids({ Posts: postsWith(7, 9, true) }))).toEqual([
      "Posts!I7: Scenario must be text, found TRUE",
    ]);
  });

  it("lets a PostId come back only for other options", () => {
    const rows = handOptionsSheets().Posts.rows.map((r) => [...r]);
    rows[4][0] = "ES-CMS"; // the joint Executive Secretary takes the CMS post's number: other options, no clash
    expect(problemsOf(handOptionsGrids({ Posts: sheetOf("Posts", rows) }))).toEqual([]);
    rows[6][0] = "ES-CMS"; // the AEWA communication post, in Status quo: clashes with row 2
    expect(problemsOf(handOptionsGrids({ Posts: sheetOf("Posts", rows) }))).toEqual([
      "Posts!A7: PostId 'ES-CMS' is used twice in option 'Status quo': also on row 2; give each post its own number",
    ]);
    rows[6][8] = null; // now in every option: clashes with row 2 in Status quo and Pilot
    expect(problemsOf(handOptionsGrids({ Posts: sheetOf("Posts", rows) }))).toEqual([
      "Posts!A7: PostId 'ES-CMS' is used twice in options 'Status quo' and 'Pilot': also on row 2; give each post its own number",
    ]);
  });

  it("lets a unit have another rule only for other options", () => {
    const rows = handOptionsSheets().Rules.rows.map((r) => [...r]);
    rows[4][4] = "Pilot; Status quo"; // row 5 now meets row 4 in Status quo
    expect(problemsOf(handOptionsGrids({ Rules: sheetOf("Rules", rows) }))).toEqual([
      "Rules!A5: Unit 'Communication' has two rules in option 'Status quo': also on row 4; keep one",
    ]);
  });

  it("names the option where a unit with costs has no rule, at the unit's first line", () => {
    const rows = handOptionsSheets().Rules.rows.filter((r) => r[4] !== "Pilot");
    expect(problemsOf(handOptionsGrids({ Rules: sheetOf("Rules", rows) }))).toEqual([
      "Posts!D6: In option 'Pilot', unit 'Communication' has costs but no rule in the Rules sheet, and not all of its posts carry their own split: add a rule for it in the Rules sheet, or give each of its posts its own split.",
    ]);
  });
});
