import { lstat, readFile } from "node:fs/promises";
import { readRunHistory, type RunHistory } from "../workbook/history/readRunHistory";
import { inputSheets } from "../workbook/inputSheets";
import type { RunRecord } from "../workbook/history/runRecord";
import { XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { UserError } from "./errors";
import { nodeZipCodec } from "./nodeZipCodec";

/** The runs an existing OUT records that the input does not: replacing OUT would lose them. */
export interface LostRuns {
  /** Their numbers, in order. */
  runs: number[];
  /** The approved ones among them. */
  approved: RunRecord[];
}

/**
 * The runs OUT's Log and records hold that the input's history does not (a run is the same when
 * its number and time are). This run's Log and records start from the input's, so writing OUT
 * drops them: an officer who edits IN and runs again to the same OUT replaces OUT's history.
 * Undefined when OUT does not exist, cannot be read, or loses nothing.
 */
async function lostRuns(out: string, input: RunHistory): Promise<LostRuns | undefined> {
  const info = await lstat(out).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const bytes = await readFile(out);
  let history: RunHistory;
  try {
    const book = await XlsxWorkbook.fromBuffer(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      nodeZipCodec,
    );
    // Only the sheets that can hold input, the Log and the Run records: a ledger beside them is not read.
    history = readRunHistory(await book.readInputs({ select: (index) => inputSheets(index) }));
  } catch {
    // checkOutputUnchanged has read it already; a workbook it could not read was refused there.
    return undefined;
  }
  const kept = new Set(input.records.map(({ record }) => `${record.run} ${record.time}`));
  const keptRuns = new Set([...input.logged.map((l) => l.run), ...input.records.map((r) => r.record.run)]);
  const lostRecords = history.records
    .map(({ record }) => record)
    .filter((r) => !kept.has(`${r.run} ${r.time}`));
  const lost = new Set(lostRecords.map((r) => r.run));
  // A Log row without a readable record is lost when the input knows no run of its number.
  for (const { run } of history.logged) if (!keptRuns.has(run)) lost.add(run);
  if (lost.size === 0) return undefined;
  return {
    runs: [...lost].sort((a, b) => a - b),
    approved: lostRecords.filter((r) => r.status === "Approved"),
  };
}

/**
 * Refuses, unless `force`, to replace an OUT that holds an approved run the input does not: the
 * approved figures would leave the workbook with no question asked (a run over an approved one
 * in the same workbook asks first, and keeps it). Returns the runs lost otherwise (draft runs),
 * for a note once OUT is written; undefined when none are.
 */
export async function checkOutputHistory(
  out: string,
  input: { path: string; history: RunHistory },
  force: boolean,
): Promise<LostRuns | undefined> {
  const lost = await lostRuns(out, input.history);
  if (lost === undefined || force || lost.approved.length === 0) return lost;
  const approved = lost.approved
    .map((r) => `approved run ${r.run}${r.documentSymbol ? ` (${r.documentSymbol})` : ""}`)
    .join(", ");
  throw new UserError(
    `--out ${out}: its Log records ${approved}, which ${input.path} does not have: this run's Log ` +
      `starts from that of ${input.path}, so ${runList(lost.runs)} would be lost. Nothing was written. ` +
      `To go on from the approved run, make your edits in ${out} and run on it ` +
      `(costshare allocate ${out} --out NEW.xlsx): the run then asks before changing approved figures ` +
      `and keeps them in its Log. Or add --force to replace ${out} and lose ${lost.runs.length === 1 ? "it" : "them"}.`,
  );
}

/** A note for runs an OUT lost, once written (the draft runs checkOutputHistory let go). */
export function lostRunsNote(out: string, input: string, lost: LostRuns): string {
  return (
    `Note: ${out} recorded ${runList(lost.runs)}, which ${input} does not have; its Log now starts ` +
    `from ${input}'s. To keep a history of runs (and a Changes sheet against the last one), ` +
    `make your edits in the last output and run on it.`
  );
}

/** "run 3" or "runs 1, 2 and 3". */
function runList(runs: readonly number[]): string {
  if (runs.length === 1) return `run ${runs[0]}`;
  return `runs ${runs.slice(0, -1).join(", ")} and ${runs[runs.length - 1]}`;
}
