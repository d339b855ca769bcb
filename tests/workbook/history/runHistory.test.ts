import { figureKey } from "../../../src/engine/headline";
import { computeOptions } from "../../../src/engine/computeOptions";
import type { Model } from "../../../src/engine/model";
import type { Allocation } from "../../../src/engine/result";
import type { CellValue, OutputSheet, SheetGrid, WorkbookGrids } from "../../../src/workbook/grid";
import { analyseWorkbook } from "../../../src/workbook/analyseWorkbook";
import { decodeRunRecord } from "../../../src/workbook/history/decodeRunRecord";
import { encodeRunRecord } from "../../../src/workbook/history/encodeRunRecord";
import { readRunHistory } from "../../../src/workbook/history/readRunHistory";
import { priorFigures } from "../../../src/workbook/history/recordedHeadline";
import type { RunRecord } from "../../../src/workbook/history/runRecord";
import { RUN_RECORDS_SHEET } from "../../../src/workbook/history/runRecordsSheet";
import { planRun, type RunPlan } from "../../../src/workbook/planRun";
import { describeSupersededApproval } from "../../../src/workbook/describeSupersededApproval";
import type { SupersededApproval } from "../../../src/workbook/history/supersededApproval";
import { buildModel, instrument, post, rule } from "../../engine/buildModel";

/** The allocation written, as every edge computes it (the option written, in a workbook with options). */
function allocate(m: Model): Allocation {
  const outcome = computeOptions(m);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.allocation;
}

const time = (n: number) => new Date(Date.UTC(2026, 10, n, 9, 0, 0));

function model(psc = 0.1, posts = 1): Model {
  return buildModel({
    settings: { psc, sources: { psc: { sheet: "Settings", row: 6 } } },
    instruments: [instrument("CMS", 2, { Parties: 120 }), instrument("AEWA", 3, { Parties: 80 })],
    posts: Array.from({ length: posts }, (_, i) =>
      post(`P-${i + 1}`, "Communications", i + 2, { cost: 100000 + i, title: `Officer number ${i + 1}` }),
    ),
    rules: [rule("Communications", { method: "equal" }, 2)],
  });
}

/** An output sheet as the next run reads it back: its values, formulas as their cached values. */
function asGrid(sheet: OutputSheet): SheetGrid {
  return {
    name: sheet.name,
    rows: sheet.cells.map((r) => (r ?? []).map((c) => (c?.v ?? null) as CellValue)),
    firstRow: 1,
    firstCol: 1,
  };
}

/** The workbook after a run: its output sheets as grids, all marked ours. */
function after(plan: RunPlan): WorkbookGrids {
  return {
    sheets: plan.sheets.map(asGrid),
    tables: [],
    ownedSheets: plan.sheets.map((s) => s.name),
  };
}

function run(m: Model, grids: WorkbookGrids, day: number): RunPlan {
  return planRun({ allocation: allocate(m), model: m }, grids, time(day));
}

const EMPTY: WorkbookGrids = { sheets: [], tables: [], ownedSheets: [] };

describe("run history", () => {
  it("reads back the record of each run, and compares the next run with it", () => {
    const first = run(model(), EMPTY, 1);
    expect(first.run).toBe(1);
    expect(first.inputsChanged).toBe("First recorded run.");
    const second = run(model(0.13), after(first), 2);
    expect(second.run).toBe(2);
    expect(second.inputsChanged).toBe("Since run 1: Settings: PSC changed.");
    const c = second.comparison.previous;
    expect(c?.against.run).toBe(1);
    expect(c?.outcome.ok && c.outcome.attribution.steps.map((s) => [s.causes, s.parts.CMS.total])).toEqual([
      [["psc"], 1500],
    ]);
  });

  it("keeps the options of each row in the record, so that the same inputs compare as the same", () => {
    const options = model();
    options.settings = { ...options.settings, scenarios: ["Status quo", "Pilot"], scenario: "Status quo" };
    options.posts.push(post("P-9", "Communications", 9, { cost: 50000, scenarios: ["Pilot"] }));
    const first = after(run(options, EMPTY, 1));
    const kept = readRunHistory(first).records[0].record.inputs;
    expect(kept?.settings).toMatchObject({ scenarios: ["Status quo", "Pilot"], scenario: "Status quo" });
    expect(kept?.posts.map((p) => p.scenarios)).toEqual([undefined, ["Pilot"]]);
    const second = run(options, first, 2);
    expect(second.inputsChanged).toBe("Since run 1: none.");
    const c = second.comparison.previous;
    expect(c?.outcome.ok && c.outcome.attribution.steps).toEqual([]);
  });

  it("reads a long record split over rows, whatever order the rows are in", () => {
    const first = run(model(0.1, 400), EMPTY, 1);
    const grids = after(first);
    const records = grids.sheets.find((s) => s.name === RUN_RECORDS_SHEET) as SheetGrid;
    const header = records.rows.findIndex((r) => r[0] === "Run");
    const parts = records.rows.slice(header + 1);
    expect(parts.length).toBeGreaterThan(1);
    records.rows = [...records.rows.slice(0, header + 1), ...parts.reverse()];
    const history = readRunHistory(grids);
    expect(history.problems).toEqual([]);
    expect(history.records.map((r) => [r.record.run, r.record.inputs?.posts.length])).toEqual([[1, 400]]);
  });

  it("keeps every published figure, exact and rounded, in the record, for the next run to keep those an edit leaves alone", () => {
    const first = run(model(), EMPTY, 1);
    const history = readRunHistory(after(first));
    const record = history.records[0].record;
    const a = allocate(model());
    const exact = record.exactFigures ?? {};
    // Three numbers each: the floor and the fraction of the exact value, and the rounded value.
    const [df, dfr, d] = exact[figureKey("instrument", "direct", -1, "CMS")];
    expect([df + dfr, d]).toEqual([50000, 50000]);
    const [pf, pfr, p] = exact[figureKey("instrument", "psc", 0, "AEWA")];
    expect([pf + pfr, p]).toEqual([5000, 5000]);
    expect(exact[figureKey("grand", "total", -1)]?.slice(0, 2)).toEqual([110000, 0]);
    expect(Object.keys(exact).some((k) => k.startsWith('["share",'))).toBe(true);
    expect(Object.keys(exact).some((k) => k.startsWith('["unit",'))).toBe(true);
    const priors = priorFigures(history, a.settings);
    expect(priors).toHaveLength(1);
    expect(priors[0].whole?.keys).toEqual(Object.keys(exact));
    // Figures in another rounding or currency are no guide.
    expect(priorFigures(history, { ...a.settings, rounding: 0.01 })).toEqual([]);
    expect(priorFigures(history, { ...a.settings, currency: "USD" })).toEqual([]);
  });

  it("keeps the exact figures of the latest and the last approved run only", () => {
    const approved = (m: Model): Model => ({
      ...m,
      settings: { ...m.settings, status: "Approved", documentSymbol: "UNEP/CMS/StC44/Doc.X" },
    });
    let grids = after(run(approved(model()), EMPTY, 1));
    grids = after(run(model(), grids, 2));
    grids = after(run(model(), grids, 3));
    const records = readRunHistory(grids).records.map((r) => r.record);
    expect(records.map((r) => [r.run, r.exactFigures !== undefined])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
  });

  it("reads a record's exact figures only in their shape", () => {
    const record = readRunHistory(after(run(model(), EMPTY, 1))).records[0].record;
    const text = (exactFigures: unknown) => encodeRunRecord({ ...record, exactFigures } as RunRecord);
    expect(decodeRunRecord(text(record.exactFigures))).toEqual({ record });
    expect(decodeRunRecord(text({ x: [1, 0.5] }))).toEqual({
      reason: "its exactFigures.x is not three numbers",
    });
    expect(decodeRunRecord(text({ x: [1, 1.5, 2] }))).toEqual({
      reason: "its exactFigures.x[1] is not a fraction",
    });
    expect(decodeRunRecord(text({ x: [1, 0.5, 2.5] }))).toEqual({
      reason: "its exactFigures.x[2] is not a whole number",
    });
    // A record of the version before, with six numbers per instrument under `exact`, reads without them.
    const older = decodeRunRecord(
      encodeRunRecord({
        ...record,
        exactFigures: undefined,
        exact: { CMS: [1, 0.5, 0, 0, 1, 0.5] },
      } as RunRecord),
    );
    expect("record" in older && older.record.exactFigures).toBeUndefined();
  });

  it("reports a record changed by hand, uses none of it, and writes it back as it was", () => {
    const grids = after(run(model(), EMPTY, 1));
    const records = grids.sheets.find((s) => s.name === RUN_RECORDS_SHEET) as SheetGrid;
    const row = records.rows.findIndex((r) => r[0] === 1);
    records.rows[row][4] = (records.rows[row][4] as string).replace('"psc":0.1', '"psc":0.2');
    const history = readRunHistory(grids);
    expect(history.records).toEqual([]);
    expect(history.problems).toEqual([
      {
        severity: "warning",
        sheet: RUN_RECORDS_SHEET,
        cell: `A${row + 1}`,
        message:
          "The record of run 1 (row " +
          `${row + 1}) cannot be read: it was changed after costshare wrote it (its checksum does not match). ` +
          "It is kept as it is, and no comparison uses it.",
      },
    ]);
    const next = run(model(0.13), grids, 2);
    expect(next.run).toBe(2);
    expect(next.inputsChanged).toBe("Not known: no earlier run has a record this version can read.");
    const written = next.sheets.find((s) => s.name === RUN_RECORDS_SHEET) as OutputSheet;
    expect(written.hidden).toBe(true);
    expect(written.cells.some((r) => r[4]?.v === records.rows[row][4])).toBe(true);
  });

  it("keeps the inputs only of this run and the last approved one", () => {
    const approved = model();
    approved.settings = { ...approved.settings, status: "Approved", documentSymbol: "UNEP/CMS/StC44/Doc.X" };
    const r1 = run(approved, EMPTY, 1);
    const r2 = run(model(0.13), after(r1), 2);
    const r3 = run(model(0.07), after(r2), 3);
    const history = readRunHistory(after(r3));
    expect(
      history.records.map((r) => [r.record.run, r.record.status, r.record.inputs !== undefined]),
    ).toEqual([
      [1, "Approved", true],
      [2, "Draft", false],
      [3, "Draft", true],
    ]);
    // Run 3 compares with run 2 and, since run 1 was approved, with run 1 too.
    expect(r3.comparison.previous?.against.run).toBe(2);
    expect(r3.comparison.approved?.against.run).toBe(1);
  });

  it("asks before a run changes the figures of the approved run before it, and not when it changes none", () => {
    const approved = model();
    approved.settings = { ...approved.settings, status: "Approved", documentSymbol: "UNEP/CMS/StC44/Doc.X" };
    const grids = after(run(approved, EMPTY, 1));
    expect(run(model(), grids, 2).supersedes).toBeUndefined();
    const next = run(model(0.13), grids, 2);
    const s = next.supersedes;
    // Written only once the officer says so; its Log row then names the approved run it supersedes.
    expect(next.inputsChanged).toMatch(
      /^Since run 1: .* Supersedes approved run 1 \(UNEP\/CMS\/StC44\/Doc\.X\)\.$/,
    );
    const log = asGrid(next.sheets.find((x) => x.name === "Log") as OutputSheet).rows;
    expect(log.some((r) => r.includes(next.inputsChanged))).toBe(true);
    expect(s).toMatchObject({ run: 1, documentSymbol: "UNEP/CMS/StC44/Doc.X" });
    expect(s?.changes?.instruments.map((i) => [i.instrument, i.before.total, i.after.total])).toEqual([
      ["CMS", 55000, 56500],
      ["AEWA", 55000, 56500],
    ]);
  });

  it("asks before a run changes the figures of an option the approved run compared, though not the one written", () => {
    // Two options: the pilot (written) shares equally; the status quo by a fixed split.
    const options = (cms: number, status?: "Approved"): Model => {
      const m = model();
      m.settings = {
        ...m.settings,
        scenarios: ["Status quo", "Pilot"],
        scenario: "Pilot",
        ...(status ? { status, documentSymbol: "UNEP/CMS/StC44/Doc.X" } : {}),
      };
      m.rules = [
        rule("Communications", { method: "equal" }, 2, { scenarios: ["Pilot"] }),
        rule("Communications", { method: "fixed", shares: { CMS: cms, AEWA: 1 - cms } }, 3, {
          scenarios: ["Status quo"],
        }),
      ];
      return m;
    };
    const grids = after(run(options(0.6, "Approved"), EMPTY, 1));
    const same = run(options(0.6), grids, 2);
    expect(same.supersedes).toBeUndefined();
    const sameText = asGrid(same.sheets.find((x) => x.name === "Changes") as OutputSheet).rows.map(
      (r) => r[0],
    );
    expect(sameText).toContain("No figure of option 'Pilot' changed, and no input that moves one.");
    expect(sameText).toContain("The other options compared have the same totals as in run 1.");
    const second = run(options(0.7), grids, 2);
    const s = second.supersedes;
    // The Changes sheet: the option written moved by nothing (the rule changed is not its own), and
    // the other option's totals that changed are listed below it.
    const changes = asGrid(second.sheets.find((x) => x.name === "Changes") as OutputSheet).rows;
    const text = changes.map((r) =>
      r
        .filter((v) => typeof v === "string" || typeof v === "number")
        .filter((v) => v !== "")
        .join(" | "),
    );
    expect(text).toContain("CMS | 50000 | 5000 | 55000 | 50000 | 5000 | 55000 | 0 | 0 | 0");
    const at = text.findIndex((t) => t.startsWith("Option | Instrument"));
    expect(text.slice(at, at + 3)).toEqual([
      "Option | Instrument | Run 1: total | Now: total | Difference (total)",
      "Status quo | CMS | 66000 | 77000 | 11000",
      "Status quo | AEWA | 44000 | 33000 | -11000",
    ]);
    const cmsRow = second.sheets.find((x) => x.name === "Changes")?.cells[at + 1];
    expect(cmsRow?.[4]?.f).toBe(`D${at + 2}-C${at + 2}`);
    // An option new in this run says so, rather than a total of 0 in run 1.
    const three = options(0.6);
    three.settings = { ...three.settings, scenarios: ["Status quo", "Pilot", "Lean"] };
    three.rules = [...three.rules, rule("Communications", { method: "equal" }, 4, { scenarios: ["Lean"] })];
    const lean = asGrid(run(three, grids, 2).sheets.find((x) => x.name === "Changes") as OutputSheet).rows;
    const leanText = lean.map((r) =>
      r
        .filter((v) => typeof v === "string" || typeof v === "number")
        .filter((v) => v !== "")
        .join(" | "),
    );
    expect(leanText).toContain("Lean | CMS | (new option) | 55000");
    // The option written (the pilot) keeps its figures; the status quo's, in the Options sheet and the annex, change.
    expect(s?.changes?.instruments).toEqual([]);
    expect(
      s?.changes?.options.map((o) => [
        o.option,
        o.instruments.map((i) => [i.instrument, i.before.total, i.after.total]),
      ]),
    ).toEqual([
      [
        "Status quo",
        [
          ["CMS", 66000, 77000],
          ["AEWA", 44000, 33000],
        ],
      ],
    ]);
    expect(describeSupersededApproval(s as SupersededApproval).slice(1)).toEqual([
      "  Since run 1: Settings: DocumentSymbol, Status changed. Rules: row 3 changed.",
      "  the totals of the options compared (Options sheet, the annex's options table):",
      "  option 'Status quo': CMS 66,000 \u2192 77,000 (+11,000); AEWA 44,000 \u2192 33,000 (−11,000)",
    ]);
  });

  it("says so when a run over an approved one still names the approved paper, as a revision would not", () => {
    const approved = (documentSymbol: string, psc: number): Model => {
      const m = model();
      m.settings = { ...m.settings, psc, status: "Approved", documentSymbol };
      return m;
    };
    const grids = after(run(approved("UNEP/CMS/StC44/Doc.X", 0.1), EMPTY, 1));
    const draft = (documentSymbol?: string): Model => {
      const m = model();
      m.settings = { ...m.settings, psc: 0.13, ...(documentSymbol ? { documentSymbol } : {}) };
      return m;
    };
    const hint =
      "This run still names the approved paper, UNEP/CMS/StC44/Doc.X: if it serves another paper (a " +
      "revision), change DocumentSymbol in the Settings sheet first.";
    const same = run(draft(" UNEP/CMS/StC44/Doc.X "), grids, 2).supersedes as SupersededApproval;
    expect(same.samePaper).toBe(true);
    expect(describeSupersededApproval(same).at(-1)).toBe(hint);
    for (const other of [draft("UNEP/CMS/StC44/Doc.X/Rev.1"), draft()]) {
      const s = run(other, grids, 2).supersedes as SupersededApproval;
      expect(s.changes?.instruments.length).toBeGreaterThan(0);
      expect(s.samePaper).toBeUndefined();
      expect(describeSupersededApproval(s)).not.toContain(hint);
    }
  });

  it("warns when the Log says another status than the run's record", () => {
    const grids = after(run(model(), EMPTY, 1));
    const log = grids.sheets.find((s) => s.name === "Log") as SheetGrid;
    const row = log.rows.findIndex((r) => r[0] === 1);
    log.rows[row][4] = "Approved";
    expect(readRunHistory(grids).problems.map((p) => `${p.sheet}!${p.cell}: ${p.message}`)).toEqual([
      `Log!E${row + 1}: Run 1 was recorded with the status Draft, but the Log says Approved. ` +
        "The record is what later runs compare with; a run's status and document are set in Settings (Status, DocumentSymbol) before it runs.",
    ]);
  });

  it("will not write over a sheet of the officer's named Changes or Run records", () => {
    const grids: WorkbookGrids = {
      sheets: [{ name: "Changes", rows: [["my notes"]], firstRow: 1, firstCol: 1 }],
      tables: [],
      ownedSheets: [],
    };
    expect(analyseWorkbook(grids).problems.map((p) => `${p.sheet}!${p.cell}`)).toContain("Changes!A1");
  });
});
