import { commonQuantum, quantaPer } from "../../engine/changes/commonQuantum";
import { NO_FIGURES, type Figures } from "../../engine/changes/figures";
import { runFigures } from "../../engine/changes/runFigures";
import type { Allocation } from "../../engine/result";
import { scenarioKey } from "../../engine/scenarioKey";
import { nameKey } from "../../engine/stages/nameKey";
import { pairOptions } from "./pairOptions";
import type { RunRecord } from "./runRecord";
import { recordOfRun } from "./recordOfRun";

/** One instrument whose approved figures would change, in quanta of `quantum`. */
export interface InstrumentChange {
  instrument: string;
  before: Figures;
  after: Figures;
}

/** An option of the approved run's comparison whose figures would change. */
export interface OptionChange {
  option: string;
  /** Its instruments whose period figures change (for an option in one run only: all of them). */
  instruments: InstrumentChange[];
  /** Set when the option is only in the approved run, or only in this one. */
  only?: "approved" | "now";
  /** Its instruments whose savings against the Baseline change (the Options sheet's column). */
  savingsOf?: string[];
}

/** The figures of an approved run that this run would change. */
export interface ApprovedFigureChanges {
  /** Instruments whose period figures (direct, PSC, total) change; the currency's quanta of `quantum`. */
  instruments: InstrumentChange[];
  /**
   * The options compared (Options sheet, the annex's options table) whose figures change, in the
   * approved run's order, then options new in this run; none when the approved run compared none.
   * The option written in both runs is left out when its changes are those of `instruments`.
   */
  options: OptionChange[];
  /** How many yearly figures (direct or PSC of an instrument in a year) change. */
  years: number;
  /** The instruments whose yearly figures change, in Instruments order. */
  yearsOf: string[];
  /**
   * The units whose shares change (an instrument's share of a unit over the period), each with
   * the instruments whose share changes.
   */
  unitsOf: { unit: string; instruments: string[] }[];
  /** The instruments whose savings against the Baseline change (Savings sheet, the annex's savings table). */
  savingsOf: string[];
  /** By instrument, the Parties whose contribution changes in some year (Contributions sheet, the annex's scales). */
  contributionsOf: { instrument: string; parties: string[] }[];
  quantum: number;
  /** Set when the currency changed: then every figure does. */
  currency?: { before: string; after: string };
}

/**
 * What this run changes of the figures an approved run published — each instrument's period
 * figures, its yearly figures, its share of each common service, its savings against the
 * Baseline, each option's figures and savings where the run compared options, and each Party's
 * contributions where it had Parties — or undefined when it changes none of them. Figures are
 * compared in the finer of the two rounding units. Savings and contributions are compared only
 * where the approved run's record keeps them (records of earlier versions do not).
 */
export function approvedFigureChanges(
  approved: RunRecord,
  allocation: Allocation,
): ApprovedFigureChanges | undefined {
  const now = recordOfRun(0, { time: new Date(0), version: "", fingerprint: "" }, allocation);
  const was = approved.figures;
  const after = runFigures(allocation);
  const quantum = commonQuantum(was.rounding, after.rounding) ?? Math.min(was.rounding, after.rounding);
  // Roundings that are not multiples of each other (rare) leave figures in fractions of a quantum: they still compare.
  const k0 = quantaPer(was.rounding, quantum) ?? was.rounding / quantum;
  const k1 = quantaPer(after.rounding, quantum) ?? after.rounding / quantum;
  const codes = [...after.instruments];
  for (const c of was.instruments) if (!codes.some((x) => nameKey(x) === nameKey(c))) codes.push(c);
  const scale = (f: Figures | undefined, k: number): Figures =>
    f === undefined ? { ...NO_FIGURES } : { direct: f.direct * k, psc: f.psc * k, total: f.total * k };
  const currency = nameKey(was.currency) !== nameKey(after.currency);

  const changed = (
    a: Record<string, Figures> | undefined,
    b: Record<string, Figures> | undefined,
  ): InstrumentChange[] => {
    const out: InstrumentChange[] = [];
    for (const code of codes) {
      const before = scale(a === undefined ? undefined : find(a, code), k0);
      const later = scale(b === undefined ? undefined : find(b, code), k1);
      if (
        currency ||
        before.direct !== later.direct ||
        before.psc !== later.psc ||
        before.total !== later.total
      )
        out.push({ instrument: code, before, after: later });
    }
    return out;
  };
  const instruments = changed(was.byInstrument, after.byInstrument);
  // The instruments whose savings differ, where the earlier record keeps savings.
  const savingsChanged = (a: Record<string, number> | undefined, b: Record<string, number> | undefined) =>
    a === undefined
      ? []
      : codes.filter(
          (code) =>
            currency || (find(a, code) ?? 0) * k0 !== (b === undefined ? 0 : (find(b, code) ?? 0) * k1),
        );
  const savingsOf = savingsChanged(approved.savings, now.savings);

  const options: OptionChange[] = [];
  if (approved.options !== undefined) {
    const written = allocation.scenario === undefined ? undefined : scenarioKey(allocation.scenario);
    for (const { name, before, after } of pairOptions(approved.options, now.options ?? [], "before")) {
      const change = changed(before?.byInstrument, after?.byInstrument);
      const saved = savingsChanged(before?.savings, after?.savings);
      // An option new in this run is always listed; the option written in both runs only where
      // its changes are not those of `instruments` and `savingsOf`.
      const repeats =
        before !== undefined &&
        scenarioKey(name) === written &&
        sameChanges(change, instruments) &&
        saved.join() === savingsOf.join();
      if ((change.length > 0 || saved.length > 0 || before === undefined) && !repeats)
        options.push({
          option: name,
          instruments: change,
          ...(saved.length > 0 && before !== undefined && after !== undefined ? { savingsOf: saved } : {}),
          ...(before === undefined
            ? { only: "now" as const }
            : after === undefined
              ? { only: "approved" as const }
              : {}),
        });
    }
  }

  let years = 0;
  const yearsOf: string[] = [];
  const allYears = [...new Set([...approved.years, ...now.years])];
  for (const code of codes) {
    const a = find(approved.byYear, code);
    const b = find(now.byYear, code);
    const before = years;
    for (const year of allYears) {
      const i = approved.years.indexOf(year);
      const j = now.years.indexOf(year);
      for (const part of ["direct", "psc"] as const) {
        const x = i < 0 || a === undefined ? 0 : a[part][i] * k0;
        const y = j < 0 || b === undefined ? 0 : b[part][j] * k1;
        if (currency || x !== y) years++;
      }
    }
    if (years > before) yearsOf.push(code);
  }

  const unitsOf: { unit: string; instruments: string[] }[] = [];
  const unitNames = [...now.units.map((u) => u.unit)];
  for (const u of approved.units)
    if (!unitNames.some((n) => nameKey(n) === nameKey(u.unit))) unitNames.push(u.unit);
  for (const unit of unitNames) {
    const a = approved.units.find((u) => nameKey(u.unit) === nameKey(unit))?.shares ?? {};
    const b = now.units.find((u) => nameKey(u.unit) === nameKey(unit))?.shares ?? {};
    const whose = codes.filter((code) => currency || (find(a, code) ?? 0) * k0 !== (find(b, code) ?? 0) * k1);
    if (whose.length > 0) unitsOf.push({ unit, instruments: whose });
  }
  const contributionsOf =
    approved.contributions === undefined ? [] : contributionChanges(approved, now, k0, k1, currency);
  if (
    instruments.length === 0 &&
    options.length === 0 &&
    years === 0 &&
    unitsOf.length === 0 &&
    savingsOf.length === 0 &&
    contributionsOf.length === 0
  )
    return undefined;
  return {
    instruments,
    options,
    years,
    yearsOf,
    unitsOf,
    savingsOf,
    contributionsOf,
    quantum,
    ...(currency ? { currency: { before: was.currency, after: after.currency } } : {}),
  };
}

/** The same instruments with the same figures before and after. */
function sameChanges(a: readonly InstrumentChange[], b: readonly InstrumentChange[]): boolean {
  const same = (x: Figures, y: Figures) => x.direct === y.direct && x.psc === y.psc && x.total === y.total;
  return (
    a.length === b.length &&
    a.every(
      (c, k) => c.instrument === b[k].instrument && same(c.before, b[k].before) && same(c.after, b[k].after),
    )
  );
}

/** By instrument, the Parties whose contribution in some calendar year differs between two records. */
function contributionChanges(
  approved: RunRecord,
  now: RunRecord,
  k0: number,
  k1: number,
  currency: boolean,
): { instrument: string; parties: string[] }[] {
  const was = approved.contributions ?? {};
  const is = now.contributions ?? {};
  const names = (a: Record<string, unknown>, b: Record<string, unknown>): string[] => {
    const out = Object.keys(b);
    for (const k of Object.keys(a)) if (!out.some((x) => nameKey(x) === nameKey(k))) out.push(k);
    return out;
  };
  const years = [...new Set([...approved.years, ...now.years])];
  const out: { instrument: string; parties: string[] }[] = [];
  for (const instrument of names(was, is)) {
    const a = find(was, instrument) ?? {};
    const b = find(is, instrument) ?? {};
    const parties = names(a, b).filter((party) => {
      const x = find(a, party);
      const y = find(b, party);
      return (
        currency ||
        years.some((year) => {
          const i = approved.years.indexOf(year);
          const j = now.years.indexOf(year);
          return (i < 0 || x === undefined ? 0 : x[i] * k0) !== (j < 0 || y === undefined ? 0 : y[j] * k1);
        })
      );
    });
    if (parties.length > 0) out.push({ instrument, parties });
  }
  return out;
}

/** A record's entry for a code or name, as written or matched as names are (nameKey). */
function find<T>(byName: Record<string, T>, name: string): T | undefined {
  return byName[name] ?? Object.entries(byName).find(([k]) => nameKey(k) === nameKey(name))?.[1];
}
