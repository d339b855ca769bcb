/** Where an input value came from: the sheet and the 1-based worksheet row that held it. */
export interface SourceRef {
  /** The sheet (or table) name as the user wrote it, e.g. "Posts". */
  sheet: string;
  /** 1-based worksheet row number of the record. */
  row: number;
}

/** How serious a problem is: an error blocks every write; a warning is shown and the run goes on. */
export type Severity = "error" | "warning";

/**
 * A problem with the user's data. Bad data is a value, never an exception (see errors.ts for
 * programming errors). The engine fills `sheet`, `row` and `field`; the workbook layer, which
 * knows where each column stands, resolves them to `cell` ("F3").
 */
export interface Problem {
  severity: Severity;
  /** Sheet the problem is on ("Posts"); "Workbook" when it concerns no single sheet. */
  sheet: string;
  /** 1-based worksheet row, when the problem concerns one record. */
  row?: number;
  /** Canonical column name ("Cost", "FundedBy", an instrument code for a split column). */
  field?: string;
  /** A1 address on `sheet` ("F3"), filled by the workbook layer. */
  cell?: string;
  /** What is wrong and what to do, in words a budget officer understands. */
  message: string;
}

/** Builds an error-severity problem about one field of one input record. */
export function problemAt(
  source: SourceRef | undefined,
  field: string | undefined,
  message: string,
): Problem {
  return {
    severity: "error",
    sheet: source?.sheet ?? "Workbook",
    ...(source ? { row: source.row } : {}),
    ...(field !== undefined ? { field } : {}),
    message,
  };
}

/** Builds a warning about one field of one input record. */
export function warningAt(
  source: SourceRef | undefined,
  field: string | undefined,
  message: string,
): Problem {
  return { ...problemAt(source, field, message), severity: "warning" };
}

/** True when any problem in the list blocks a run. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
