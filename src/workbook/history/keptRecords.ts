import { encodeRunRecord } from "./encodeRunRecord";
import type { RecordText } from "./buildRunRecordsSheet";
import type { ReadRecord } from "./readRunRecords";
import type { RunRecord } from "./runRecord";

/**
 * The records the Run records sheet keeps after this run: every run's figures, but the inputs
 * only of the runs a later run may need to explain — this run (the next one compares with it)
 * and the last approved run (Changes compares with it too). Earlier records keep their stored
 * text unless their inputs go, so a record is never rewritten without need.
 */
export function keptRecords(earlier: readonly ReadRecord[], current: RunRecord): RecordText[] {
  const approved = [current, ...[...earlier].reverse().map((r) => r.record)].find(
    (r) => r.status === "Approved",
  );
  const out: RecordText[] = earlier.map(({ record, text }) => {
    if (record.inputs === undefined || record === approved) return { run: record.run, text };
    const { inputs: _dropped, ...rest } = record;
    return { run: record.run, text: encodeRunRecord(rest) };
  });
  out.push({ run: current.run, text: encodeRunRecord(current) });
  return out;
}
