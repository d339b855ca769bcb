import { useDeferredValue, useMemo } from "react";
import type { Problem } from "../engine/problem";
import type { Allocation } from "../engine/result";
import { applyRuleDrafts, type DraftProblem } from "./applyRuleDrafts";
import { adjustFor } from "./withOption";
import { messageOf } from "./paneError";
import type { Pipeline, RunOutcome, WritableRun } from "./pipeline";
import type { RuleDraft } from "./ruleDraft";
import type { Loaded } from "./useWorkbook";

/** The run of the drafted rules and what stands in its way. */
export interface AllocationState {
  /** The result of the rules as edited, when they run. */
  allocation?: Allocation;
  /** The same run with the model and history it came from: what a write would record. */
  writable?: WritableRun;
  /** The result of the rules as read from the workbook, to show what an edit changes. */
  asRead?: Allocation;
  /** Every problem of the inputs and of the run, located at its cell. */
  problems: Problem[];
  errorCount: number;
  /** Mistakes in the drafted rules, by field. */
  draftProblems: DraftProblem[];
  /** An internal fault of the run (a bug to report), as text. */
  fault?: string;
  /** Why nothing can be written now, in words; undefined when it can. */
  blocked?: string;
}

/**
 * Runs the allocation over the drafted rules (deferred, so typing stays responsive on a big
 * workbook); `option`, when the workbook has an option of that name, is the one shown and written.
 */
export function useAllocation(
  pipeline: Pipeline,
  loaded: Loaded | undefined,
  drafts: RuleDraft[],
  option?: string,
): AllocationState {
  const deferredDrafts = useDeferredValue(drafts);
  const rulesSheet = loaded?.read.rules?.sheet ?? "Rules";
  const applied = useMemo(
    () =>
      loaded?.read.model
        ? applyRuleDrafts(loaded.read.model, deferredDrafts, (m, b) => pipeline.parseBasis(m, b), rulesSheet)
        : undefined,
    [loaded, deferredDrafts, pipeline, rulesSheet],
  );
  // The rules as edited, with the option chosen as the one written, run the way the CLI runs a
  // workbook with that Scenario: every problem comes back at its cell.
  const run = useMemo((): { outcome?: RunOutcome; fault?: string } => {
    if (!loaded) return {};
    try {
      return { outcome: pipeline.analyse(loaded.grids, loaded.mapping, adjustFor(applied?.model, option)) };
    } catch (e) {
      console.error(e);
      return { fault: messageOf(e) };
    }
  }, [loaded, applied, pipeline, option]);
  // The same option as the edited run, so that what an edit changes is the edit's alone.
  const asRead = useMemo(() => {
    if (!loaded?.read.model) return undefined;
    try {
      return pipeline.analyse(loaded.grids, loaded.mapping, adjustFor(undefined, option)).allocation;
    } catch {
      return undefined; // the edited run reports the fault
    }
  }, [loaded, pipeline, option]);
  // Rules that cannot run yet have no figures of their own (asRead still shows the sheet's).
  const allocation = applied?.model || !loaded?.read.model ? run.outcome?.allocation : undefined;
  const problems: Problem[] = run.outcome?.problems ?? loaded?.read.problems ?? [];
  const errorCount = problems.filter((p) => p.severity === "error").length;
  const draftProblems = applied?.problems ?? [];
  const blocked =
    errorCount > 0
      ? `${errorCount} problem${errorCount === 1 ? "" : "s"} must be fixed first (see Problems).`
      : draftProblems.length > 0
        ? "A rule needs attention first (see Rules)."
        : run.fault
          ? "The run failed (see the message above)."
          : !allocation
            ? "There is nothing to write yet."
            : undefined;
  const writable = useMemo(
    (): WritableRun | undefined => (allocation && run.outcome ? { ...run.outcome, allocation } : undefined),
    [allocation, run.outcome],
  );
  return {
    ...(allocation ? { allocation } : {}),
    ...(writable ? { writable } : {}),
    ...(asRead ? { asRead } : {}),
    problems,
    errorCount,
    draftProblems,
    ...(run.fault ? { fault: run.fault } : {}),
    ...(blocked ? { blocked } : {}),
  };
}
