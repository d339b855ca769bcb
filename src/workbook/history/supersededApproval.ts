import type { Allocation } from "../../engine/result";
import { approvedFigureChanges, type ApprovedFigureChanges } from "./approvedFigureChanges";
import type { RunHistory } from "./readRunHistory";

/** The approved run this run would replace as the latest, with the approved figures it changes. */
export interface SupersededApproval {
  run: number;
  documentSymbol?: string;
  /** When it ran (ISO), when its record says. */
  time?: string;
  /** The approved figures this run changes; absent when its record cannot be read. */
  changes?: ApprovedFigureChanges;
  /** Set when the Log says the run was approved but its record cannot be read. */
  unreadable?: boolean;
  /** Which inputs changed since the approved run, as the Log words it ("Since run 3: Rules: row 14 changed."). */
  inputs?: string;
  /** This run still names the approved run's paper (DocumentSymbol): a revision would name its own. */
  samePaper?: boolean;
}

/**
 * When the latest earlier run was approved and this run would change figures it published, that
 * run and what would change: a run over an approved one asks first. A run that changes no
 * approved figure (only the annex's language, say) asks nothing. When the latest run's record
 * cannot be read but the Log says it was approved, it asks too, without the list.
 */
export function supersededApproval(
  history: RunHistory,
  allocation: Allocation,
): SupersededApproval | undefined {
  const numbers = [
    ...history.records.map((r) => r.record.run),
    ...history.unreadable.flatMap((u) => u.run ?? []),
    ...history.logged.map((l) => l.run),
  ];
  if (numbers.length === 0) return undefined;
  const symbol = allocation.settings.documentSymbol?.trim();
  const samePaper = (approved: string | undefined): { samePaper?: true } =>
    symbol && symbol === approved?.trim() ? { samePaper: true } : {};
  const latest = Math.max(...numbers);
  const record = history.records.find((r) => r.record.run === latest)?.record;
  if (record !== undefined) {
    if (record.status !== "Approved") return undefined;
    const changes = approvedFigureChanges(record, allocation);
    if (changes === undefined) return undefined;
    return {
      run: record.run,
      ...(record.documentSymbol !== undefined ? { documentSymbol: record.documentSymbol } : {}),
      time: record.time,
      changes,
      ...samePaper(record.documentSymbol),
    };
  }
  const logged = history.logged.find((l) => l.run === latest);
  if (logged?.status === undefined || !/^approved/i.test(logged.status)) return undefined;
  const paper = logged.status.replace(/^approved\s*[\u2014\u2013:,-]?\s*/i, "").trim();
  return { run: latest, ...(paper ? { documentSymbol: paper } : {}), unreadable: true, ...samePaper(paper) };
}
