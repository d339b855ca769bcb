/**
 * functions-10k-costshare-30-weights: 10,000 =CMS.COSTSHARE calls over 30 weights, through the
 * real function with its argument coercion, against bare Float64Array normalise-and-multiply
 * passes over the same weights (the floor any implementation pays).
 */
import { medianMs, peakRssMB, type BenchResult } from "./benchmark";
import { installCustomFunctionsShim } from "../tests/functions/customFunctionsShim";
import { COSTSHARE } from "../src/functions/functions";

const CALLS = 10_000;
const WEIGHTS = 30;
const TARGET_MS = 100;

/** Runs the benchmark and reports its figures. */
export async function bench(): Promise<BenchResult> {
  installCustomFunctionsShim();
  // A row of 30 weights as Excel hands a range over: a 1 x 30 matrix of numbers.
  const row = Array.from({ length: WEIGHTS }, (_, i) => 1 + ((i * 7919) % 97) / 10);
  const weights = [row];
  const amounts = Array.from({ length: CALLS }, (_, i) => 100_000 + i * 37.5);
  let checksum = 0;

  const ms = await medianMs(() => {
    for (let i = 0; i < CALLS; i++) checksum += COSTSHARE(amounts[i], weights)[0][i % WEIGHTS];
  });

  const w = Float64Array.from(row);
  const out = new Float64Array(WEIGHTS);
  const baselineMs = await medianMs(() => {
    for (let i = 0; i < CALLS; i++) {
      let sum = 0;
      for (let j = 0; j < WEIGHTS; j++) sum += w[j];
      const f = amounts[i] / sum;
      for (let j = 0; j < WEIGHTS; j++) out[j] = w[j] * f;
      checksum += out[i % WEIGHTS];
    }
  });

  return {
    name: "functions-10k-costshare-30-weights",
    ms,
    baselineMs,
    ratio: ms / baselineMs,
    peakMB: peakRssMB(),
    baseline: "10,000 bare Float64Array normalise-and-multiply passes over the same 30 weights",
    target: `<= ${TARGET_MS} ms in total`,
    met: ms <= TARGET_MS,
    extra: { calls: CALLS, weights: WEIGHTS, checksum: Math.round(checksum) },
  };
}
