import { escalate } from "../escalate";
import type { Grade, Settings } from "../model";
import { exactQuantizer } from "../money";

/** Costs a line per year in quanta, exactly: not rounded (see costOf). */
export interface Coster {
  /** The calendar years of the period. */
  years: number[];
  /**
   * Writes a line's cost for each year at out[at + y]: per-year amounts as they are, else the
   * annual amount escalated, else the grade's standard cost (per year, or escalated) × FTE.
   * False, with zeros written, when some year has no cost.
   */
  into(
    amount: number | undefined,
    byYear: Record<number, number> | undefined,
    grade: Grade | undefined,
    fte: number,
    out: Float64Array,
    at: number,
  ): boolean;
  /** The same as a new array, or undefined when some year has no cost. */
  perYear(
    amount: number | undefined,
    byYear: Record<number, number> | undefined,
    grade: Grade | undefined,
    fte: number,
  ): number[] | undefined;
  /** The years of the period for which a line has no cost (empty when `into` succeeds). */
  missingYears(
    amount: number | undefined,
    byYear: Record<number, number> | undefined,
    grade: Grade | undefined,
  ): number[];
  /** True when the line's own amounts cost every year, without a grade. */
  coversPeriod(amount: number | undefined, byYear: Record<number, number> | undefined): boolean;
}

/** The costing of lines for a run's settings: years, escalation and rounding. */
export function costOf(settings: Settings): Coster {
  const Y = settings.years;
  const years = Array.from({ length: Y }, (_, k) => settings.firstYear + k);
  const toQuanta = exactQuantizer(settings.rounding);
  const growth = years.map((_, k) => escalate(1, settings.escalation, k));
  /** Year k's cost, NaN when there is none. */
  const costIn = (
    k: number,
    amount: number | undefined,
    byYear: Record<number, number> | undefined,
    grade: Grade | undefined,
    fte: number,
  ): number => {
    const given = byYear?.[years[k]];
    if (given !== undefined) return given;
    if (amount !== undefined) return amount * growth[k];
    if (grade === undefined) return Number.NaN;
    const g = grade.costByYear?.[years[k]];
    return (g !== undefined ? g : grade.cost * growth[k]) * fte;
  };
  const into: Coster["into"] = (amount, byYear, grade, fte, out, at) => {
    for (let k = 0; k < Y; k++) {
      const v = costIn(k, amount, byYear, grade, fte);
      if (!Number.isFinite(v)) {
        out.fill(0, at, at + Y);
        return false;
      }
      out[at + k] = toQuanta(v);
    }
    return true;
  };
  return {
    years,
    into,
    perYear(amount, byYear, grade, fte) {
      const out = new Float64Array(Y);
      return into(amount, byYear, grade, fte, out, 0) ? Array.from(out) : undefined;
    },
    missingYears: (amount, byYear, grade) =>
      years.filter((_, k) => !Number.isFinite(costIn(k, amount, byYear, grade, 1))),
    coversPeriod: (amount, byYear) =>
      amount !== undefined || years.every((year) => byYear?.[year] !== undefined),
  };
}
