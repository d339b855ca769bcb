import { problemAt, type Problem } from "../../engine/problem";
import type { Allocation } from "../../engine/result";
import { approvedFigureChanges } from "./approvedFigureChanges";
import type { RunHistory } from "./readRunHistory";

/**
 * A run marked Approved under the document symbol of an earlier approved run, with other figures,
 * would claim an approval the Committee never gave: that is a problem at the Status setting. The
 * same figures under the same symbol (a run again for the annex's language, say) are fine.
 */
export function restatedApproval(history: RunHistory, allocation: Allocation): Problem | undefined {
  const { settings } = allocation;
  if (settings.status !== "Approved") return undefined;
  const symbol = settings.documentSymbol?.trim().toLowerCase() ?? "";
  const earlier = [...history.records]
    .reverse()
    .map((r) => r.record)
    .find((r) => r.status === "Approved" && (r.documentSymbol ?? "").toLowerCase() === symbol);
  if (earlier === undefined || approvedFigureChanges(earlier, allocation) === undefined) return undefined;
  const paper = earlier.documentSymbol ?? "(no document symbol)";
  return problemAt(
    settings.sources?.status,
    "Value",
    `Status says Approved under ${paper}, but run ${earlier.run} was approved under that symbol with other figures. ` +
      "A paper approves the figures it was given, not new ones: set Status to Draft or Submitted, or give DocumentSymbol the paper that approves these figures.",
  );
}
