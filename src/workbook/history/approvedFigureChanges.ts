import { commonQuantum, quantaPer } from "../../engine/changes/commonQuantum";
import { NO_FIGURES, type Figures } from "../../engine/changes/figures";
import { runFigures } from "../../engine/changes/runFigures";
import type { Allocation } from "../../engine/result";
import { nameKey } from "../../engine/stages/nameKey";
import type { RunRecord } from "./runRecord";
import { recordOfRun } from "./recordOfRun";

/** One instrument whose approved figures would change, in quanta of `quantum`. */
export interface InstrumentChange {
  instrument: string;
  before: Figures;
  after: Figures;
}

/** The figures of an approved run that this run would change. */
export interface ApprovedFigureChanges {
  /** Instruments whose period figures (direct, PSC, total) change; the currency's quanta of `quantum`. */
  instruments: InstrumentChange[];
  /** How many yearly figures (direct or PSC of an instrument in a year) change. */
  years: number;
  /** How many shares of a common service (an instrument's share of a unit over the period) change. */
  units: number;
  quantum: number;
  /** Set when the currency changed: then every figure does. */
  currency?: { before: string; after: string };
}

/**
 * What this run changes of the figures an approved run published — each instrument's period
 * figures, its yearly figures and its share of each common service — or undefined when it
 * changes none of them. Figures are compared in the finer of the two rounding units.
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
  const find = <T>(byCode: Record<string, T>, code: string): T | undefined =>
    byCode[code] ?? Object.entries(byCode).find(([k]) => nameKey(k) === nameKey(code))?.[1];
  const scale = (f: Figures | undefined, k: number): Figures =>
    f === undefined ? { ...NO_FIGURES } : { direct: f.direct * k, psc: f.psc * k, total: f.total * k };
  const currency = nameKey(was.currency) !== nameKey(after.currency);

  const instruments: InstrumentChange[] = [];
  for (const code of codes) {
    const before = scale(find(was.byInstrument, code), k0);
    const later = scale(find(after.byInstrument, code), k1);
    if (
      currency ||
      before.direct !== later.direct ||
      before.psc !== later.psc ||
      before.total !== later.total
    )
      instruments.push({ instrument: code, before, after: later });
  }

  let years = 0;
  const allYears = [...new Set([...approved.years, ...now.years])];
  for (const code of codes) {
    const a = find(approved.byYear, code);
    const b = find(now.byYear, code);
    for (const year of allYears) {
      const i = approved.years.indexOf(year);
      const j = now.years.indexOf(year);
      for (const part of ["direct", "psc"] as const) {
        const x = i < 0 || a === undefined ? 0 : a[part][i] * k0;
        const y = j < 0 || b === undefined ? 0 : b[part][j] * k1;
        if (currency || x !== y) years++;
      }
    }
  }

  let units = 0;
  const unitNames = [...now.units.map((u) => u.unit)];
  for (const u of approved.units)
    if (!unitNames.some((n) => nameKey(n) === nameKey(u.unit))) unitNames.push(u.unit);
  for (const unit of unitNames) {
    const a = approved.units.find((u) => nameKey(u.unit) === nameKey(unit))?.shares ?? {};
    const b = now.units.find((u) => nameKey(u.unit) === nameKey(unit))?.shares ?? {};
    for (const code of codes) {
      if (currency || (find(a, code) ?? 0) * k0 !== (find(b, code) ?? 0) * k1) units++;
    }
  }
  if (instruments.length === 0 && years === 0 && units === 0) return undefined;
  return {
    instruments,
    years,
    units,
    quantum,
    ...(currency ? { currency: { before: was.currency, after: after.currency } } : {}),
  };
}
