import { parsePercent } from "./parsePercent";
import type { RulesColumn, RulesLocation } from "./pipeline";
import { isEmptyOptional, type RuleDraft } from "./ruleDraft";

/** One cell of the Rules sheet to write: text stays text, a bound is a fraction shown as a percent. */
export interface RuleCell {
  /** 1-based worksheet row. */
  row: number;
  /** 1-based worksheet column. */
  col: number;
  /** Text, a fraction (percent format), or null to clear the cell. */
  value: string | number | null;
  /** Excel number format for the cell ("@" text, "0.##%"). */
  format: string;
}

/** The contract's Rules columns in sheet order, used when the sheet lacks some of them. */
const ORDER: readonly RulesColumn[] = ["Unit", "Method", "Basis", "Participants", "Min", "Max"];

/**
 * The cells that put the drafts into the Rules sheet: each edited rule back on its own row, new rules
 * on the rows after the last one, and a missing optional column (Min, Max) added after the last
 * column, with its header, only when a rule needs it.
 */
export function rulesCells(
  location: RulesLocation,
  drafts: readonly RuleDraft[],
  initial: readonly RuleDraft[] = [],
): RuleCell[] {
  // Rules the officer did not touch keep their cells exactly as typed (their own wording of a basis).
  const untouched = new Set(initial.filter((d) => d.row !== undefined).map((d) => JSON.stringify(d)));
  const columns = { ...location.columns };
  const cells: RuleCell[] = [];
  let nextCol = Math.max(0, ...Object.values(columns).map((c) => c ?? 0)) + 1;
  const columnOf = (name: RulesColumn, needed: boolean): number | undefined => {
    const known = columns[name];
    if (known !== undefined || !needed) return known;
    columns[name] = nextCol++;
    cells.push({ row: location.headerRow, col: columns[name], value: name, format: "@" });
    return columns[name];
  };
  let nextRow = location.lastRow + 1;
  for (const d of drafts) {
    if (isEmptyOptional(d) || untouched.has(JSON.stringify(d))) continue;
    const row = d.row ?? nextRow++;
    const min = parsePercent(d.min);
    const max = parsePercent(d.max);
    const values: Record<RulesColumn, string | number | null> = {
      Unit: d.unit.trim(),
      Method: d.method,
      Basis: d.basis.trim(),
      Participants: d.participants.join("; "),
      Min: min === undefined || Number.isNaN(min) ? null : min,
      Max: max === undefined || Number.isNaN(max) ? null : max,
    };
    for (const name of ORDER) {
      const value = values[name];
      const col = columnOf(name, value !== null && value !== "");
      if (col === undefined) continue;
      cells.push({
        row,
        col,
        value: value === "" ? null : value,
        format: typeof value === "number" ? "0.##%" : "@",
      });
    }
  }
  return cells;
}
