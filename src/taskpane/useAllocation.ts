import { useDeferredValue, useMemo } from "react";
import type { Problem } from "../engine/problem";
import type { Allocation, AllocationOutcome } from "../engine/result";
import { applyRuleDrafts, type DraftProblem } from "./applyRuleDrafts";
import { messageOf } from "./paneError";
import type { Pipeline } from "./pipeline";
import type { RuleDraft } from "./ruleDraft";
import type { Loaded } from "./useWorkbook";

/** The run of the drafted rules and what stands in its way. */
export interface AllocationState {
  /** The result of the rules as edited, when they run. */
  allocation?: Allocation;
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

/** Runs the allocation over the drafted rules (deferred, so typing stays responsive on a big workbook). */
export function useAllocation(
  pipeline: Pipeline,
  loaded: Loaded | undefined,
  drafts: RuleDraft[],
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
  const run = useMemo((): { outcome?: AllocationOutcome; fault?: string } => {
    if (!applied?.model) return {};
    try {
      return { outcome: pipeline.allocate(applied.model) };
    } catch (e) {
      console.error(e);
      return { fault: messageOf(e) };
    }
  }, [applied, pipeline]);
  const asRead = useMemo(() => {
    if (!loaded?.read.model) return undefined;
    try {
      const outcome = pipeline.allocate(loaded.read.model);
      return outcome.ok ? outcome.allocation : undefined;
    } catch {
      return undefined; // the edited run reports the fault
    }
  }, [loaded, pipeline]);
  const allocation = run.outcome?.ok ? run.outcome.allocation : undefined;
  const problems: Problem[] = useMemo(() => {
    // The engine's problems know their row and field; the workbook layer knows the cell.
    const locate = loaded?.read.locate ?? ((p: Problem) => p);
    return [
      ...(loaded?.read.problems ?? []),
      ...(run.outcome && !run.outcome.ok ? run.outcome.problems : []).map(locate),
      ...(allocation?.warnings ?? []).map(locate),
    ];
  }, [loaded, run, allocation]);
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
  return {
    ...(allocation ? { allocation } : {}),
    ...(asRead ? { asRead } : {}),
    problems,
    errorCount,
    draftProblems,
    ...(run.fault ? { fault: run.fault } : {}),
    ...(blocked ? { blocked } : {}),
  };
}
