import { InvalidArgumentError } from "./errors";
import type { ContributionBasis } from "./result";
import { roundTable } from "./roundTable";
import { scaleYear, type ScaleField, type ScaleParty, type ScaleYearRule } from "./scaleYear";

/** One instrument's scale over the period, in integer quanta. */
export interface ScaleInput {
  parties: readonly ScaleParty[];
  /** What the Parties fund in each year, in whole quanta (not negative). */
  amounts: readonly number[];
  /** Threshold in the rates' unit, floor in whole quanta, ceiling as a fraction. */
  rule: ScaleYearRule;
  /** How a message shows an amount of quanta. */
  describeAmount?: (quanta: number) => string;
}

/** The rounded contributions of every Party in every year, or the year and reason the rules fail. */
export type ScaleOutcome =
  | {
      ok: true;
      /** Rounded contributions in quanta, year-major: byYear[y * parties + p]. */
      byYear: Float64Array;
      /** The exact contributions they were rounded from, in the same layout. */
      exact: Float64Array;
      /** Each Party's exact share of the period's amount (fraction). */
      shares: Float64Array;
      /** basis[p][y]: how Party p's figure was set in year y. */
      basis: ContributionBasis[][];
    }
  | { ok: false; year: number; field: ScaleField; message: string };

/**
 * An instrument's scale of contributions over the period: each year's exact contributions by
 * scaleYear (amounts and floor in whole quanta, so the ceiling is rounded down to one), then the
 * table years × Parties rounded by controlled rounding (roundTable): every year's contributions add
 * up exactly to its amount, every figure is the floor or the ceiling of its exact value (so a
 * Party at a bound of whole quanta stays exactly on it), and every Party's total for the period is
 * within one quantum of its exact total.
 */
export function scaleOfContributions(input: ScaleInput): ScaleOutcome {
  const { parties, amounts, rule } = input;
  const n = parties.length;
  const years = amounts.length;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a) || a < 0)
      throw new InvalidArgumentError(`Amounts must be whole quanta, not negative; got ${a}.`);
  }
  if (rule.floor !== undefined && !Number.isSafeInteger(rule.floor))
    throw new InvalidArgumentError(`The floor must be whole quanta; got ${rule.floor}.`);

  const exact = new Float64Array(years * n);
  const basis: ContributionBasis[][] = parties.map(() => new Array<ContributionBasis>(years));
  const options = {
    wholeQuanta: true,
    ...(input.describeAmount ? { describeAmount: input.describeAmount } : {}),
  };
  for (let y = 0; y < years; y++) {
    const year = scaleYear(parties, amounts[y], rule, options);
    if (!year.ok) return { ok: false, year: y, field: year.field, message: year.message };
    exact.set(year.amounts, y * n);
    for (let p = 0; p < n; p++) basis[p][y] = year.basis[p];
  }
  const byYear = n === 0 ? new Float64Array(0) : roundTable(exact, years, n, amounts);
  return { ok: true, byYear, exact, shares: periodShares(input, exact), basis };
}

/**
 * Each Party's exact share of the period's amount. With nothing to share, the shares the rules
 * give for any amount (a floor cannot apply to nothing, so it is left out).
 */
function periodShares(input: ScaleInput, exact: Float64Array): Float64Array {
  const { parties, amounts, rule } = input;
  const n = parties.length;
  const total = amounts.reduce((a, b) => a + b, 0);
  const shares = new Float64Array(n);
  if (total > 0) {
    for (let y = 0; y < amounts.length; y++)
      for (let p = 0; p < n; p++) shares[p] += exact[y * n + p] / total;
    return shares;
  }
  const { floor: _none, ...unbounded } = rule;
  const unit = scaleYear(parties, 1, unbounded);
  if (unit.ok) shares.set(unit.amounts);
  return shares;
}
