import type { RunComparison } from "./compareRuns";
import { describeInputChanges } from "./describeInputChanges";
import type { RunHistory } from "./readRunHistory";

/** What the Log's "Inputs changed" cell says of this run, against the latest earlier record. */
export function inputsChangedText(
  history: RunHistory,
  comparison: RunComparison,
  fingerprint: string,
): string {
  const previous = comparison.previous;
  if (previous === undefined) {
    return history.logged.length > 0 || history.unreadable.length > 0
      ? "Not known: no earlier run has a record this version can read."
      : "First recorded run.";
  }
  const since = `Since run ${previous.against.run}: `;
  if (previous.changes === undefined) return `${since}not known (its inputs are not recorded).`;
  if (previous.changes.length > 0) return since + describeInputChanges(previous.changes);
  return previous.against.fingerprint === fingerprint
    ? `${since}none.`
    : `${since}none that the add-in reads (other cells changed).`;
}
