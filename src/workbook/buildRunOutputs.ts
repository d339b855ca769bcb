import type { Model } from "../engine/model";
import type { Allocation } from "../engine/result";
import type { OutputSheet, WorkbookGrids } from "./grid";
import { planRun } from "./planRun";

/**
 * The output sheets of one run on a workbook (planRun's sheets): its fingerprint and this version
 * in the Log, the rows of the Log an earlier run left (only a Log sheet we own counts), the
 * Changes sheet and the run's record, so that every edge writes the same sheets from the same inputs.
 */
export function buildRunOutputs(
  allocation: Allocation,
  grids: WorkbookGrids,
  time: Date,
  model?: Model,
): OutputSheet[] {
  return planRun({ allocation, ...(model !== undefined ? { model } : {}) }, grids, time).sheets;
}
