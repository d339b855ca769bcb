import { RUN_RECORD_FORMAT, type RunRecord } from "./runRecord";

/**
 * A run record as JSON text in plain ASCII (other characters as \u escapes), so that no program
 * that stores the cells can change a byte of it by normalising text.
 */
export function encodeRunRecord(record: RunRecord): string {
  return JSON.stringify({ format: RUN_RECORD_FORMAT, ...record }).replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
