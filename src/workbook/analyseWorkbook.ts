import { allocateWithContributions } from "../engine/allocateWithContributions";
import type { Model } from "../engine/model";
import { hasErrors, type Problem } from "../engine/problem";
import type { Allocation } from "../engine/result";
import type { WorkbookGrids } from "./grid";
import { readRunHistory, type RunHistory } from "./history/readRunHistory";
import { priorFigures } from "./history/recordedHeadline";
import type { InputMapping } from "./inputMapping";
import { locateProblem } from "./locateProblem";
import { outputSheetNames } from "./outputSheetNames";
import { readWorkbook, type ReadOutcome } from "./readWorkbook";

/** Options of a run: the officer's mapping, and changes to the model not yet in the workbook. */
export interface AnalyseOptions {
  mapping?: InputMapping;
  /**
   * Changes the model read from the sheets before it is allocated (the pane's unsaved rule edits);
   * its problems are reported with the others.
   */
  adjust?: (model: Model) => { model: Model; problems: Problem[] };
  /** The same grids already read with the same mapping, to skip reading them again. */
  read?: ReadOutcome;
  /** The history already read from the same grids, to skip decoding the records again. */
  history?: RunHistory;
  /**
   * Checks that the run does not restate an approval with other figures (restatedApproval): the
   * CLI passes it; the task pane runs the same check when it writes, where its code loads, so
   * that the first screen stays light.
   */
  restated?: (history: RunHistory, allocation: Allocation) => Problem | undefined;
}

/** What one run of the whole check finds. */
export interface Analysis {
  /** The workbook as read: model, layout and the reading problems. */
  read: ReadOutcome;
  /** The model allocated (after `adjust`), when reading succeeded. */
  model?: Model;
  /** Every problem, errors and warnings, each on its cell where it has one. */
  problems: Problem[];
  /** Present only when no problem is an error. */
  allocation?: Allocation;
  /** What earlier runs left in the workbook (the Log and the Run records), for the next run's comparison. */
  history: RunHistory;
}

/**
 * The one path through the product, for the CLI, the pane in a browser and the pane in Excel:
 * reads the input grids against the workbook contract, allocates (every option, when the workbook
 * has options; and, with Parties, the scales of contributions), places every problem on its cell,
 * checks that no sheet of the officer's has the name of an output sheet this run writes, and reads
 * what earlier runs recorded (a run may not restate an approval with other figures) — so that
 * every problem is reported at once, before anything is written.
 */
export function analyseWorkbook(grids: WorkbookGrids, options: AnalyseOptions = {}): Analysis {
  const read = options.read ?? readWorkbook(grids, options.mapping);
  const locate = (p: Problem): Problem => locateProblem(p, read.layout);
  const written = outputSheetNames({
    hasOptions: (read.model?.settings.scenarios?.length ?? 0) > 0,
    hasParties: read.layout.sheets.Parties !== undefined,
    ownedSheets: grids.ownedSheets,
  });
  const history = options.history ?? readRunHistory(grids);
  const problems: Problem[] = [...read.problems, ...outputNameConflicts(grids, written), ...history.problems];
  if (read.model === undefined || hasErrors(read.problems)) return { read, problems, history };
  let model = read.model;
  if (options.adjust !== undefined) {
    const adjusted = options.adjust(model);
    model = adjusted.model;
    problems.push(...adjusted.problems.map(locate));
  }
  // Steered by what earlier runs published: an instrument an edit leaves alone keeps its figures.
  const outcome = allocateWithContributions(model, priorFigures(history, model.settings));
  if (!outcome.ok) {
    problems.push(...outcome.problems.map(locate));
    return { read, model, problems, history };
  }
  problems.push(...outcome.allocation.warnings.map(locate));
  const restated = options.restated?.(history, outcome.allocation);
  if (restated !== undefined) problems.push(locate(restated));
  return hasErrors(problems)
    ? { read, model, problems, history }
    : { read, model, problems, allocation: outcome.allocation, history };
}

/** A problem for each sheet of the officer's that has the name of one of the output sheets this run writes. */
function outputNameConflicts(grids: WorkbookGrids, written: readonly string[]): Problem[] {
  const owned = new Set(grids.ownedSheets);
  const outputs = new Set<string>(written.map((s) => s.toLowerCase()));
  return grids.sheets
    .filter((s) => outputs.has(s.name.toLowerCase()) && !owned.has(s.name))
    .map((s) => ({
      severity: "error" as const,
      sheet: s.name,
      cell: "A1",
      message:
        `This workbook already has a sheet named '${s.name}' that this add-in did not write, and the results ` +
        `go to a sheet of that name. Rename the sheet (or move its content) and run again.`,
    }));
}
