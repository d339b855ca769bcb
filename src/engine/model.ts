import type { SourceRef } from "./problem";

/**
 * The engine's input model: what the workbook layer reads from the input sheets.
 *
 * Amounts here are plain currency numbers as the user typed them (euros, not cents): the engine
 * turns them into integer quanta of `Settings.rounding` before any arithmetic (see money.ts).
 * Percentages are fractions (25% = 0.25). Every record carries its `source` so that a problem
 * can name the cell it came from.
 */

/** Support-unit method: reciprocal (x = d + A·x, the default) or step-down (in sheet order). */
export type SupportMethod = "reciprocal" | "step-down";

/** Annex languages: the CMS working languages. */
export type Language = "en" | "fr" | "es";

/** Where a run stands with the Standing Committee: a draft, submitted in a paper, or approved by it. */
export type RunStatus = "Draft" | "Submitted" | "Approved";

/** The Settings sheet. Every field has a default (see defaultSettings). */
export interface Settings {
  /** ISO currency code used in headings, e.g. "EUR". */
  currency: string;
  /** First budget year, e.g. 2015. */
  firstYear: number;
  /** Number of years in the period (a triennium = 3). */
  years: number;
  /** Annual escalation as a fraction (0.02 = 2% a year, compounded from FirstYear). */
  escalation: number;
  /** Programme support cost rate as a fraction (0.13 = 13%), added on each instrument's share. */
  psc: number;
  /** Rounding unit of every published figure: 1 = whole units, 0.01 = cents, 1000 = thousands. */
  rounding: number;
  /** How support units are passed on to the units they serve. */
  supportMethod: SupportMethod;
  /** Annex: document symbol printed in the header, e.g. "UNEP/CMS/StC44/Doc.X": the paper the run serves. */
  documentSymbol?: string;
  /** The run's status, recorded in the Log and shown on the annex (a draft mark until approved); default Draft. */
  status?: RunStatus;
  /** Annex: title of the annex tables. */
  annexTitle?: string;
  /** Annex: number of the first annex (annexes are numbered from it). */
  annexStart?: number;
  /** Annex: AnnexStart was given as a Roman numeral (IV), so the annexes are numbered IV, V, VI. */
  annexRoman?: boolean;
  /** Annex: language of headings, footnotes and rule sentences. */
  language?: Language;
  /**
   * The options (scenarios) compared, in order (Settings key Scenarios, or the order in which the
   * Scenario columns first name them). Absent or empty: the workbook has no options.
   */
  scenarios?: string[];
  /** The option written as Allocation and Annex 1 (Settings key Scenario); default the first. */
  scenario?: string;
  /** Where each setting was read (key -> source), for problems that concern a setting. */
  sources?: Partial<Record<string, SourceRef>>;
}

/** The defaults of every setting, used when the Settings sheet or a key is missing. */
export const defaultSettings: Readonly<Settings> = Object.freeze({
  currency: "EUR",
  firstYear: 2015,
  years: 3,
  escalation: 0,
  psc: 0.13,
  rounding: 1,
  supportMethod: "reciprocal",
});

/** An instrument of the CMS Family (CMS, AEWA, ASCOBANS, an MOU, ...). */
export interface Instrument {
  /** Short code used everywhere else ("CMS", "AEWA", "IOSEA"). Unique, case-insensitive. */
  code: string;
  name: string;
  /** Typology, e.g. "Agreement", "MOU" — usable as a rule's participants. */
  type: string;
  /**
   * Numeric drivers by column name as written in the header ("Parties", "Budget", "Staff"):
   * every numeric column of the Instruments sheet. Looked up case-insensitively.
   */
  drivers: Record<string, number>;
  source: SourceRef;
}

/** A UN grade with its annual standard cost. */
export interface Grade {
  /** "P4", "D1", "G5", ... Unique, case-insensitive. */
  grade: string;
  /** Annual standard cost (currency) for the first year; escalated unless costByYear is given. */
  cost: number;
  /** Standard cost by calendar year, used as is (no escalation) when present for a year. */
  costByYear?: Record<number, number>;
  source: SourceRef;
}

/** A post (staff position) in a unit. Category is always "Staff". */
export interface Post {
  /** PostId: unique. */
  id: string;
  title: string;
  /** Grade code; needed when cost is not given. */
  grade?: string;
  /** The unit (common service) the post belongs to. */
  unit: string;
  /** Full-time equivalent, > 0 (default 1). */
  fte: number;
  /** Annual cost (currency) for the first year; undefined = grade cost x FTE. Escalated. */
  cost?: number;
  /** Cost by calendar year, used as is when present for a year. */
  costByYear?: Record<number, number>;
  /** Code of the instrument whose budget carries the post (for Settlement). */
  fundedBy?: string;
  /** The post's own split by instrument code (fractions adding up to 1), e.g. P4 15% ASCOBANS / 85% CMS. */
  split?: Record<string, number>;
  /**
   * The options (scenarios) this row holds in, as written in its Scenario cell; absent = every
   * option. Names compare trimmed and case-insensitively.
   */
  scenarios?: string[];
  source: SourceRef;
}

/** A non-staff budget line (meetings, operational costs, travel, ...) of a unit. */
export interface BudgetLine {
  item: string;
  unit: string;
  /** "Meetings", "Operational", "Travel", ... (as written; compared case-insensitively). */
  category: string;
  /** Annual amount for the first year; escalated. */
  amount?: number;
  /** Amount by calendar year, used as is when present for a year. */
  amountByYear?: Record<number, number>;
  /**
   * The options (scenarios) this row holds in, as written in its Scenario cell; absent = every
   * option. Names compare trimmed and case-insensitively.
   */
  scenarios?: string[];
  source: SourceRef;
}

/** One part of a hybrid key: `weight` (fraction) of the cost shared by `basis`. */
export interface HybridPart {
  /** Fraction of the cost shared by this part; the parts' weights add up to 1. */
  weight: number;
  /** "equal", or the name of an Instruments driver column ("Parties", "Budget"). */
  basis: string;
}

/** How a unit's costs are split; parsed from the Rules sheet's Method and Basis. */
export type RuleSpec =
  /** Agreed percentages, e.g. "CMS 50%; AEWA 50%". Fractions by instrument code, adding up to 1. */
  | { method: "fixed"; shares: Record<string, number> }
  /** The same share for every participant. */
  | { method: "equal" }
  /** In proportion to a numeric Instruments column (Parties, Budget, ...). */
  | { method: "driver"; driver: string }
  /** A weighted mix, e.g. "40% equal + 60% Parties". */
  | { method: "hybrid"; parts: HybridPart[] }
  /** Each post's own split (Posts sheet split columns); budget lines by the unit's posts' cost-weighted split. */
  | { method: "posts" };

/** The name of a rule method. */
export type Method = RuleSpec["method"];

/** The cost-sharing rule of one common service unit. */
export interface Rule {
  unit: string;
  spec: RuleSpec;
  /**
   * Who shares: tokens as written, each an instrument code, an instrument Type, or "all".
   * An empty list means all instruments.
   */
  participants: string[];
  /** Floor on each participant's share (fraction), with the shortfall taken from the others. */
  min?: number;
  /** Ceiling on each participant's share (fraction), with the excess redistributed. */
  max?: number;
  /**
   * The options (scenarios) this row holds in, as written in its Scenario cell; absent = every
   * option. Names compare trimmed and case-insensitively.
   */
  scenarios?: string[];
  source: SourceRef;
}

/** A support relation: `share` (fraction) of the provider unit's effort goes to the receiver unit. */
export interface SupportLink {
  provider: string;
  receiver: string;
  share: number;
  /**
   * The options (scenarios) this row holds in, as written in its Scenario cell; absent = every
   * option. Names compare trimmed and case-insensitively.
   */
  scenarios?: string[];
  source: SourceRef;
}

/** A line of an instrument's stand-alone cost today (the Baseline sheet), for Savings. */
export interface BaselineItem {
  instrument: string;
  item?: string;
  /** "Staff", "Meetings", "Operational", ... */
  category: string;
  grade?: string;
  /** Staff time (FTE) of this line, for "staff time freed". */
  fte?: number;
  /** Annual cost (currency) for the first year, escalated; undefined = grade cost x FTE. */
  cost?: number;
  /** Cost by calendar year, used as is when present for a year. */
  costByYear?: Record<number, number>;
  source: SourceRef;
}

/** Everything the engine needs for one run. */
export interface Model {
  settings: Settings;
  instruments: Instrument[];
  grades: Grade[];
  posts: Post[];
  budget: BudgetLine[];
  rules: Rule[];
  support: SupportLink[];
  baseline: BaselineItem[];
  /** The Parties sheet, when the workbook has one: the scale of contributions is computed only then. */
  parties?: Party[];
  /** The Scales sheet: each instrument's own rules for its scale (absent or partial = no rules). */
  scales?: ScaleRule[];
}

/** The category every post belongs to. */
export const STAFF_CATEGORY = "Staff";

/** A Party to an instrument, with its rate on the UN scale of assessments (Parties sheet). */
export interface Party {
  /** The Party's name as written ("Germany", "European Union"); unique within its instrument. */
  party: string;
  /** Code of the instrument it is a Party to. */
  instrument: string;
  /** UN scale of assessments as a fraction (22% = 0.22); absent only beside a fixed share. */
  unScale?: number;
  /** An agreed fixed share of the instrument's budget (fraction), e.g. 2.5% for a regional economic integration organization. */
  fixed?: number;
  source: SourceRef;
}

/** How one instrument turns the UN scale into its own scale of contributions (Scales sheet). */
export interface ScaleRule {
  instrument: string;
  /** What the Parties fund each year (currency); absent = the instrument's total with PSC from the allocation. */
  amount?: number;
  /** What the Parties fund by calendar year, used as is when present for a year. */
  amountByYear?: Record<number, number>;
  /** A Party whose UN scale rate (fraction) is below it pays nothing. */
  threshold?: number;
  /** A minimum contribution, in currency per year. */
  floor?: number;
  /** A maximum share of the amount (fraction). */
  ceiling?: number;
  source: SourceRef;
}
