import { InvalidArgumentError } from "./errors";
import { roundHalfAway } from "./roundHalfAway";

/**
 * Currency amounts become integer quanta of the Rounding setting before any arithmetic, so that
 * sums are exact. Division by a decimal fraction such as 0.01 is inexact in binary floating point
 * (68.68 / 0.01 = 6867.999…), so the quotient is first cleaned to 15 significant digits — the
 * precision a double holds for any amount typed into a cell — and only then rounded.
 */

/** The number of quanta in one currency unit when rounding is a decimal fraction (0.01 → 100), else 0. */
function inverse(rounding: number): number {
  if (rounding >= 1) return 0;
  const inv = Math.round(1 / rounding);
  return Math.abs(inv * rounding - 1) < 1e-12 ? inv : 0;
}

function checkRounding(rounding: number): void {
  if (!(rounding > 0) || !Number.isFinite(rounding)) {
    throw new InvalidArgumentError(`Rounding must be a positive number, got ${rounding}.`);
  }
}

/** Converts a currency amount to an integer number of quanta of `rounding`, rounding half away from zero. */
export function toQuanta(amount: number, rounding: number): number {
  checkRounding(rounding);
  if (!Number.isFinite(amount))
    throw new InvalidArgumentError(`An amount must be a finite number, got ${amount}.`);
  const inv = inverse(rounding);
  const q = roundHalfAway(inv > 0 ? amount * inv : amount / rounding);
  return q === 0 ? 0 : q;
}

/** Converts a currency amount to whole quanta of `rounding`, rounding up: a minimum must still hold once rounded. */
export function toQuantaUp(amount: number, rounding: number): number {
  const q = toQuanta(amount, rounding);
  return fromQuanta(q, rounding) < amount ? q + 1 : q;
}

/** Converts integer quanta of `rounding` back to currency, exactly for cents (divides by 100, not × 0.01). */
export function fromQuanta(q: number, rounding: number): number {
  checkRounding(rounding);
  const inv = inverse(rounding);
  const v = inv > 0 ? q / inv : q * rounding;
  return v === 0 ? 0 : v;
}

/**
 * A fast toQuanta for one rounding, for the hot path: the rounding is checked once, and the
 * returned function expects finite amounts (callers check them first).
 */
export function quantizer(rounding: number): (amount: number) => number {
  checkRounding(rounding);
  const inv = inverse(rounding);
  return inv > 0
    ? (amount) => roundHalfAway(amount * inv) + 0
    : (amount) => roundHalfAway(amount / rounding) + 0;
}

/**
 * A fast converter of amounts to quanta of one rounding that does not round: the exact number of
 * quanta, fractional where the amount is (an escalated cost, a thousand-euro step). Noise of
 * the decimal division (68.68 / 0.01 = 6867.999…) is snapped to the integer it misses by less
 * than a millionth of a quantum; a genuine fraction is kept, for the controlled rounding to place.
 */
export function exactQuantizer(rounding: number): (amount: number) => number {
  checkRounding(rounding);
  const inv = inverse(rounding);
  const snap = (q: number): number => {
    const r = Math.round(q);
    return (q - r < 1e-6 && r - q < 1e-6 ? r : q) + 0;
  };
  return inv > 0 ? (amount) => snap(amount * inv) : (amount) => snap(amount / rounding);
}
