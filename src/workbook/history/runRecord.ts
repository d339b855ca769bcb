import type { Figures, RunFigures } from "../../engine/changes/figures";
import type { Model, RunStatus } from "../../engine/model";
import type { ExactFigures } from "./recordedHeadline";

/** The format tag of a run record; a record of another format is reported, never guessed at. */
export const RUN_RECORD_FORMAT = "cmscs-run-1";

/**
 * What one run keeps about itself in the Run records sheet, so that a later run can compare with
 * it: its identity and status, its figures (by instrument for the period and by year, and each
 * common service's shares), and, for the runs a later one may need to explain (the latest and
 * the last approved), the inputs it was computed from. Amounts are integer quanta of
 * `figures.rounding`.
 */
export interface RunRecord {
  /** The run's number in this workbook: 1, 2, 3, ... */
  run: number;
  /** When it ran, ISO 8601 in UTC. */
  time: string;
  /** The add-in's version that computed it. */
  version: string;
  /** inputFingerprint() of its input sheets. */
  fingerprint: string;
  status: RunStatus;
  /** The paper it serves, when Settings named one. */
  documentSymbol?: string;
  /** Calendar years of its period. */
  years: number[];
  figures: RunFigures;
  /** Direct and PSC by year, by instrument code. */
  byYear: Record<string, { direct: number[]; psc: number[] }>;
  /** Each common service's shares over the period (operating units, in order), by instrument code. */
  units: { unit: string; shares: Record<string, number> }[];
  /**
   * Each option's period figures by instrument code, in quanta, when the run compared options (the
   * Options sheet and the annex's options table publish them); absent in a run without options.
   */
  options?: {
    name: string;
    byInstrument: Record<string, Figures>;
    exactFigures?: ExactFigures;
    /** The option's savings against the Baseline by instrument code (the Options sheet's column). */
    savings?: Record<string, number>;
  }[];
  /**
   * Each instrument's savings against the Baseline over the period, in quanta, by instrument code
   * (the Savings sheet and the annex's savings table); absent in records of earlier versions.
   */
  savings?: Record<string, number>;
  /**
   * Each Party's contribution per year, in quanta, by instrument code and then Party (the
   * Contributions sheet and the annex's scales); present when the run had a Parties sheet.
   */
  contributions?: Record<string, Record<string, number[]>>;
  /**
   * Every published figure, exact and rounded (recordedHeadline.ts), so that a later run can keep
   * the figures an edit leaves alone; kept, like `inputs`, only in the latest and the last
   * approved run's records, and absent in records of earlier versions.
   */
  exactFigures?: ExactFigures;
  /** The model the run allocated, when kept (see keptInputs). */
  inputs?: Model;
}
