import { encodeRunRecord } from "./encodeRunRecord";
import type { RecordText } from "./buildRunRecordsSheet";
import type { ReadRecord } from "./readRunRecords";
import type { RunRecord } from "./runRecord";

/**
 * The records the Run records sheet keeps after this run: every run's figures, but the inputs and
 * the exact figures only of the runs a later run may need to explain or steer by — this run (the
 * next one compares with it) and the last approved run (Changes compares with it too). Earlier
 * records keep their stored text unless those go, so a record is never rewritten without need.
 */
export function keptRecords(earlier: readonly ReadRecord[], current: RunRecord): RecordText[] {
  const approved = [current, ...[...earlier].reverse().map((r) => r.record)].find(
    (r) => r.status === "Approved",
  );
  const out: RecordText[] = earlier.map(({ record, text }) => {
    const extra =
      record.inputs !== undefined ||
      record.exactFigures !== undefined ||
      (record.options ?? []).some((o) => o.exactFigures !== undefined);
    if (!extra || record === approved) return { run: record.run, text };
    const kept: RunRecord = { ...record };
    delete kept.inputs;
    delete kept.exactFigures;
    if (kept.options !== undefined) kept.options = kept.options.map(({ exactFigures: _exact, ...o }) => o);
    return { run: record.run, text: encodeRunRecord(kept) };
  });
  out.push({ run: current.run, text: encodeRunRecord(current) });
  return out;
}
