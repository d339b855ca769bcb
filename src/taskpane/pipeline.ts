import type { Language, Model, RuleSpec } from "../engine/model";
import type { Problem } from "../engine/problem";
import type { Allocation } from "../engine/result";
import type { OutputSheet, WorkbookGrids } from "../workbook/grid";
import type { RunComparison } from "../workbook/history/compareRuns";
import type { RunHistory } from "../workbook/history/readRunHistory";
import type { RunPlan } from "../workbook/planRun";
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

/** Where the Settings sheet's keys and values stand, so that the pane can set Status and DocumentSymbol. */
export interface SettingsLocation {
  sheet: string;
  /** 1-based worksheet columns of Key and Value. */
  keyColumn: number;
  valueColumn: number;
  /** The row of each key found, by canonical name ("Status"). */
  rows: Partial<Record<string, number>>;
  /** The last row of the sheet's keys: a new key goes below it. */
  lastRow: number;
}

/** What reading a workbook gives the pane. */
export interface ReadOutcome {
  model?: Model;
  problems: Problem[];
  sheets: SheetFinding[];
  rules?: RulesLocation;
  settings?: SettingsLocation;
  /** Gives a problem of the run (which knows rows and fields, not columns) its cell. */
  locate?: (problem: Problem) => Problem;
}

/** What a run finds: every problem located at its cell, and the allocation when none is an error. */
export interface RunOutcome {
  problems: Problem[];
  allocation?: Allocation;
  /** The model allocated: the run keeps it, so that the next run can say what changed. */
  model?: Model;
  /** What earlier runs recorded in the workbook. */
  history?: RunHistory;
}

/** A run that can be written: its allocation, with the model and history it came from. */
export type WritableRun = RunOutcome & { allocation: Allocation };

/** This run set against the earlier ones, before it is written. */
export interface RunReview {
  /** The number this run gets in the workbook's Log. */
  run: number;
  /** What it is compared with, and how its figures moved. */
  comparison: RunComparison;
  /**
   * When the latest earlier run was approved and this run changes its figures: which, in lines
   * ("Run 3 ... was approved (UNEP/CMS/StC44/Doc.X). This run would change its figures:", "  CMS: ...").
   */
  approvedChanges?: string[];
  /**
   * Set when the run is marked Approved under the paper of an earlier approved run with other
   * figures (restatedApproval): it cannot be written, nor its annex exported, before Status or
   * the document symbol changes.
   */
  restated?: Problem;
}

/** What a write from the pane puts into the workbook, and what it must ask or refuse first. */
export type PanePlan = RunPlan & {
  /** When the run changes an approved run's figures: the question's lines (as RunReview's). */
  approvedChanges?: string[];
  /**
   * Set when the run is marked Approved under the paper of an earlier approved run with other
   * figures (restatedApproval): nothing is written.
   */
  restated?: Problem;
};

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
  /**
   * The figures' output sheets of a run (Allocation, ..., Annex, Log), without the run's record and
   * Changes; asynchronous, as plan is: the sheet builders load when first needed.
   */
  outputs(allocation: Allocation, grids: WorkbookGrids, time: Date): Promise<OutputSheet[]>;
  /**
   * Everything a write puts into the workbook (planRun): the sheets, and whether it changes an
   * approved run. Asynchronous: its code loads when first needed.
   */
  plan(run: WritableRun, grids: WorkbookGrids, time: Date): Promise<PanePlan>;
  /** The run compared with the earlier ones, for the Changes view and the question before a write (loads as plan does). */
  review(run: WritableRun): Promise<RunReview>;
  /** The names of the sheets a run writes, in order. */
  outputNames: readonly string[];
  /** The annex as a Word document, when the annex writer is present. */
  annexDocx?: (allocation: Allocation, language: Language) => Promise<Uint8Array>;
  /** The annex as an HTML table for the clipboard, when the annex writer is present. */
  annexHtml?: (allocation: Allocation, language: Language) => Promise<string>;
}
