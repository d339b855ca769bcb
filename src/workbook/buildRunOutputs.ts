import type { Allocation } from "../engine/result";
import { buildOutputSheets } from "./buildOutputSheets";
import type { OutputSheet, WorkbookGrids } from "./grid";
import { inputFingerprint } from "./inputFingerprint";
import { VERSION } from "./version";

/**
 * The output sheets of one run on a workbook: its fingerprint and this version in the Log, and
 * the rows of the Log an earlier run left (only a Log sheet we own counts), so that every edge
 * (the CLI, the task pane) writes the same sheets from the same inputs.
 */
export function buildRunOutputs(allocation: Allocation, grids: WorkbookGrids, time: Date): OutputSheet[] {
  const owned = new Set(grids.ownedSheets.map((name) => name.toLowerCase()));
  const previousLog = grids.sheets.find((s) => s.name.toLowerCase() === "log" && owned.has("log"));
  // An earlier run's Contributions sheet is replaced (by a note) even when Parties are gone, never left stale.
  const staleContributions = owned.has("contributions");
  return buildOutputSheets(
    allocation,
    { time, version: VERSION, fingerprint: inputFingerprint(grids) },
    previousLog,
    staleContributions,
  );
}
