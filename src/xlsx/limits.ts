/**
 * What the .xlsx adapter reads at most, stated so that a workbook beyond them is refused with a
 * clear message before any work starts, rather than running out of memory halfway.
 */
export const LIMITS: Readonly<Record<"maxRows" | "maxCells" | "maxPartBytes", number>> = {
  /** Rows of one input sheet (as many as Excel has would be 1,048,576). */
  maxRows: 1_048_576,
  /** Non-empty cells of one input sheet. */
  maxCells: 5_000_000,
  /** Unpacked size of one worksheet part that is read, in bytes. */
  maxPartBytes: 256 * 1024 * 1024,
};
