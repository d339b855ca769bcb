import type { Split } from "../makeSplit";

/** Fractional parts this close to 0 or 1 are taken as 0 or 1 (see roundFlow.ts). */
const EPS = 1e-7;

/**
 * The exact share of instrument i in a total T split by `split`, as an integer part and a
 * fraction in [0, 1): exact = floor + fraction. Written into out[0] (floor) and out[1] (fraction).
 */
export function lineQuota(total: number, split: Split, i: number, out: Float64Array): void {
  const exact = (total * split.weights[i]) / split.sum;
  let floor = Math.floor(exact);
  let fraction = exact - floor;
  if (fraction < EPS) fraction = 0;
  else if (fraction > 1 - EPS) {
    floor += 1;
    fraction = 0;
  }
  out[0] = floor;
  out[1] = fraction;
}
