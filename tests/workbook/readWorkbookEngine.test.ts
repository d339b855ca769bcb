import { computeAllocation } from "../../src/engine/computeAllocation";
import { formatProblem } from "../../src/workbook/formatProblem";
import { locateProblem } from "../../src/workbook/locateProblem";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { sheetOf, tableOf, gridsOf, validGrids, validSheets } from "./gridsOf";

/** Reads grids, runs the engine on the model, and returns the engine's problems located and formatted. */
function engineProblems(grids: ReturnType<typeof validGrids>): string[] {
  const outcome = readWorkbook(grids);
  expect(outcome.problems.filter((p) => p.severity === "error")).toEqual([]);
  if (outcome.model === undefined) throw new Error("no model");
  const result = computeAllocation(outcome.model);
  if (result.ok) return [];
  return result.problems.map((p) => formatProblem(locateProblem(p, outcome.layout)));
}

describe("readWorkbook with computeAllocation", () => {
  it("allocates the seed's CMS/ASCOBANS splits read from the sheets, shares adding up to each total", () => {
    const outcome = readWorkbook(validGrids());
    if (outcome.model === undefined) throw new Error("no model");
    const result = computeAllocation(outcome.model);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const { allocation } = result;
    const n = allocation.instruments.length;
    const p2 = allocation.lines.find((l) => l.id === "P-1");
    expect(p2).toBeDefined();
    if (p2 === undefined) return;
    const cms = allocation.instruments.indexOf("CMS");
    const ascobans = allocation.instruments.indexOf("ASCOBANS");
    // P2 at 100,000 a year: 25% CMS, 75% ASCOBANS.
    expect(p2.shares[cms]).toBe(25000);
    expect(p2.shares[ascobans]).toBe(75000);
    for (let y = 0; y < allocation.years.length; y++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += p2.shares[y * n + i];
      expect(sum).toBe(p2.totals[y]);
    }
  });

  it("gives the engine's problems the cells of the fields they concern", () => {
    const instruments = sheetOf("Instruments", [
      ["Code", "Name", "Number of Parties"],
      ["CMS", "Convention", 121],
      ["ASCOBANS", "Agreement", null],
      ["AEWA", "Agreement", 75],
    ]);
    const rules = sheetOf("Rules", [
      ["Unit", "Method", "Basis", "Participants"],
      ["Communications", "driver", "Parties", "all"],
      ["Marine", "posts", null, null],
      ["Executive", "posts", null, null],
      ["Outreach", "equal", null, "CMS, AEWA"],
    ]);
    const posts = sheetOf(
      "Posts",
      [
        ["Staffing table", null],
        ["PostId", "Title", "Grade", "Unit", "FTE", "Cost", "FundedBy", "CMS", "ASCOBANS"],
        ["P-1", "Associate Programme Officer", "P2", "Marine", 1, null, "ASCOBANS", 0.25, 0.75],
        ["P-2", "Programme Officer", "P4", "Marine", 1, null, "CMS", 0.85, 0.15],
        ["P-3", "Executive Secretary", "D1", "Executive", 1, null, "CMS", 0.97, 0.03],
        ["P-4", "Communications Officer", "P4", "Communications", 0.5, null, "CMS", null, null],
      ],
      1,
      2,
    );
    const problems = engineProblems(validGrids({ Instruments: instruments, Rules: rules, Posts: posts }));
    // Each engine problem lands on the cell of its field: Parties in C, Unit in A. (A post's unknown
    // grade or funder is found as the sheets are read: readWorkbookProblems.test.ts.)
    expect(problems).toEqual([
      "Instruments!C3: Instrument 'ASCOBANS' has no Parties figure, which the rule of unit 'Communications' needs.",
      "Rules!A5: warning: Unit 'Outreach' has a rule but no posts or budget lines, so the rule is not used.",
    ]);
  });

  it("locates the engine's problems in a table on another worksheet", () => {
    const s = validSheets();
    const table = tableOf(
      "tblPosts",
      "Staffing",
      [
        ["PostId", "Title", "Grade", "Unit", 2015, 2016],
        ["P-9", "Programme Officer", null, "Communications", 100000, null],
      ],
      3,
      4,
    );
    const problems = engineProblems(
      gridsOf([s.Settings, s.Instruments, s.Grades, s.Rules, sheetOf("Staffing", [])], [table]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Staffing!I4: Post 'P-9' has no cost for 2016/)]),
    );
  });
});
