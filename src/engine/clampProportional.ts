import { InvalidArgumentError } from "./errors";

/** Where a value ended: held at the floor, free (in proportion to its weight), or held at the ceiling. */
export const AT_FLOOR = -1;
export const FREE = 0;
export const AT_CEILING = 1;

/** The values and where each one ended, or which bound cannot hold and how far the values can reach. */
export type ClampOutcome =
  | {
      ok: true;
      values: Float64Array;
      /** AT_FLOOR, FREE or AT_CEILING for each value (a floor of 0 never holds anyone: they are FREE). */
      status: Int8Array;
    }
  | {
      ok: false;
      /** "floors": the floors alone exceed the total; "ceilings": the values cannot reach it. */
      bound: "floors" | "ceilings";
      /** The smallest ("floors") or largest ("ceilings") total the bounds allow. */
      reachable: number;
    };

/**
 * Splits `total` in proportion to `weights` with every value held between `lo` and `hi`: the one
 * result where each value is clamp(λ·w_i, lo, hi) for a common factor λ, so that every value not
 * at a bound is in proportion to its weight and every other sits at its bound. Σ clamp(λ·w_i)
 * rises with λ and is linear between the breakpoints lo/w_i and hi/w_i, so one pass over the
 * sorted breakpoints finds λ exactly (O(n log n)): no redistribute-until-stable loop, which can
 * stop with a value held at a floor it no longer needs once another has been capped. A weight of
 * zero stays at the floor. The free values are then recomputed as their exact proportion of what
 * the bounded ones leave, so the values add up to `total` to the last bit a double allows.
 */
export function clampProportional(
  weights: ArrayLike<number>,
  total: number,
  lo = 0,
  hi = Number.POSITIVE_INFINITY,
): ClampOutcome {
  const n = weights.length;
  checkArguments(weights, total, lo, hi);
  const tolerance = 1e-9 * Math.max(1, total);
  let positive = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) positive++;
  const least = n * lo;
  const most = positive > 0 ? positive * hi + (n - positive) * lo : least;
  if (total > least + tolerance && total > most + tolerance)
    return { ok: false, bound: "ceilings", reachable: most };
  if (total < least - tolerance) return { ok: false, bound: "floors", reachable: least };

  const values = new Float64Array(n);
  const status = new Int8Array(n);
  if (total <= least + tolerance) {
    // Every value at the floor (with a floor of 0 and a total of 0, every value is simply 0).
    values.fill(lo);
    if (lo > 0) status.fill(AT_FLOOR);
    return { ok: true, values, status };
  }
  const lambda = factorFor(weights, total, lo, hi, positive);
  let bounded = 0;
  let freeWeight = 0;
  for (let i = 0; i < n; i++) {
    const x = lambda * weights[i];
    if (weights[i] === 0 || x <= lo) {
      values[i] = lo;
      status[i] = lo > 0 ? AT_FLOOR : FREE;
      bounded += lo;
    } else if (x >= hi) {
      values[i] = hi;
      status[i] = AT_CEILING;
      bounded += hi;
    } else {
      freeWeight += weights[i];
    }
  }
  // The free values as their exact share of what the bounded ones leave, so they add up to total;
  // held within the bounds, which a value a hair from one could otherwise cross by float noise.
  const rest = total - bounded;
  for (let i = 0; i < n; i++) {
    const x = lambda * weights[i];
    if (weights[i] > 0 && x > lo && x < hi) {
      const v = (rest * weights[i]) / freeWeight;
      values[i] = v < lo ? lo : v > hi ? hi : v;
    }
  }
  return { ok: true, values, status };
}

/**
 * The factor λ at which Σ clamp(λ·w_i, lo, hi) reaches `total`, by a sweep over the breakpoints:
 * between two of them the sum is `constant + slope·λ`, where `slope` is the weight of the values
 * then free and `constant` what the values then bounded hold. Value i leaves the floor at lo/w_i
 * and reaches the ceiling at hi/w_i: with the weights sorted from the largest down, both lists of
 * breakpoints come out in rising order, and the sweep merges them (one numeric sort, no comparator).
 */
function factorFor(
  weights: ArrayLike<number>,
  total: number,
  lo: number,
  hi: number,
  positive: number,
): number {
  const n = weights.length;
  const sorted = new Float64Array(positive);
  let k = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) sorted[k++] = weights[i];
  sorted.sort();
  const capped = Number.isFinite(hi);
  let slope = 0;
  let constant = n * lo;
  // Next breakpoint of each list: weights sorted ascending, so walk them from the top down.
  let up = positive - 1; // next value to leave the floor, at lo / sorted[up]
  let cap = positive - 1; // next value to reach the ceiling, at hi / sorted[cap]
  while (up >= 0 || (capped && cap >= 0)) {
    const leave = up >= 0 ? lo / sorted[up] : Number.POSITIVE_INFINITY;
    const reach = capped && cap >= 0 ? hi / sorted[cap] : Number.POSITIVE_INFINITY;
    const lambda = leave <= reach ? leave : reach;
    if (slope > 0 && constant + slope * lambda >= total) return (total - constant) / slope;
    if (leave <= reach) {
      slope += sorted[up--];
      constant -= lo;
    } else {
      slope -= sorted[cap--];
      constant += hi;
    }
  }
  // Past the last breakpoint: every positive weight is free (no ceiling), or the total is the most reachable.
  return slope > 0 ? (total - constant) / slope : hi / sorted[0];
}

function checkArguments(weights: ArrayLike<number>, total: number, lo: number, hi: number): void {
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || w < 0)
      throw new InvalidArgumentError(`Weight ${i + 1} is ${w}; weights must be finite and not negative.`);
  }
  if (!Number.isFinite(total) || total < 0)
    throw new InvalidArgumentError(`The total must be a finite amount, not negative; got ${total}.`);
  if (!Number.isFinite(lo) || lo < 0)
    throw new InvalidArgumentError(`The floor must be a finite amount, not negative; got ${lo}.`);
  if (Number.isNaN(hi) || hi < lo)
    throw new InvalidArgumentError(`The ceiling ${hi} must not be below the floor ${lo}.`);
}
