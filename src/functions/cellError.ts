/** What went wrong, in Excel's terms: a bad argument (#VALUE!) or a value that is missing (#N/A). */
export type CellErrorKind = "invalidValue" | "notAvailable";

/**
 * Builds the error a custom function throws so that its cell shows #VALUE! or #N/A, with a
 * message the budget officer sees when they hover over the cell.
 */
export function cellError(kind: CellErrorKind, message: string): ThrownCellError {
  const code =
    kind === "invalidValue" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  // The runtime's CustomFunctions.Error is thrown like any Error (it carries a message), but its
  // typings do not extend Error; the intersection says what it is so that it may be thrown.
  return new CustomFunctions.Error(code, message) as ThrownCellError;
}

/** A CustomFunctions.Error as it is thrown out of a custom function. */
export type ThrownCellError = CustomFunctions.Error & Error;
