import type { Allocation } from "../engine/result";
import type { WorkbookPort } from "../workbook/port";
import type { InputMapping } from "../workbook/inputMapping";
import type { RuleCell } from "./rulesCells";

/**
 * The workbook the pane works on and what its home can do with it: the open workbook inside
 * Excel, or an .xlsx file held in memory in a plain browser. Optional members exist in one home
 * only, and the pane shows a control only when its member is there.
 */
export interface WorkbookSession {
  /** Which home the pane runs in. */
  mode: "excel" | "browser";
  /** What the header calls the workbook: "This workbook" in Excel, the file name in a browser. */
  title: string;
  /** Reads inputs and writes outputs. */
  port: WorkbookPort;
  /** The officer's saved mapping of sheet and column names, if any. */
  loadMapping(): Promise<InputMapping | undefined>;
  /** Saves the mapping with the workbook (settings in Excel; in memory in a browser). */
  saveMapping(mapping: InputMapping): Promise<void>;
  /** Writes edited rules into the Rules sheet's cells. */
  writeRules(sheet: string, cells: RuleCell[]): Promise<void>;
  /** Excel only: selects a cell (or the sheet when no cell is known) so the officer can fix it. */
  selectCell?: (sheet: string, cell?: string) => Promise<void>;
  /** Excel only: shows a written sheet. */
  activateSheet?: (sheet: string) => Promise<void>;
  /** Excel only: extra work after the outputs are written (the native chart on Savings). */
  afterWrite?: (allocation: Allocation) => Promise<void>;
  /**
   * Excel only: calls `onSelect` with the sheet and address of every selection the officer makes,
   * so the pane can explain a figure of the Allocation sheet. Resolves to a function that stops it.
   */
  watchSelection?: (onSelect: (sheet: string, address: string) => void) => Promise<() => Promise<void>>;
  /** Browser only: the workbook, with its outputs, as .xlsx bytes to download. */
  download?: () => Promise<Uint8Array>;
  /**
   * Browser only: true when something was written into the workbook in this page (results, rules,
   * settings) since it was opened or last downloaded: work that opening another file would lose.
   */
  changedSinceDownload?: () => boolean;
}
