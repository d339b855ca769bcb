import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { buildOptionsSheet } from "../../src/workbook/buildOptionsSheet";
import { buildOutputSheets } from "../../src/workbook/buildOutputSheets";
import { formatProblem } from "../../src/workbook/formatProblem";
import type { OutputSheet, WorkbookGrids } from "../../src/workbook/grid";
import { planRun } from "../../src/workbook/planRun";
import { toResultJson } from "../../src/workbook/toResultJson";
import type { Allocation } from "../../src/engine/result";
import { evaluateFormulas } from "./fixtures/evaluateFormulas";
import { formulaMismatches } from "./fixtures/formulaMismatches";
import { HAND_OPTIONS, handOptionsGrids, handOptionsSheets } from "./fixtures/handOptions";
import { sheetOf } from "./gridsOf";

const run = { time: new Date("2026-12-01T12:00:00Z"), version: "0.1.0", fingerprint: "a".repeat(64) };
const CODES = ["CMS", "AEWA", "EUROBATS"];

function allocationOf(grids = handOptionsGrids()): Allocation {
  const analysis = analyseWorkbook(grids);
  if (analysis.allocation === undefined) throw new Error(analysis.problems.map(formatProblem).join("\n"));
  return analysis.allocation;
}

/** The cell values of a sheet by row, as a reader sees them (formulas give their stored value). */
function rowsOf(sheet: OutputSheet): unknown[][] {
  return sheet.cells.map((row) => row.map((c) => c?.v ?? null));
}

describe("Options sheet", () => {
  const sheet = buildOptionsSheet(allocationOf(), run);
  const rows = rowsOf(sheet);

  it("lists every option and instrument with the figures worked by hand", () => {
    expect(rows[3]).toEqual([
      "Option",
      "Instrument",
      "Direct costs",
      "Programme support costs (10%)",
      "Total",
      "Savings against baseline",
      "Staff time (FTE)",
      "Difference from Status quo",
      "Check (0 = adds up)",
    ]);
    HAND_OPTIONS.forEach((option, k) => {
      CODES.forEach((code, i) => {
        const row = rows[4 + k * 4 + i];
        expect(row.slice(0, 6)).toEqual([
          option.name,
          code,
          option.direct[i],
          option.psc[i],
          option.total[i],
          option.savings[i],
        ]);
        // Staff time in hundredths, as the annex shows it: within a hundredth of the exact figure.
        expect(Math.abs((row[6] as number) - option.fte[i])).toBeLessThan(0.01);
        expect(Number.isInteger(Math.round((row[6] as number) * 1e6) / 1e4)).toBe(true);
        expect(row[7]).toBe(option.total[i] - HAND_OPTIONS[0].total[i]);
        expect(row[8]).toBe(0);
      });
    });
  });

  it("closes each option with its totals, and the difference of its total from the first option", () => {
    const totals = [4 + 3, 4 + 7, 4 + 11].map((r) => rows[r].slice(0, 6).concat(rows[r][7]));
    expect(totals).toEqual([
      ["Status quo", "Total", 370000, 37000, 407000, 0, 0],
      ["Pilot", "Total", 360000, 36000, 396000, 10000, -11000],
      ["Joint secretariat", "Total", 210000, 21000, 231000, 160000, -176000],
    ]);
  });

  it("proves itself: every total and difference is a live formula, and every check recalculates to 0", () => {
    expect(formulaMismatches(sheet)).toEqual([]);
    const values = evaluateFormulas(sheet);
    expect(values.get("H12")).toBe(-16500 + 5500 + 0);
    expect(sheet.cells[15][7]?.f).toBe("SUM(H13:H15)");
    expect(sheet.cells[12][7]?.f).toBe("E13-E5");
  });

  it("catches a figure typed over: the check of its row shows the gap", () => {
    const tampered = { ...sheet, cells: sheet.cells.map((r) => r.map((c) => (c ? { ...c } : c))) };
    const cell = tampered.cells[8][4];
    if (cell) cell.v = 100000; // Pilot, CMS total typed over
    const values = evaluateFormulas(tampered);
    expect(values.get("I9")).toBe(100000 - 145000 - 14500);
  });

  it("says which option the other sheets show, and how the difference reads", () => {
    const notes = rows.slice(-3).map((r) => r[0]);
    expect(notes[0]).toBe(
      "Allocation, Savings, Settlement and the Annex show option 'Status quo' (Settings: Scenario).",
    );
    expect(notes[2]).toContain("the same instrument's total in option 'Status quo'");
  });

  it("leaves savings blank for an instrument without a baseline, and adds up the others", () => {
    const baseline = handOptionsSheets().Baseline.rows.filter((r) => r[0] !== "EUROBATS");
    const a = allocationOf(handOptionsGrids({ Baseline: sheetOf("Baseline", baseline) }));
    const s = buildOptionsSheet(a, run);
    const r = rowsOf(s);
    expect(r[4 + 4 + 2][5]).toBeNull();
    expect(r[4 + 4 + 3][5]).toBe(15000 - 5000);
    expect(formulaMismatches(s)).toEqual([]);
  });
});

describe("output sheets of a workbook with options", () => {
  it("writes Options after Settlement, and the Allocation of the option the Scenario setting names", () => {
    const settings = handOptionsSheets().Settings.rows.concat([["Scenario", "pilot"]]);
    const a = allocationOf(handOptionsGrids({ Settings: sheetOf("Settings", settings) }));
    const sheets = buildOutputSheets(a, run);
    expect(sheets.map((s) => s.name)).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Options",
      "Annex",
      "Log",
    ]);
    const options = rowsOf(sheets[3]);
    expect(options.slice(-3)[0][0]).toContain("show option 'Pilot'");
    expect(a.grandTotal.total).toEqual([396000]);
  });

  it("writes no Options sheet without a Scenario column", () => {
    const posts = handOptionsSheets()
      .Posts.rows.filter((r) => r[8] === null || r[8] === "Scenario")
      .map((r) => r.slice(0, 8));
    const a = allocationOf(
      handOptionsGrids({
        Settings: sheetOf("Settings", handOptionsSheets().Settings.rows.slice(0, 5)),
        Posts: sheetOf("Posts", posts),
        Budget: undefined,
        Rules: sheetOf("Rules", [
          ["Unit", "Method"],
          ["Communication", "equal"],
        ]),
      }),
    );
    expect(buildOutputSheets(a, run).map((s) => s.name)).not.toContain("Options");
    expect(toResultJson(a)).not.toHaveProperty("scenarios");
    expect(toResultJson(a)).not.toHaveProperty("scenario");
  });

  it("replaces the Options sheet an earlier run wrote, when the workbook no longer has options, and leaves the officer's own", () => {
    const withoutOptions = (): WorkbookGrids => {
      const grids = handOptionsGrids({
        Settings: sheetOf("Settings", handOptionsSheets().Settings.rows.slice(0, 5)),
        Posts: sheetOf(
          "Posts",
          handOptionsSheets()
            .Posts.rows.filter((r) => r[8] === null || r[8] === "Scenario")
            .map((r) => r.slice(0, 8)),
        ),
        Budget: undefined,
        Rules: sheetOf("Rules", [
          ["Unit", "Method"],
          ["Communication", "equal"],
        ]),
      });
      grids.sheets.push(sheetOf("Options", [["Options compared"], ["Generated by ..."]]));
      return grids;
    };
    const ours = withoutOptions();
    ours.ownedSheets = ["Options"];
    const plan = planRun({ allocation: allocationOf(ours) }, ours, run.time);
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Options",
      "Changes",
      "Annex",
      "Log",
      "Run records",
    ]);
    const retired = plan.sheets.find((s) => s.name === "Options");
    expect(
      rowsOf(retired as OutputSheet)
        .flat()
        .filter((v) => typeof v === "number"),
    ).toEqual([]);
    expect(rowsOf(retired as OutputSheet)[3][0]).toMatch(/^This run compares no options/);

    const theirs = withoutOptions();
    const mine = planRun({ allocation: allocationOf(theirs) }, theirs, run.time);
    expect(mine.sheets.map((s) => s.name)).not.toContain("Options");
  });

  it("refuses a sheet of the officer's named Options only when the workbook has options", () => {
    const mine = sheetOf("options", [["My notes"]]);
    const withOptions = analyseWorkbook({
      ...handOptionsGrids(),
      sheets: [...handOptionsGrids().sheets, mine],
    });
    expect(withOptions.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^options!A1: This workbook already has a sheet named 'options'/),
    ]);
    const grids = handOptionsGrids();
    grids.sheets = grids.sheets.map((s) =>
      s.name === "Settings" ? sheetOf("Settings", s.rows.slice(0, 5)) : s,
    );
    grids.sheets = grids.sheets
      .filter((s) => s.name !== "Budget")
      .map((s) =>
        s.name === "Posts"
          ? sheetOf(
              "Posts",
              s.rows.filter((r) => r[8] === null || r[8] === "Scenario").map((r) => r.slice(0, 8)),
            )
          : s.name === "Rules"
            ? sheetOf("Rules", [
                ["Unit", "Method"],
                ["Communication", "equal"],
              ])
            : s,
      );
    grids.sheets.push(mine);
    expect(analyseWorkbook(grids).problems).toEqual([]);
  });
});

describe("RESULT.json of a workbook with options", () => {
  const result = toResultJson(allocationOf());

  it("lists every option in order with its instrument totals, grand total and savings", () => {
    expect(result.scenarios?.map((s) => s.name)).toEqual(HAND_OPTIONS.map((o) => o.name));
    HAND_OPTIONS.forEach((option, k) => {
      const scenario = result.scenarios?.[k];
      expect(Object.keys(scenario ?? {})).toEqual(["name", "instrumentTotals", "grandTotal", "savings"]);
      CODES.forEach((code, i) => {
        expect(scenario?.instrumentTotals[code]).toEqual({
          byYear: { "2025": option.direct[i] },
          byCategory: expect.any(Object) as unknown,
          direct: option.direct[i],
          psc: option.psc[i],
          total: option.total[i],
        });
        expect(scenario?.savings[code]?.savings).toBe(option.savings[i]);
      });
      const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
      expect(scenario?.grandTotal).toEqual({
        direct: sum(option.direct),
        psc: sum(option.psc),
        total: sum(option.total),
      });
    });
  });

  it("keeps the top-level keys those of the option written, named, with scenarios after them, then the run's status", () => {
    expect(result.grandTotal.total).toBe(407000);
    expect(result.scenario).toBe(HAND_OPTIONS[0].name);
    expect(result.instrumentTotals).toEqual(result.scenarios?.[0].instrumentTotals);
    expect(Object.keys(result).slice(0, 10)).toEqual([
      "currency",
      "years",
      "instruments",
      "units",
      "instrumentTotals",
      "savings",
      "settlement",
      "grandTotal",
      "scenario",
      "scenarios",
    ]);
    expect(Object.keys(result)[10]).toBe("status");
  });

  it("names the option written when the Scenario setting chooses another than the first", () => {
    const settings = handOptionsSheets().Settings;
    const pilot = toResultJson(
      allocationOf(
        handOptionsGrids({ Settings: sheetOf("Settings", [...settings.rows, ["Scenario", "Pilot"]]) }),
      ),
    );
    expect(pilot.scenario).toBe("Pilot");
    expect(pilot.instrumentTotals).toEqual(pilot.scenarios?.[1].instrumentTotals);
    expect(pilot.instrumentTotals).not.toEqual(pilot.scenarios?.[0].instrumentTotals);
  });
});
