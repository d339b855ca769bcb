import { AT_CEILING, AT_FLOOR, clampProportional } from "./clampProportional";
import { InvalidArgumentError } from "./errors";
import { formatPercent } from "./formatPercent";
import type { ContributionBasis } from "./result";

/** One Party as the scale sees it: its UN scale rate (any unit: only ratios count) and any fixed share. */
export interface ScaleParty {
  /** UN scale rate, ≥ 0 (0 when it has none); compared with the threshold in the same unit. */
  rate: number;
  /** Agreed fixed share of the amount (fraction), when it has one. */
  fixed?: number;
}

/** An instrument's rules for adapting the UN scale. */
export interface ScaleYearRule {
  /** A Party whose rate is below it (same unit as the rates) pays nothing. */
  threshold?: number;
  /** Minimum contribution, in the amount's unit. */
  floor?: number;
  /** Maximum share of the amount (fraction). */
  ceiling?: number;
}

/** How scaleYear works its figures out and words its messages. */
export interface ScaleYearOptions {
  /**
   * The amount and floor are whole quanta: the ceiling is then rounded down to a whole quantum,
   * so that rounding the contributions can never lift a capped Party over it.
   */
  wholeQuanta?: boolean;
  /** How a message shows an amount ("EUR 2,000"). @default the plain number */
  describeAmount?: (amount: number) => string;
}

/** The column of the Scales or Parties sheet that a failure concerns. */
export type ScaleField = "Fixed" | "Threshold" | "Floor" | "Ceiling" | "UNScale";

/** One year's exact contributions and how each was set, or why the rules cannot hold. */
export type ScaleYearOutcome =
  | { ok: true; amounts: Float64Array; basis: ContributionBasis[] }
  | { ok: false; field: ScaleField; message: string };

/**
 * One year of a scale of contributions: the fixed shares first; then the Parties whose rate is
 * below the threshold pay nothing; the others share the rest in proportion to their rates, each
 * held between the minimum contribution and the maximum share, with what a bound takes or gives
 * spread over the Parties not at a bound (clampProportional). Fixed shares are agreed figures and
 * are not bounded. Amounts are exact (unrounded); rules that cannot hold are a message.
 */
export function scaleYear(
  parties: readonly ScaleParty[],
  amount: number,
  rule: ScaleYearRule,
  options: ScaleYearOptions = {},
): ScaleYearOutcome {
  if (!Number.isFinite(amount) || amount < 0)
    throw new InvalidArgumentError(
      `The amount to share must be a finite amount, not negative; got ${amount}.`,
    );
  const show = options.describeAmount ?? ((x: number) => String(x));
  const n = parties.length;
  const amounts = new Float64Array(n);
  const basis = new Array<ContributionBasis>(n).fill("scale");

  let fixedShare = 0;
  for (const p of parties) fixedShare += p.fixed ?? 0;
  if (fixedShare > 1 + 1e-12) {
    return {
      ok: false,
      field: "Fixed",
      message: `The fixed shares add up to ${formatPercent(fixedShare)}, more than the whole amount (100%).`,
    };
  }
  let fixedTotal = 0;
  const paying: number[] = [];
  let exempt = 0;
  parties.forEach((p, i) => {
    if (p.fixed !== undefined) {
      amounts[i] = p.fixed * amount;
      fixedTotal += amounts[i];
      basis[i] = "fixed";
    } else if (rule.threshold !== undefined && p.rate < rule.threshold) {
      basis[i] = "exempt";
      exempt++;
    } else paying.push(i);
  });
  const rest = Math.max(0, amount - fixedTotal);
  const afterFixed = fixedTotal > 0 ? " after the fixed shares" : "";
  if (paying.length === 0) {
    if (rest <= 1e-9 * Math.max(1, amount)) return { ok: true, amounts, basis };
    return {
      ok: false,
      field: exempt > 0 ? "Threshold" : "Fixed",
      message:
        exempt > 0
          ? `Every Party without a fixed share is below the threshold, so no one pays the ${show(rest)} left${afterFixed}.`
          : `The fixed shares add up to only ${formatPercent(fixedShare)} and no other Party pays the rest.`,
    };
  }

  const lo = rule.floor ?? 0;
  let hi = Number.POSITIVE_INFINITY;
  if (rule.ceiling !== undefined) {
    const exact = rule.ceiling * amount;
    hi = options.wholeQuanta ? Math.floor(Number(exact.toPrecision(15))) : exact;
  }
  if (lo > hi) {
    return {
      ok: false,
      field: "Floor",
      message:
        `The minimum contribution of ${show(lo)} is more than the maximum share of ` +
        `${formatPercent(rule.ceiling ?? 1)} of ${show(amount)} (${show(hi)}).`,
    };
  }
  const held = clampProportional(shareOfRates(paying.map((i) => parties[i].rate)), rest, lo, hi);
  if (!held.ok) return failure(held.bound, held.reachable, paying.length, rest, afterFixed, rule, show);
  paying.forEach((i, k) => {
    amounts[i] = held.values[k];
    basis[i] = held.status[k] === AT_FLOOR ? "floor" : held.status[k] === AT_CEILING ? "ceiling" : "scale";
  });
  return { ok: true, amounts, basis };
}

/** The grid weights are rounded to: 2^-44 of the sum, about 6e-14. */
const GRID = 2 ** 44;

/**
 * The rates as fractions of their sum, rounded to a grid of 2^-44: only ratios count, and with
 * the float noise of the unit cleaned away, rates typed as 22 or as 0.22 give the very same
 * figures — down to which Party a rounding tie sends the last quantum. Multiplying by a power of
 * two is exact, so the rounding is cheap; it moves an amount by at most 3e-14 of the whole.
 */
function shareOfRates(rates: readonly number[]): Float64Array {
  let sum = 0;
  for (const r of rates) sum += r;
  const out = new Float64Array(rates.length);
  if (!(sum > 0)) return out;
  for (let i = 0; i < rates.length; i++) {
    const x = rates[i] / sum;
    // A positive rate stays positive, however small beside the others.
    out[i] = Math.round(x * GRID) / GRID || x;
  }
  return out;
}

/** Why the floors or ceilings cannot hold, in the officer's terms. */
function failure(
  bound: "floors" | "ceilings",
  reachable: number,
  count: number,
  rest: number,
  afterFixed: string,
  rule: ScaleYearRule,
  show: (x: number) => string,
): ScaleYearOutcome {
  const parties = count === 1 ? "the 1 Party that pays" : `the ${count} Parties that pay`;
  if (bound === "floors") {
    return {
      ok: false,
      field: "Floor",
      message:
        `A minimum contribution of ${show(rule.floor ?? 0)} for each of ${parties} needs ${show(reachable)}, ` +
        `more than the ${show(rest)} to share${afterFixed}.`,
    };
  }
  if (rule.ceiling === undefined) {
    return {
      ok: false,
      field: "UNScale",
      message: `Every Party that pays has a UN scale rate of 0, so there is nothing to share the ${show(rest)} by.`,
    };
  }
  return {
    ok: false,
    field: "Ceiling",
    message:
      `With a maximum share of ${formatPercent(rule.ceiling)} each, ${parties} can pay at most ` +
      `${show(reachable)}, less than the ${show(rest)} to share${afterFixed}.`,
  };
}
