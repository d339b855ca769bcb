import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyRuleDrafts } from "../../src/taskpane/applyRuleDrafts";
import { browserSession } from "../../src/taskpane/browserSession";
import { computeOptions } from "../../src/engine/computeOptions";
import { scenarioModel } from "../../src/engine/scenarioModel";
import { corePipeline } from "../../src/taskpane/corePipeline";
import { exactAllocation } from "../engine/exactAllocation";
import { initialDrafts } from "../../src/taskpane/initialDrafts";
import { rulesCells } from "../../src/taskpane/rulesCells";
import { settingsCells } from "../../src/taskpane/settingsCells";
import { adjustFor } from "../../src/taskpane/withOption";

const SAMPLE = join(__dirname, "../../assets/cms-family-sample.xlsx");

async function openSample() {
  const session = await browserSession("cms-family-sample.xlsx", readFileSync(SAMPLE));
  const grids = await session.port.readInputs();
  return { session, grids, read: corePipeline.read(grids, {}) };
}

describe("corePipeline", () => {
  it("reads the sample workbook with no blocking problem and finds every required sheet", async () => {
    const { read } = await openSample();
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.model).toBeDefined();
    for (const name of ["Instruments", "Posts", "Rules"]) {
      expect(read.sheets.find((s) => s.name === name)?.found).toBeDefined();
    }
    expect(read.rules?.columns.Unit).toBeDefined();
    expect(read.rules?.columns.Method).toBeDefined();
  });

  it("gives an option chosen in the pane its scales of contributions, as the CLI with that Scenario (found by a pane trial)", async () => {
    const { grids } = await openSample();
    // The sample writes the joint secretariat; the officer picks the status quo in Compare.
    const chosen = corePipeline.analyse(grids, {}, adjustFor(undefined, "status quo"));
    expect(chosen.allocation?.scenario).toBe("Status quo");
    expect(chosen.model?.settings.scenario).toBe("Status quo");
    const scales = chosen.allocation?.contributions ?? [];
    expect(scales.map((c) => c.instrument)).toEqual(["AEWA", "ASCOBANS"]);
    // ASCOBANS shares its total with PSC in the option written: the status quo's, not the joint secretariat's.
    const ascobans = chosen.allocation!.instrumentTotals.find((t) => t.code === "ASCOBANS")!;
    expect(scales[1].amount).toEqual(ascobans.total);
    const written = corePipeline.analyse(grids, {}).allocation!;
    const jointAscobans = written.instrumentTotals.find((t) => t.code === "ASCOBANS")!;
    expect(jointAscobans.total).not.toEqual(ascobans.total);
    // As the CLI computes the workbook whose Settings name the status quo.
    const settings = grids.sheets.find((s) => s.name === "Settings")!;
    const row = settings.rows.findIndex((r) => r[0] === "Scenario");
    const cli = structuredClone(grids);
    cli.sheets.find((s) => s.name === "Settings")!.rows[row][1] = "Status quo";
    const byCli = corePipeline.analyse(cli, {}).allocation!;
    expect(chosen.allocation?.contributions).toEqual(byCli.contributions);
    expect(chosen.allocation?.grandTotal).toEqual(byCli.grandTotal);
  });

  it("previews the same allocation from unchanged drafts as from the sheet", async () => {
    const { grids, read } = await openSample();
    const model = read.model!;
    const drafts = initialDrafts(model);
    const applied = applyRuleDrafts(model, drafts, corePipeline.parseBasis, read.rules!.sheet);
    expect(applied.problems).toEqual([]);
    const fromDrafts = corePipeline.analyse(grids, {}, () => applied.model!).allocation;
    const fromSheet = corePipeline.analyse(grids, {}).allocation;
    expect(fromDrafts && fromSheet).toBeDefined();
    expect(fromDrafts?.grandTotal).toEqual(fromSheet?.grandTotal);
    expect(fromDrafts?.instrumentTotals).toEqual(fromSheet?.instrumentTotals);
  });

  it("writes an edited rule into the Rules sheet of the file so that reading it again gives the previewed figures", async () => {
    const { session, grids, read } = await openSample();
    const model = read.model!;
    const drafts = initialDrafts(model);
    const i = drafts.findIndex((d) => d.method !== "" && d.method !== "equal" && d.row !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const edited = drafts.map((d, k) => (k === i ? { ...d, method: "equal" as const, basis: "" } : d));
    const applied = applyRuleDrafts(model, edited, corePipeline.parseBasis, read.rules!.sheet);
    const preview = corePipeline.analyse(grids, {}, () => applied.model!).allocation;
    await session.writeRules(read.rules!.sheet, rulesCells(read.rules!, edited, drafts));
    const againGrids = await session.port.readInputs();
    const again = corePipeline.read(againGrids, {});
    expect(again.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(again.model!.rules.find((r) => r.unit === drafts[i].unit)?.spec).toEqual({ method: "equal" });
    const rerun = corePipeline.analyse(againGrids, {}).allocation;
    expect(preview && rerun).toBeDefined();
    expect(rerun?.grandTotal).toEqual(preview?.grandTotal);
    expect(rerun?.instrumentTotals).toEqual(preview?.instrumentTotals);
  });

  it("sets the status and paper in the Settings sheet, records an approved run, and then asks before changing its figures", async () => {
    const { session, read } = await openSample();
    await session.writeRules(
      read.settings!.sheet,
      settingsCells(read.settings!, { status: "Approved", documentSymbol: "UNEP/CMS/StC44/Doc.X" }),
    );
    const approvedGrids = await session.port.readInputs();
    const approved = corePipeline.analyse(approvedGrids, {});
    expect(approved.allocation?.settings).toMatchObject({
      status: "Approved",
      documentSymbol: "UNEP/CMS/StC44/Doc.X",
    });
    expect(approved.problems.filter((p) => p.severity === "error")).toEqual([]);
    const first = await corePipeline.plan(
      { ...approved, allocation: approved.allocation! },
      approvedGrids,
      new Date(),
    );
    expect(first.run).toBe(1);
    await session.port.writeOutputs(first.sheets);

    // A new draft with another PSC rate: the review says which approved figures would change.
    const after = await session.port.readInputs();
    const draft = corePipeline.read(after, {});
    await session.writeRules(draft.settings!.sheet, [
      ...settingsCells(draft.settings!, { status: "Draft", documentSymbol: "UNEP/CMS/StC44/Doc.X" }),
      { row: draft.settings!.rows.PSC!, col: draft.settings!.valueColumn, value: 0.07, format: "0%" },
    ]);
    const next = await session.port.readInputs();
    const outcome = corePipeline.analyse(next, {});
    const review = await corePipeline.review({ ...outcome, allocation: outcome.allocation! });
    expect(review.run).toBe(2);
    expect(review.approvedChanges?.[0]).toMatch(
      /^Run 1 of .* was approved \(UNEP\/CMS\/StC44\/Doc\.X\)\. This run would change its figures:$/,
    );
    const c = review.comparison.previous;
    expect(c?.outcome.ok && c.outcome.attribution.steps.map((s) => s.causes)).toEqual([["psc"]]);
    expect(
      (await corePipeline.plan({ ...outcome, allocation: outcome.allocation! }, next, new Date())).supersedes
        ?.run,
    ).toBe(1);

    // The new figures marked Approved under the paper that approved run 1's: the write is refused, at Status.
    const nextRead = corePipeline.read(next, {});
    await session.writeRules(
      nextRead.settings!.sheet,
      settingsCells(nextRead.settings!, { status: "Approved", documentSymbol: "UNEP/CMS/StC44/Doc.X" }),
    );
    const restatedGrids = await session.port.readInputs();
    const restated = corePipeline.analyse(restatedGrids, {});
    const refused = await corePipeline.plan(
      { ...restated, allocation: restated.allocation! },
      restatedGrids,
      new Date(),
    );
    expect(refused.restated?.message).toMatch(
      /^Status says Approved under UNEP\/CMS\/StC44\/Doc\.X, but run 1 was approved under that symbol with other figures\./,
    );
    expect(corePipeline.read(restatedGrids, {}).locate?.(refused.restated!)).toMatchObject({
      sheet: "Settings",
      cell: expect.stringMatching(/^B\d+$/),
    });
  });

  it("finds what the CLI finds: a sheet of the officer's named like an output is a problem before anything runs", async () => {
    const { grids } = await openSample();
    const withSavings = {
      ...grids,
      sheets: [...grids.sheets, { name: "Savings", firstRow: 1, firstCol: 1, rows: [["My own notes"]] }],
    };
    const outcome = corePipeline.analyse(withSavings, {});
    expect(outcome.allocation).toBeUndefined();
    expect(outcome.problems).toEqual([
      expect.objectContaining({ severity: "error", sheet: "Savings", cell: "A1" }),
    ]);
  });

  it("builds the output sheets (Options: the sample compares four options; Contributions with its Parties) and keeps the Log of an earlier run", async () => {
    const { session, grids, read } = await openSample();
    const outcome = corePipeline.analyse(grids, {});
    if (!outcome.allocation) throw new Error("the sample should allocate");
    const sheets = await corePipeline.outputs(outcome.allocation, grids, new Date("2026-01-01T00:00:00Z"));
    const hasParties = read.model?.parties !== undefined;
    expect(sheets.map((s) => s.name)).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Options",
      ...(hasParties ? ["Contributions"] : []),
      "Annex",
      "Log",
    ]);
    await session.port.writeOutputs(sheets);
    const after = await session.port.readInputs();
    expect(after.ownedSheets.map((s) => s.toLowerCase())).toContain("log");
    const second = await corePipeline.outputs(outcome.allocation, after, new Date("2026-01-02T00:00:00Z"));
    const log = second.find((s) => s.name === "Log")!;
    const firstLog = sheets.find((s) => s.name === "Log")!;
    expect(log.cells.length).toBe(firstLog.cells.length + 1);
  });

  it("shows an instrument an option does not change with the same figures in that option as in the first", async () => {
    const { read } = await openSample();
    const model = read.model!;
    const outcome = computeOptions(model);
    if (!outcome.ok) throw new Error("the sample must compute");
    const [first, ...others] = outcome.allocation.scenarios!;
    const exactFirst = exactAllocation(scenarioModel(model, first.name), first.allocation);
    const n = first.allocation.instruments.length;
    const Y = first.allocation.years.length;
    const period = (t: { direct: number[]; psc: number[]; total: number[] }) =>
      [t.direct, t.psc, t.total].map((v) => v.reduce((a, b) => a + b, 0));
    let unchanged = 0;
    for (const option of others) {
      const exact = exactAllocation(scenarioModel(model, option.name), option.allocation);
      for (let i = 0; i < n; i++) {
        let same = true;
        for (let y = 0; y < Y; y++)
          same &&= Math.abs(exact.direct[y * n + i] - exactFirst.direct[y * n + i]) < 1e-6;
        if (!same) continue;
        unchanged++;
        expect([option.name, period(option.allocation.instrumentTotals[i])]).toEqual([
          option.name,
          period(first.allocation.instrumentTotals[i]),
        ]);
      }
    }
    // The pilot changes CMS and AEWA only; the joint options leave the smaller MOUs alone.
    expect(unchanged).toBeGreaterThanOrEqual(10);
  });
});
