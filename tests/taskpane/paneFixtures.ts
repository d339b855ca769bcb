/**
 * Hand-made inputs for the pane's component tests: a two-instrument workbook with two units, a
 * pipeline whose allocation follows the drafted rules (equal or fixed), and an in-memory session.
 * Small enough to check every figure by hand.
 */
import { defaultSettings, type Model, type Rule } from "../../src/engine/model";
import type { Problem } from "../../src/engine/problem";
import type { Allocation } from "../../src/engine/result";
import type { OutputSheet, WorkbookGrids } from "../../src/workbook/grid";
import type { InputMapping } from "../../src/workbook/inputMapping";
import type { ExistingSheet } from "../../src/workbook/port";
import { ForeignSheetError } from "../../src/workbook/errors";
import type { PanePlan, Pipeline, ReadOutcome, RunReview, WritableRun } from "../../src/taskpane/pipeline";
import type { WorkbookSession } from "../../src/taskpane/workbookSession";
import type { RuleCell } from "../../src/taskpane/rulesCells";

const src = (sheet: string, row: number) => ({ sheet, row });

/** A model: CMS and AEWA share Communications (120,000 a year) and Conference services (60,000). */
export function sampleModel(rules?: Rule[]): Model {
  return {
    settings: { ...defaultSettings, firstYear: 2015, years: 2, psc: 0.13, rounding: 1 },
    instruments: [
      {
        code: "CMS",
        name: "Convention",
        type: "Convention",
        drivers: { Parties: 120 },
        source: src("Instruments", 2),
      },
      {
        code: "AEWA",
        name: "AEWA",
        type: "Agreement",
        drivers: { Parties: 80 },
        source: src("Instruments", 3),
      },
    ],
    grades: [],
    posts: [
      {
        id: "P1",
        title: "Officer",
        unit: "Communications",
        fte: 1,
        cost: 120000,
        fundedBy: "CMS",
        source: src("Posts", 2),
      },
      {
        id: "P2",
        title: "Assistant",
        unit: "Conference services",
        fte: 1,
        cost: 60000,
        fundedBy: "AEWA",
        source: src("Posts", 3),
      },
    ],
    budget: [],
    rules: rules ?? [
      { unit: "Communications", spec: { method: "equal" }, participants: [], source: src("Rules", 2) },
      {
        unit: "Conference services",
        spec: { method: "driver", driver: "Parties" },
        participants: ["all"],
        max: 0.5,
        source: src("Rules", 3),
      },
    ],
    support: [],
    baseline: [],
  };
}

/** Weights of a rule over [CMS, AEWA], for the fake allocation. */
function weights(rule: Rule | undefined): [number, number] {
  if (!rule) return [0.5, 0.5];
  switch (rule.spec.method) {
    case "fixed":
      return [rule.spec.shares.CMS ?? 0, rule.spec.shares.AEWA ?? 0];
    case "driver":
      return [0.6, 0.4];
    default:
      return [0.5, 0.5];
  }
}

/** An allocation that follows each unit's rule weights, with no escalation, in whole euros. */
export function fakeAllocation(model: Model): Allocation {
  const years = [2015, 2016];
  const units = ["Communications", "Conference services"].map((unit) => {
    const cost = model.posts.filter((p) => p.unit === unit).reduce((s, p) => s + (p.cost ?? 0), 0);
    const [a] = weights(model.rules.find((r) => r.unit === unit));
    const cms = Math.round(cost * a);
    return {
      unit,
      support: false,
      own: [cost, cost],
      received: [0, 0],
      totals: [cost, cost],
      shares: Float64Array.from([cms, cost - cms, cms, cost - cms]),
    };
  });
  const direct = [0, 1].map((i) => [0, 1].map((y) => units.reduce((s, u) => s + u.shares[y * 2 + i], 0)));
  const psc = direct.map((d) => d.map((v) => Math.round(v * 0.13)));
  const grandDirect = [0, 1].map((y) => direct[0][y] + direct[1][y]);
  const grandPsc = [0, 1].map((y) => psc[0][y] + psc[1][y]);
  return {
    settings: model.settings,
    years,
    instruments: ["CMS", "AEWA"],
    rules: model.rules.map((r) => ({
      unit: r.unit,
      method: r.spec.method,
      description:
        r.spec.method === "equal"
          ? "Shared equally among all instruments."
          : `Shared by the ${r.spec.method} rule.`,
      participants: ["CMS", "AEWA"],
    })),
    lines: [],
    units,
    instrumentTotals: ["CMS", "AEWA"].map((code, i) => ({
      code,
      direct: direct[i],
      psc: psc[i],
      total: direct[i].map((d, y) => d + psc[i][y]),
      byCategory: { Staff: direct[i][0] + direct[i][1] },
      fte: 1,
    })),
    savings: [],
    settlement: ["CMS", "AEWA"].map((code, i) => {
      const share = direct[i][0] + direct[i][1];
      const funded = i === 0 ? 240000 : 120000;
      return { code, share, funded, balance: share - funded };
    }),
    grandTotal: { direct: grandDirect, psc: grandPsc, total: grandDirect.map((d, y) => d + grandPsc[y]) },
    warnings: [],
  };
}

/** A pipeline over the fake allocation; `problems` are returned by read. */
export function fakePipeline(
  problems: Problem[] = [],
  model: Model | undefined = sampleModel(),
): Pipeline & {
  outputsCalls: number;
} {
  const pipeline = {
    outputsCalls: 0,
    outputNames: ["Allocation", "Savings", "Settlement", "Annex", "Log"] as const,
    read: (): ReadOutcome => ({
      model: problems.some((p) => p.severity === "error") ? undefined : model,
      problems,
      sheets: [
        {
          name: "Instruments",
          found: "Instruments",
          required: true,
          headerRow: 1,
          description: "One row per instrument.",
          columns: [{ name: "Code", found: "Code", required: true }],
          otherHeaders: ["Parties"],
        },
        {
          name: "Posts",
          found: "Staff list",
          required: true,
          headerRow: 1,
          description: "One row per post.",
          columns: [
            { name: "PostId", found: "Post No.", required: true },
            { name: "FundedBy", required: false },
          ],
          otherHeaders: ["Paid by"],
        },
        {
          name: "Baseline",
          required: false,
          description: "Stand-alone costs.",
          columns: [],
          otherHeaders: [],
        },
      ],
      rules: {
        sheet: "Rules",
        headerRow: 1,
        columns: { Unit: 1, Method: 2, Basis: 3, Participants: 4, Max: 6 },
        lastRow: 3,
      },
    }),
    analyse: (_grids: WorkbookGrids, _mapping: InputMapping, adjust?: (read: Model) => Model) => {
      if (problems.some((p) => p.severity === "error") || model === undefined) return { problems };
      return { problems, allocation: fakeAllocation(adjust ? adjust(model) : model) };
    },
    parseBasis: (method: string, basis: string) => {
      if (method === "equal") return { ok: true as const, spec: { method: "equal" as const } };
      if (method === "driver") {
        return basis === "Parties"
          ? { ok: true as const, spec: { method: "driver" as const, driver: basis } }
          : { ok: false as const, message: `There is no Instruments column '${basis}'.` };
      }
      if (method === "fixed") {
        const m = /^CMS (\d+)%; AEWA (\d+)%$/.exec(basis);
        if (!m || Number(m[1]) + Number(m[2]) !== 100)
          return { ok: false as const, message: "Fixed shares must add up to 100%." };
        return {
          ok: true as const,
          spec: { method: "fixed" as const, shares: { CMS: Number(m[1]) / 100, AEWA: Number(m[2]) / 100 } },
        };
      }
      return { ok: false as const, message: `Method '${method}' is not supported here.` };
    },
    outputs: (): Promise<OutputSheet[]> => {
      pipeline.outputsCalls++;
      return Promise.resolve(sheetsOf(["Allocation", "Savings", "Settlement", "Annex", "Log"]));
    },
    plan: (_run: WritableRun): Promise<PanePlan> =>
      Promise.resolve({
        sheets: sheetsOf(["Allocation", "Savings", "Settlement", "Annex", "Log"]),
        run: 1,
        status: "Draft",
        inputsChanged: "First recorded run.",
        comparison: { skipped: [] },
      }),
    review: (): Promise<RunReview> => Promise.resolve({ run: 1, comparison: { skipped: [] } }),
  };
  return pipeline;
}

/** Output sheets with only their names in A1. */
function sheetsOf(names: string[]): OutputSheet[] {
  return names.map((name) => ({ name, cells: [[{ v: name }]] }));
}

/** What an in-memory session was asked to do. */
export interface SessionLog {
  written: string[][];
  rules: RuleCell[][];
  selected: string[];
  mappings: unknown[];
}

/** An in-memory session: `existing` are the sheets already there; `foreign` makes writes fail as Excel's would. */
export function fakeSession(existing: ExistingSheet[] = [], mode: "excel" | "browser" = "excel") {
  const log: SessionLog = { written: [], rules: [], selected: [], mappings: [] };
  // Excel: the handler the pane registers for selections, so a test can select a cell.
  let onSelect: ((sheet: string, address: string) => void) | undefined;
  const grids: WorkbookGrids = {
    sheets: [{ name: "Rules", rows: [], firstRow: 1, firstCol: 1 }],
    tables: [],
    ownedSheets: [],
  };
  const session: WorkbookSession = {
    mode,
    title: mode === "excel" ? "This workbook" : "budget.xlsx",
    port: {
      readInputs: () => Promise.resolve(grids),
      listSheets: () => Promise.resolve(existing),
      writeOutputs: (sheets, onProgress) => {
        const foreign = existing.filter((e) => !e.owned && sheets.some((s) => s.name === e.name));
        if (foreign.length > 0) return Promise.reject(new ForeignSheetError(foreign.map((f) => f.name)));
        onProgress?.(0.5);
        log.written.push(sheets.map((s) => s.name));
        onProgress?.(1);
        return Promise.resolve();
      },
    },
    loadMapping: () => Promise.resolve(undefined),
    saveMapping: (m) => {
      log.mappings.push(m);
      return Promise.resolve();
    },
    writeRules: (_sheet, cells) => {
      log.rules.push(cells);
      return Promise.resolve();
    },
    ...(mode === "excel"
      ? {
          selectCell: (sheet: string, cell?: string) => {
            log.selected.push(`${sheet}!${cell ?? ""}`);
            return Promise.resolve();
          },
          activateSheet: (sheet: string) => {
            log.selected.push(sheet);
            return Promise.resolve();
          },
          watchSelection: (handler: (sheet: string, address: string) => void) => {
            onSelect = handler;
            return Promise.resolve(() => {
              onSelect = undefined;
              return Promise.resolve();
            });
          },
        }
      : {
          download: () => Promise.resolve(new Uint8Array([80, 75])),
          // As the browser session says it: something was written in this page (no download here).
          changedSinceDownload: () => log.written.length > 0 || log.rules.length > 0,
        }),
  };
  /** Selects a cell in the fake Excel, as the officer would in the sheet. */
  const select = (sheet: string, address: string) => onSelect?.(sheet, address);
  return { session, log, select };
}
