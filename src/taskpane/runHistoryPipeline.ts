import { describeSupersededApproval } from "../workbook/describeSupersededApproval";
import { compareRuns } from "../workbook/history/compareRuns";
import type { RunHistory } from "../workbook/history/readRunHistory";
import { restatedApproval } from "../workbook/history/restatedApproval";
import { supersededApproval } from "../workbook/history/supersededApproval";
import type { Allocation } from "../engine/result";
import { buildOutputSheets } from "../workbook/buildOutputSheets";
import type { OutputSheet, WorkbookGrids } from "../workbook/grid";
import { inputFingerprint } from "../workbook/inputFingerprint";
import { VERSION } from "../workbook/version";
import { planRun, type RunInput } from "../workbook/planRun";
import type { PanePlan, RunReview, WritableRun } from "./pipeline";

/**
 * The pipeline's run-history half (corePipeline loads it on demand, in a chunk of its own): what
 * a write puts into the workbook, and the run compared with the earlier ones.
 */
export function planOf(run: WritableRun, grids: WorkbookGrids, time: Date): PanePlan {
  const plan = planRun(runInput(run), grids, time);
  const restated = restatedApproval(run.history ?? NO_HISTORY, run.allocation);
  return {
    ...plan,
    ...(plan.supersedes ? { approvedChanges: describeSupersededApproval(plan.supersedes) } : {}),
    ...(restated ? { restated } : {}),
  };
}

/** The run against the earlier ones, for the Changes view and the question before a write. */
export function reviewOf(run: WritableRun): RunReview {
  const input = runInput(run);
  const history = input.history ?? NO_HISTORY;
  const supersedes = supersededApproval(history, run.allocation);
  const restated = restatedApproval(history, run.allocation);
  return {
    run: history.nextRun,
    comparison: compareRuns(history, input.model, run.allocation),
    ...(supersedes ? { approvedChanges: describeSupersededApproval(supersedes) } : {}),
    ...(restated ? { restated } : {}),
  };
}

/**
 * The figures' output sheets of a run, without its record and Changes (the pane explains a cell
 * of Allocation from them); an earlier run's Contributions or Options sheet is replaced by a note.
 */
export function outputsOf(allocation: Allocation, grids: WorkbookGrids, time: Date): OutputSheet[] {
  const owned = new Set(grids.ownedSheets.map((name) => name.toLowerCase()));
  const previousLog = grids.sheets.find((s) => s.name.toLowerCase() === "log" && owned.has("log"));
  return buildOutputSheets(
    allocation,
    { time, version: VERSION, fingerprint: inputFingerprint(grids) },
    previousLog,
    undefined,
    owned.has("contributions"),
    owned.has("options"),
  );
}

/** A run as planRun takes it. */
function runInput(run: WritableRun): RunInput {
  return {
    allocation: run.allocation,
    ...(run.model ? { model: run.model } : {}),
    ...(run.history ? { history: run.history } : {}),
  };
}

/** A workbook no run has written to. */
const NO_HISTORY: RunHistory = { records: [], unreadable: [], logged: [], nextRun: 1, problems: [] };
