import { CHANGE_CAUSES, type ChangeCause } from "../engine/changes/changeCause";
import type { Figures } from "../engine/changes/figures";
import type { InputChange } from "../engine/changes/inputChange";
import type { RunStatus } from "../engine/model";
import { fromQuanta } from "../engine/money";
import type { Allocation } from "../engine/result";
import type { Comparison, RunComparison } from "./history/compareRuns";

/** An amount per instrument code. */
export type Amounts = Record<string, number>;

/** One unit in RESULT.json. */
export interface ResultUnit {
  unit: string;
  /** Operating unit: own costs + support received. Support unit: what it passed on. */
  total: number;
  /** How `total` was shared among the instruments. */
  shares: Amounts;
  /** Present (true) on support units only: their figures are already included in the operating units. */
  support?: true;
  /** Support units only: what went to each operating unit it serves, over the period. */
  passedOn?: Amounts;
}

/** What one instrument pays in RESULT.json. */
export interface ResultInstrumentTotal {
  /** Direct share by calendar year (keys are the years as strings). */
  byYear: Record<string, number>;
  /** Direct share over the period by category ("Staff", "Meetings", ...). */
  byCategory: Amounts;
  direct: number;
  psc: number;
  total: number;
}

/**
 * RESULT.json (DESIGN.md), in currency units rounded to Rounding. Period figures are sums of
 * their years. `units` lists the operating units, then the support units with `support: true`
 * and `passedOn`: a support unit's figures are already inside the operating units it served,
 * so `grandTotal.direct` = the sum of the operating units' totals = the sum of the instruments'
 * `direct`, and adding the support rows as well would count them twice.
 */
export interface ResultJson {
  currency: string;
  years: number[];
  instruments: string[];
  units: ResultUnit[];
  instrumentTotals: Record<string, ResultInstrumentTotal>;
  /** Only instruments with a Baseline. */
  savings: Record<string, { baseline: number; shared: number; savings: number }>;
  /** balance = share − funded: positive = the instrument owes. */
  settlement: Record<string, { share: number; funded: number; balance: number }>;
  grandTotal: { direct: number; psc: number; total: number };
  /** Only when the workbook has a Parties sheet: each instrument's scale of contributions. */
  contributions?: Record<string, ResultContributions>;
  /** Only for a workbook with options: the name of the option written, whose figures the keys above are. */
  scenario?: string;
  /**
   * Only for a workbook with options: every option in order, each with the same keys as the top
   * level (which are those of the option written).
   */
  scenarios?: ResultScenario[];
  /** The Status setting: Draft, Submitted or Approved. */
  status: RunStatus;
  /** The DocumentSymbol setting, when given. */
  documentSymbol?: string;
  /** How the figures moved since earlier runs; present when an earlier run is recorded. */
  changes?: { previous: ResultComparison; approved?: ResultComparison };
}

/** One instrument's scale of contributions in RESULT.json. */
export interface ResultContributions {
  /** What its Parties fund, by calendar year. */
  amount: Record<string, number>;
  /** Each Party, in the order of the Parties sheet. */
  parties: Record<string, ResultPartyContribution>;
}

/** What one Party pays. */
export interface ResultPartyContribution {
  /** Its UN scale rate as a fraction (0.06111 = 6.111%); null for a Party with only a fixed share. */
  unScale: number | null;
  /** Its exact share of the amount over the period, as a fraction. */
  share: number;
  byYear: Record<string, number>;
  total: number;
}

/** One option in RESULT.json. */
export interface ResultScenario {
  name: string;
  instrumentTotals: ResultJson["instrumentTotals"];
  grandTotal: ResultJson["grandTotal"];
  savings: ResultJson["savings"];
}

/** This run against one earlier run, in RESULT.json. */
export interface ResultComparison {
  run: number;
  time: string;
  status: RunStatus;
  documentSymbol?: string;
  /** Why the figures are not compared (another currency), when they are not. */
  notCompared?: string;
  /** The groups of the waterfall in the order they are applied, when compared. */
  order?: ChangeCause[];
  /** By instrument code: figures before and now, the difference, and its parts by step. */
  instruments?: Record<
    string,
    { previous: Figures; current: Figures; difference: Figures; causes: Record<string, Figures> }
  >;
  /** The inputs that changed, when the earlier run's inputs are recorded. */
  inputsChanged?: InputChange[];
}

/**
 * The figures of an Allocation as RESULT.json, in DESIGN.md's shape and key order, in currency
 * units; with options, `scenario` names the option they are and `scenarios` gives each option's
 * instrument totals, grand total and savings;
 * then the run's status and document, and, when `comparison` has an earlier run, `changes`.
 */
export function toResultJson(allocation: Allocation, comparison?: RunComparison): ResultJson {
  const { settings } = allocation;
  const scenarios = allocation.scenarios?.map(({ name, allocation: option }): ResultScenario => {
    const { instrumentTotals, grandTotal, savings } = resultOf(option);
    return { name, instrumentTotals, grandTotal, savings };
  });
  return {
    ...resultOf(allocation),
    ...(scenarios !== undefined ? { scenario: allocation.scenario, scenarios } : {}),
    status: settings.status ?? "Draft",
    ...(settings.documentSymbol?.trim() ? { documentSymbol: settings.documentSymbol.trim() } : {}),
    ...(comparison?.previous !== undefined
      ? {
          changes: {
            previous: resultComparison(comparison.previous),
            ...(comparison.approved !== undefined ? { approved: resultComparison(comparison.approved) } : {}),
          },
        }
      : {}),
  };
}

/** The keys DESIGN.md gives RESULT.json, for one allocation (one option). */
type CoreResult = Omit<ResultJson, "scenario" | "scenarios" | "status" | "documentSymbol" | "changes">;

/** RESULT.json's keys for one allocation (one option). */
function resultOf(allocation: Allocation): CoreResult {
  const { settings, years, instruments } = allocation;
  const n = instruments.length;
  const money = (q: number): number => fromQuanta(q, settings.rounding);
  const sum = (values: readonly number[]): number => values.reduce((s, q) => s + q, 0);
  const periodShares = (shares: Float64Array): Amounts => {
    const out: Amounts = {};
    instruments.forEach((code, i) => {
      let q = 0;
      for (let y = 0; y < years.length; y++) q += shares[y * n + i];
      out[code] = money(q);
    });
    return out;
  };

  const operating = allocation.units.filter((u) => !u.support);
  const support = allocation.units.filter((u) => u.support);
  const units: ResultUnit[] = [
    ...operating.map((u) => ({ unit: u.unit, total: money(sum(u.totals)), shares: periodShares(u.shares) })),
    ...support.map((u): ResultUnit => ({
      unit: u.unit,
      total: money(sum(u.totals)),
      shares: periodShares(u.shares),
      support: true,
      passedOn: Object.fromEntries(
        Object.entries(u.passedOn ?? {}).map(([receiver, amounts]) => [receiver, money(sum(amounts))]),
      ),
    })),
  ];

  const instrumentTotals: Record<string, ResultInstrumentTotal> = {};
  for (const t of allocation.instrumentTotals) {
    instrumentTotals[t.code] = {
      byYear: Object.fromEntries(years.map((year, y) => [String(year), money(t.direct[y])])),
      byCategory: Object.fromEntries(Object.entries(t.byCategory).map(([c, q]) => [c, money(q)])),
      direct: money(sum(t.direct)),
      psc: money(sum(t.psc)),
      total: money(sum(t.total)),
    };
  }

  const savings: ResultJson["savings"] = {};
  for (const s of allocation.savings) {
    savings[s.code] = { baseline: money(s.baseline), shared: money(s.shared), savings: money(s.savings) };
  }
  const settlement: ResultJson["settlement"] = {};
  for (const s of allocation.settlement) {
    settlement[s.code] = { share: money(s.share), funded: money(s.funded), balance: money(s.balance) };
  }

  const contributions = allocation.contributions && contributionsJson(allocation, money);

  return {
    currency: settings.currency,
    years: [...years],
    instruments: [...instruments],
    units,
    instrumentTotals,
    savings,
    settlement,
    grandTotal: {
      direct: money(sum(allocation.grandTotal.direct)),
      psc: money(sum(allocation.grandTotal.psc)),
      total: money(sum(allocation.grandTotal.total)),
    },
    ...(contributions !== undefined ? { contributions } : {}),
  };
}

/** The `contributions` key: per instrument, the amount by year and each Party's figures. */
function contributionsJson(
  allocation: Allocation,
  money: (q: number) => number,
): Record<string, ResultContributions> {
  const byYear = (amounts: readonly number[]) =>
    Object.fromEntries(allocation.years.map((year, y) => [String(year), money(amounts[y])]));
  const out: Record<string, ResultContributions> = {};
  for (const c of allocation.contributions ?? []) {
    // fromEntries defines each name as an own key, even a Party typed as "__proto__".
    const parties = Object.fromEntries(
      c.parties.map((p): [string, ResultPartyContribution] => [
        p.party,
        {
          unScale: p.unScale === undefined ? null : clean(p.unScale),
          share: clean(p.share),
          byYear: byYear(p.byYear),
          total: money(p.total),
        },
      ]),
    );
    out[c.instrument] = { amount: byYear(c.amount), parties };
  }
  return out;
}

/** A fraction without float noise (6.111 / 100 = 0.061110000000000005 → 0.06111), to 12 significant digits. */
function clean(fraction: number): number {
  return Number(fraction.toPrecision(12));
}

function resultComparison(c: Comparison): ResultComparison {
  const r = c.against;
  const head = {
    run: r.run,
    time: r.time,
    status: r.status,
    ...(r.documentSymbol !== undefined ? { documentSymbol: r.documentSymbol } : {}),
  };
  if (!c.outcome.ok) return { ...head, notCompared: c.outcome.reason };
  const a = c.outcome.attribution;
  const money = (f: Figures): Figures => ({
    direct: fromQuanta(f.direct, a.quantum),
    psc: fromQuanta(f.psc, a.quantum),
    total: fromQuanta(f.total, a.quantum),
  });
  const zero: Figures = { direct: 0, psc: 0, total: 0 };
  return {
    ...head,
    order: CHANGE_CAUSES.map((x) => x.cause),
    instruments: Object.fromEntries(
      a.instruments.map((code) => {
        const was = a.previous[code] ?? zero;
        const now = a.current[code] ?? zero;
        return [
          code,
          {
            previous: money(was),
            current: money(now),
            difference: money({
              direct: now.direct - was.direct,
              psc: now.psc - was.psc,
              total: now.total - was.total,
            }),
            causes: Object.fromEntries(
              a.steps.map((s) => [s.causes.join("+"), money(s.parts[code] ?? zero)]),
            ),
          },
        ];
      }),
    ),
    ...(c.changes !== undefined ? { inputsChanged: c.changes } : {}),
  };
}
