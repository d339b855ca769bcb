import type { RunStatus } from "../engine/model";
import type { SettingsLocation } from "./pipeline";
import type { RuleCell } from "./rulesCells";

/** The run's status and paper as the officer sets them in the pane. */
export interface StatusChoice {
  status: RunStatus;
  /** The document symbol; blank clears it. */
  documentSymbol: string;
}

/**
 * The cells that put a status and a document symbol into the Settings sheet: each key's value on
 * its own row, a key that is not there yet (with its name) on the rows after the last one. The
 * status is written as its word alone and the paper goes to DocumentSymbol, so the two never disagree.
 */
export function settingsCells(location: SettingsLocation, choice: StatusChoice): RuleCell[] {
  const cells: RuleCell[] = [];
  let next = location.lastRow + 1;
  const put = (key: string, value: string) => {
    const known = location.rows[key];
    const row = known ?? next++;
    if (known === undefined) {
      if (value === "") return;
      cells.push({ row, col: location.keyColumn, value: key, format: "@" });
    }
    cells.push({ row, col: location.valueColumn, value: value === "" ? null : value, format: "@" });
  };
  put("Status", choice.status);
  put("DocumentSymbol", choice.documentSymbol.trim());
  return cells;
}
