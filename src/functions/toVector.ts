import { cellError } from "./cellError";
import { parseNumberText } from "./toNumber";

/** How a one-dimensional range lies on the sheet; results spill the same way. */
export type Orientation = "row" | "column";

/** A row or column of numbers read from a range argument. */
export interface Vector {
  values: number[];
  orientation: Orientation;
}

/**
 * Reads a range argument that must be a single row or column of numbers (weights, rates, costs).
 * Blank cells count as 0, as SUM counts them; text that is not a number is refused with its
 * position so the officer can find it.
 */
export function toVector(value: unknown, what: string): Vector {
  if (value === null || value === undefined) throw cellError("notAvailable", `${what} is missing.`);
  if (!Array.isArray(value)) return { values: [cellNumber(value, what, 1)], orientation: "row" };
  const rows = value as unknown[][];
  if (rows.length === 0 || rows[0].length === 0) throw cellError("notAvailable", `${what} is empty.`);
  if (rows.length === 1) {
    const row = rows[0];
    const values = new Array<number>(row.length);
    for (let i = 0; i < row.length; i++) values[i] = cellNumber(row[i], what, i + 1);
    return { values, orientation: "row" };
  }
  if (rows.every((r) => r.length === 1)) {
    const values = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = cellNumber(rows[i][0], what, i + 1);
    return { values, orientation: "column" };
  }
  throw cellError(
    "invalidValue",
    `${what} must be a single row or a single column (this range has ${rows.length} rows and ${rows[0].length} columns).`,
  );
}

/** Lays `values` out on the sheet the way the argument they came from was laid out. */
export function spill(values: readonly number[], orientation: Orientation): number[][] {
  return orientation === "row" ? [Array.from(values)] : values.map((v) => [v]);
}

/** One cell of a range argument as a number: blank is 0, number text is read, anything else is refused. */
export function cellNumber(cell: unknown, what: string, position: number): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (cell === null || cell === undefined || cell === "") return 0;
  const parsed = typeof cell === "string" ? parseNumberText(cell) : undefined;
  if (parsed !== undefined) return parsed;
  if (typeof cell === "string")
    throw cellError("invalidValue", `${what}: value ${position} is "${cell}", not a number.`);
  if (typeof cell === "boolean") {
    throw cellError(
      "invalidValue",
      `${what}: value ${position} is ${cell ? "TRUE" : "FALSE"}, not a number.`,
    );
  }
  throw cellError("invalidValue", `${what}: value ${position} is not a number.`);
}
