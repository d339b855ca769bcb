import type { ChangeCause, OtherCause } from "./changeCause";

/** One input that differs between an earlier run and this one, for the Log and the Changes sheet. */
export interface InputChange {
  /** The waterfall group it belongs to, or "other" when it moves no instrument's share. */
  cause: ChangeCause | OtherCause;
  /** The sheet it is on ("Posts", "Settings"), as recorded with the record. */
  sheet: string;
  /**
   * The worksheet row: this run's row, or, for a record that is gone (`kind` "removed"), the row
   * it had in the earlier run. Absent for a setting left to its default.
   */
  row?: number;
  kind: "added" | "removed" | "changed";
  /** What the record is, in a few words: "Post P-12 (Communications officer)", "Rule of Communications". */
  item: string;
  /** The column that changed, for a changed record ("Cost"); absent for a whole record added or removed. */
  field?: string;
  /** The value before and after, as text (absent for an added or removed record). */
  before?: string;
  after?: string;
}
