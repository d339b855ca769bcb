import type { Headline } from "./headline";
import type { Method, Settings } from "./model";
import type { Problem, SourceRef } from "./problem";

/**
 * The engine's output. Every amount is an integer number of quanta of `settings.rounding`
 * (whole euros when rounding = 1, cents when 0.01): convert with `fromQuanta` (money.ts).
 *
 * Shares are stored year-major in flat arrays: `shares[y * instruments.length + i]` is the
 * share of instrument `instruments[i]` in year `years[y]`. Invariants (tested):
 * - for every line, unit and year, the shares add up exactly to `totals[y]`;
 * - summary figures are the sums of the detail figures (units of lines, instruments of units);
 * - a period figure is the sum of its years.
 */

/** How one unit's costs were shared, in words and in weights, for the sheets and the annex. */
export interface RuleApplied {
  unit: string;
  /** The method, or "support" for a support unit passed on to the units it serves. */
  method: Method | "support";
  /** The rule restated in English (the annex translates from `method`, `basis` and the bounds). */
  description: string;
  /** Driver column or hybrid basis text, as in the Rules sheet ("Parties", "40% equal + 60% Parties"). */
  basis?: string;
  /** Participating instrument codes, in `instruments` order. */
  participants: string[];
  min?: number;
  max?: number;
  /** Final weights (fractions adding up to 1) by instrument, after bounds; absent for `posts`. */
  weights?: Record<string, number>;
  /** Support units only: the share of each receiving unit in what this unit passed on. */
  servedUnits?: Record<string, number>;
  /** Row of the Rules sheet (or first Support row) this came from. */
  source?: SourceRef;
}

/** One post or budget line, with its cost and shares per year. */
export interface LineResult {
  kind: "post" | "budget";
  /** PostId, or the budget Item. */
  id: string;
  /** Post title, or the budget Item again. */
  title: string;
  unit: string;
  /** "Staff" for posts; the budget line's category otherwise. */
  category: string;
  grade?: string;
  fte?: number;
  fundedBy?: string;
  /** How this line was split, in words ("Own split: CMS 85%, ASCOBANS 15%", "Unit rule: equal"). */
  rule: string;
  /** Cost per year, in quanta. */
  totals: number[];
  /** Shares, year-major: shares[y * n + i]. Each year's shares add up to totals[y]. */
  shares: Float64Array;
  /**
   * The weights the line was split by, one per instrument (their sum is not 1: a share is a
   * weight over the sum), shared by lines of the same split; absent for a support unit's lines,
   * which follow what their unit passed on. The staffing table prints them, not the rounded shares.
   */
  split?: Float64Array;
  source: SourceRef;
}

/** One common service unit: its own costs, what it received from support units, and its shares. */
export interface UnitResult {
  unit: string;
  /** True for a support unit (it appears as a provider in the Support sheet). */
  support: boolean;
  /** Cost of the unit's own posts and budget lines per year, in quanta. */
  own: number[];
  /** Support costs received from support units per year (0 for a support unit). */
  received: number[];
  /**
   * Operating unit: own + received, split by its rule. Support unit: what it passed on
   * (equal to `own`), split as it reached the instruments through the units it serves.
   */
  totals: number[];
  /** Shares, year-major: shares[y * n + i], adding up to totals[y]. */
  shares: Float64Array;
  /** Support unit only: amount passed on to each receiving operating unit, per year. */
  passedOn?: Record<string, number[]>;
}

/** What one instrument pays: direct share, programme support costs and total, per year. */
export interface InstrumentTotal {
  code: string;
  /** Direct share per year (before PSC), in quanta: the sum of its shares over all lines. */
  direct: number[];
  /** PSC per year, in quanta. */
  psc: number[];
  /** direct + psc per year. */
  total: number[];
  /** Direct share over the period by category ("Staff", "Meetings", ...). */
  byCategory: Record<string, number>;
  /** Staff time borne (sum of post FTE x share), for "staff time freed". */
  fte: number;
}

/** Savings of one instrument that has a stand-alone baseline, over the period. */
export interface SavingsResult {
  code: string;
  /** Stand-alone cost over the period (direct, before PSC), in quanta. */
  baseline: number;
  /** Its direct share of the common costs over the period, in quanta. */
  shared: number;
  /** baseline - shared (positive = saved). */
  savings: number;
  /** The same three figures by category. */
  byCategory: Record<string, { baseline: number; shared: number; savings: number }>;
  /** Staff time in the baseline (FTE), where the baseline gives it. */
  baselineFte?: number;
  /** Staff time borne under sharing (FTE). */
  sharedFte: number;
  /** baselineFte - sharedFte: staff time freed for implementation support. */
  fteFreed?: number;
}

/** Exchange of services for one instrument, over the period (seed ¶24). */
export interface SettlementResult {
  code: string;
  /** Its direct share of the common costs, in quanta. */
  share: number;
  /** Cost of the posts it funds (FundedBy), in quanta. */
  funded: number;
  /** share - funded: positive = it owes, negative = it contributed more than its share. */
  balance: number;
}

/** The whole result of one run. */
export interface Allocation {
  settings: Settings;
  /** Calendar years of the period. */
  years: number[];
  /** Instrument codes, in the order of the Instruments sheet. */
  instruments: string[];
  rules: RuleApplied[];
  lines: LineResult[];
  /** Operating units first (in order of first appearance), then support units. */
  units: UnitResult[];
  instrumentTotals: InstrumentTotal[];
  savings: SavingsResult[];
  settlement: SettlementResult[];
  /** Grand totals per year: direct (sum of operating units), psc, total. */
  grandTotal: { direct: number[]; psc: number[]; total: number[] };
  /** Warnings met on the way (never errors: with errors there is no Allocation). */
  warnings: Problem[];
  /** In a workbook with options: the name of the option this allocation is. */
  scenario?: string;
  /**
   * In a workbook with options, on the allocation that computeOptions returns (the option
   * written as Allocation and Annex 1): every option in order, each with its own allocation.
   */
  scenarios?: ScenarioResult[];
  /** The scale of contributions of each instrument with Parties; present only when the workbook has a Parties sheet. */
  contributions?: InstrumentContributions[];
  /** Each instrument's period figures, exact and rounded, for the computations after this one to be steered by (headline.ts). */
  headline?: Headline;
}

/** One option (scenario) of a workbook with options, run through the whole pipeline on its own rows. */
export interface ScenarioResult {
  /** The option's name as the workbook spells it (Settings Scenarios, or where it first appears). */
  name: string;
  /** Its allocation (without `scenarios` of its own). */
  allocation: Allocation;
}

/** What `computeAllocation` returns: a result, or the problems that prevent one. */
export type AllocationOutcome = { ok: true; allocation: Allocation } | { ok: false; problems: Problem[] };

/**
 * How a Party's contribution was set in one year: in proportion to its UN scale rate, its agreed
 * fixed share, held at the minimum contribution or the maximum share, or nothing because its UN
 * scale rate is below the instrument's threshold.
 */
export type ContributionBasis = "scale" | "fixed" | "floor" | "ceiling" | "exempt";

/** What one Party pays to one instrument. */
export interface PartyContribution {
  party: string;
  /** UN scale rate as a fraction, as read; absent for a Party with only a fixed share. */
  unScale?: number;
  /** Its agreed fixed share (fraction), when it has one. */
  fixed?: number;
  /** Its exact (unrounded) share of the instrument's amount over the period, a fraction. */
  share: number;
  /** How its figure was set in each year, in `years` order. */
  basis: ContributionBasis[];
  /** Its contribution per year, in quanta; each year's contributions add up to that year's amount. */
  byYear: number[];
  /** The sum of byYear: within one quantum of its exact total over the period. */
  total: number;
  source: SourceRef;
}

/** The scale of contributions of one instrument. */
export interface InstrumentContributions {
  instrument: string;
  /** What its Parties fund each year, in quanta. */
  amount: number[];
  /** True when the amount is the instrument's total with PSC from the allocation (no Amount given). */
  amountFromAllocation: boolean;
  /** The rules applied (from the Scales sheet), for notes and footnotes. */
  threshold?: number;
  /** Minimum contribution, in quanta. */
  floor?: number;
  ceiling?: number;
  /** Its Parties, in the order of the Parties sheet. */
  parties: PartyContribution[];
}

/** What `computeContributions` returns: every instrument's scale, or the problems that prevent one. */
export type ContributionsOutcome =
  { ok: true; contributions: InstrumentContributions[] } | { ok: false; problems: Problem[] };
