import type { Model } from "../engine/model";
import type { Allocation } from "../engine/result";
import { buildChangesSheet } from "./buildChangesSheet";
import { buildOutputSheets } from "./buildOutputSheets";
import type { OutputSheet, WorkbookGrids } from "./grid";
import { buildRunRecordsSheet } from "./history/buildRunRecordsSheet";
import { compareRuns, type RunComparison } from "./history/compareRuns";
import { inputsChangedText } from "./history/inputsChangedText";
import { keptRecords } from "./history/keptRecords";
import { readRunHistory, type RunHistory } from "./history/readRunHistory";
import { recordOfRun } from "./history/recordOfRun";
import { supersededApproval, type SupersededApproval } from "./history/supersededApproval";
import { inputFingerprint } from "./inputFingerprint";
import { OPTIONS_SHEET } from "./ownership";
import { VERSION } from "./version";

/** Everything a run is about to write, and what the edge must ask before writing it. */
export interface RunPlan {
  /** The output sheets, in the order they are written. */
  sheets: OutputSheet[];
  /** This run's number in the workbook. */
  run: number;
  /** This run's status, with its paper when it names one ("Approved, UNEP/CMS/StC44/Doc.X"). */
  status: string;
  /** Which inputs changed since the previous run, as the Log says it. */
  inputsChanged: string;
  /** What this run is compared with, and how its figures moved. */
  comparison: RunComparison;
  /**
   * Set when the latest earlier run was approved and this run changes figures it published: the
   * CLI refuses without --supersede, the pane asks.
   */
  supersedes?: SupersededApproval;
}

/** What planRun needs of the run: its allocation, the model it came from, and the history read with it. */
export interface RunInput {
  allocation: Allocation;
  /** The model allocated; without it the record keeps no inputs and no difference is attributed. */
  model?: Model;
  /** The history analyseWorkbook read; read from `grids` when absent. */
  history?: RunHistory;
}

/**
 * The output sheets of one run on a workbook, for every edge (the CLI, the task pane): the
 * figures, the comparison with earlier runs (the Changes sheet), the Log with this run's row, and
 * the hidden Run records sheet with this run's record — and whether the run would change the
 * figures of an approved run.
 */
export function planRun(input: RunInput, grids: WorkbookGrids, time: Date): RunPlan {
  const { allocation, model } = input;
  const history = input.history ?? readRunHistory(grids);
  const info = { time, version: VERSION, fingerprint: inputFingerprint(grids) };
  const run = history.nextRun;
  const comparison = compareRuns(history, model, allocation);
  const record = recordOfRun(run, info, allocation, model);
  const owned = new Set(grids.ownedSheets.map((name) => name.toLowerCase()));
  const previousLog = grids.sheets.find((s) => s.name.toLowerCase() === "log" && owned.has("log"));
  // A run over an approved one is written only once the officer has said so (the pane's question,
  // the CLI's --supersede): its Log row then says which approved run it supersedes, and the
  // question says which inputs changed since (the approved run is the latest: the Log's words).
  const since = inputsChangedText(history, comparison, info.fingerprint);
  const over = supersededApproval(history, allocation);
  const supersedes = over === undefined ? undefined : { ...over, inputs: since };
  const inputsChanged =
    since +
    (supersedes === undefined
      ? ""
      : ` Supersedes approved run ${supersedes.run}${supersedes.documentSymbol !== undefined ? ` (${supersedes.documentSymbol})` : ""}.`);
  const sheets = buildOutputSheets(
    allocation,
    info,
    previousLog,
    {
      log: {
        run,
        status: record.status,
        ...(record.documentSymbol !== undefined ? { documentSymbol: record.documentSymbol } : {}),
        inputsChanged,
      },
      changes: buildChangesSheet(comparison, allocation, info, run),
      records: buildRunRecordsSheet(
        keptRecords(history.records, record),
        history.unreadable.flatMap((u) => u.cells),
        info,
      ),
    },
    // An earlier run's Contributions or Options sheet is replaced (by a note) even when the Parties
    // or the options are gone, never left stale.
    owned.has("contributions"),
    owned.has(OPTIONS_SHEET.toLowerCase()),
  );
  const status =
    record.documentSymbol !== undefined ? `${record.status}, ${record.documentSymbol}` : record.status;
  return {
    sheets,
    run,
    status,
    inputsChanged,
    comparison,
    ...(supersedes !== undefined ? { supersedes } : {}),
  };
}
