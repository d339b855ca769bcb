import type { Language, Model, RuleSpec } from "../engine/model";
import type { Problem } from "../engine/problem";
import type { Allocation } from "../engine/result";
import type { OutputSheet, WorkbookGrids } from "../workbook/grid";
import type { ContractSheetName, InputMapping } from "../workbook/inputMapping";

/** One column of the contract as found (or not) on the officer's sheet. */
export interface ColumnFinding {
  /** Canonical column name of the contract ("PostId"). */
  name: string;
  /** Header text as written on the sheet, when found. */
  found?: string;
  /** True when the sheet cannot be read without it. */
  required: boolean;
}

/** One input sheet of the contract as found (or not) in the workbook. */
export interface SheetFinding {
  /** Canonical sheet name of the contract ("Posts"). */
  name: ContractSheetName;
  /** Sheet or table name in the workbook, when found. */
  found?: string;
  required: boolean;
  /** 1-based worksheet row of the header, when found. */
  headerRow?: number;
  columns: ColumnFinding[];
  /** What the sheet holds, in a few words. */
  description: string;
  /** Headers on the sheet that match no contract column (candidates for a mapping). */
  otherHeaders: string[];
}

/** Where the Rules sheet's columns stand, so edited rules go back to the right cells. */
export interface RulesLocation {
  sheet: string;
  headerRow: number;
  /** 1-based worksheet column of each contract column that exists (Unit, Method, ...). */
  columns: Partial<Record<RulesColumn, number>>;
  /** Last worksheet row that holds a rule (headerRow when none). */
  lastRow: number;
}

/** The columns of the Rules sheet, in contract order. */
export type RulesColumn = "Unit" | "Method" | "Basis" | "Participants" | "Min" | "Max";

/** What reading a workbook gives the pane. */
export interface ReadOutcome {
  model?: Model;
  problems: Problem[];
  sheets: SheetFinding[];
  rules?: RulesLocation;
  /** Gives a problem of the run (which knows rows and fields, not columns) its cell. */
  locate?: (problem: Problem) => Problem;
}

/** What a run finds: every problem located at its cell, and the allocation when none is an error. */
export interface RunOutcome {
  problems: Problem[];
  allocation?: Allocation;
}

/** A basis parsed for a method, or why it cannot be. */
export type ParsedBasis = { ok: true; spec: RuleSpec } | { ok: false; message: string };

/**
 * The core functions the pane runs, gathered so that index.tsx wires the real engine and
 * workbook layer and the component tests can hand in small, known results.
 */
export interface Pipeline {
  /** Reads the input grids (with the officer's mapping) into a model and its problems. */
  read(grids: WorkbookGrids, mapping: InputMapping): ReadOutcome;
  /**
   * The whole run, as the CLI does it (analyseWorkbook): read, allocate, every problem at its
   * cell, output names checked. `adjust` gives the model to allocate instead of the one read
   * (the rules as edited in the pane).
   */
  analyse(grids: WorkbookGrids, mapping: InputMapping, adjust?: (read: Model) => Model): RunOutcome;
  /** Parses a Rules row's Method and Basis. */
  parseBasis(method: string, basis: string): ParsedBasis;
  /** The output sheets of a run (Allocation, Savings, Settlement, Annex, Log). */
  outputs(allocation: Allocation, grids: WorkbookGrids, time: Date): OutputSheet[];
  /** The names of the sheets a run writes, in order. */
  outputNames: readonly string[];
  /** The annex as a Word document, when the annex writer is present. */
  annexDocx?: (allocation: Allocation, language: Language) => Promise<Uint8Array>;
  /** The annex as an HTML table for the clipboard, when the annex writer is present. */
  annexHtml?: (allocation: Allocation, language: Language) => string;
}
