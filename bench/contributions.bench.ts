/**
 * Engine benchmark: the scales of contributions (computeContributions) of 10 instruments with 200
 * Parties each over 3 years, every rule in play — a fixed 2.5% share, a threshold, a minimum
 * contribution and a 22% ceiling that binds — against a bare proportional split of the same
 * amounts in the same run: the engine's own exact split (largestRemainder: each instrument-year
 * amount by the Parties' rates, rounded shares adding up to it), with no rule at all. The raw
 * multiply of the amounts by the rates into a Float64Array (no rounding, nothing adding up) is
 * timed too and reported under `extra`: it is not a split anyone could publish, and a few
 * microseconds, so a ratio to it says little.
 *
 * Above the baseline, per instrument and year: the clamp (one numeric sort of the weights and one
 * sweep over the breakpoints), then per instrument the controlled rounding of the 3 × 200 table
 * as a flow (each Party's period total within one unit), the sort of the Parties by name, and the
 * result objects.
 */
import { computeContributions } from "../src/engine/computeContributions";
import { largestRemainder } from "../src/engine/largestRemainder";
import type { Model, Party, ScaleRule } from "../src/engine/model";
import type { Allocation } from "../src/engine/result";
import { type BenchResult, medianMs, peakRssMB } from "./benchmark";

const PARTIES = 200;
const INSTRUMENTS = 10;
const YEARS = 3;

/** A small deterministic generator, so every run measures the same model. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The model's Parties and Scales, and the few parts of an allocation the stage reads. */
export function benchInput(): {
  model: Model;
  allocation: Allocation;
  rates: Float64Array;
  amounts: number[];
} {
  const rnd = lcg(7);
  const codes = Array.from({ length: INSTRUMENTS }, (_, i) => `I${i}`);
  const parties: Party[] = [];
  const scales: ScaleRule[] = [];
  const rates = new Float64Array(INSTRUMENTS * PARTIES);
  const amounts: number[] = [];
  codes.forEach((code, i) => {
    for (let p = 0; p < PARTIES; p++) {
      // A UN-like spread: two large rates that the 22% ceiling holds, most of them small (0.001% to 1%).
      const big = p === 1 ? 22 : p === 2 ? 20.004 : 0;
      const rate = p === 0 ? 0 : (big || Number((0.001 * Math.exp(rnd() * 7)).toFixed(3))) / 100;
      rates[i * PARTIES + p] = rate;
      parties.push({
        party: `Party ${p}`,
        instrument: code,
        ...(p === 0 ? { fixed: 0.025 } : { unScale: rate }),
        source: { sheet: "Parties", row: parties.length + 2 },
      });
    }
    const byYear: Record<number, number> = {};
    for (let y = 0; y < YEARS; y++) {
      byYear[2025 + y] = 1_000_000 + i * 250_000 + y * 20_000;
      amounts.push(byYear[2025 + y]);
    }
    scales.push({
      instrument: code,
      amountByYear: byYear,
      threshold: 0.00002,
      floor: 1000,
      ceiling: 0.22,
      source: { sheet: "Scales", row: i + 2 },
    });
  });
  const model = { parties, scales } as Model;
  const allocation = {
    settings: {
      currency: "EUR",
      firstYear: 2025,
      years: YEARS,
      escalation: 0,
      psc: 0.13,
      rounding: 1,
      supportMethod: "reciprocal",
    },
    years: [2025, 2026, 2027],
    instruments: codes,
    instrumentTotals: [],
  } as unknown as Allocation;
  return { model, allocation, rates, amounts };
}

/** The baseline: each instrument's amount of each year split exactly in proportion to the rates, no rule. */
function proportionalSplit(rates: Float64Array, amounts: readonly number[]): number {
  let sink = 0;
  for (let i = 0; i < INSTRUMENTS; i++) {
    const weights = rates.subarray(i * PARTIES, (i + 1) * PARTIES);
    for (let y = 0; y < YEARS; y++) sink += largestRemainder(amounts[i * YEARS + y], weights)[1];
  }
  return sink;
}

/** The raw multiply: each amount times each rate over their sum, nothing rounded, nothing adding up. */
function multiplyPass(rates: Float64Array, amounts: readonly number[], out: Float64Array): number {
  for (let i = 0; i < INSTRUMENTS; i++) {
    let sum = 0;
    for (let p = 0; p < PARTIES; p++) sum += rates[i * PARTIES + p];
    for (let y = 0; y < YEARS; y++) {
      const a = amounts[i * YEARS + y] / sum;
      const o = (i * YEARS + y) * PARTIES;
      for (let p = 0; p < PARTIES; p++) out[o + p] = a * rates[i * PARTIES + p];
    }
  }
  return out[1];
}

/** Runs the benchmark and reports median times. */
export async function bench(): Promise<BenchResult> {
  const { model, allocation, rates, amounts } = benchInput();
  const first = computeContributions(model, allocation);
  if (!first.ok) throw new Error(`The benchmark model is invalid: ${first.problems[0]?.message}`);
  const capped = first.contributions.reduce(
    (n, c) => n + c.parties.filter((p) => p.basis.includes("ceiling")).length,
    0,
  );
  const floored = first.contributions.reduce(
    (n, c) => n + c.parties.filter((p) => p.basis.includes("floor")).length,
    0,
  );
  const out = new Float64Array(INSTRUMENTS * YEARS * PARTIES);
  let sink = 0;
  const multiplyMs = await medianMs(() => (sink += multiplyPass(rates, amounts, out)), 51, 10);
  const baselineMs = await medianMs(() => (sink += proportionalSplit(rates, amounts)), 31, 10);
  const ms = await medianMs(
    () => {
      const r = computeContributions(model, allocation);
      if (!r.ok) throw new Error("invalid");
      sink += r.contributions[0].parties[1].total;
    },
    31,
    10,
  );
  const ratio = ms / baselineMs;
  return {
    name: "engine-contributions-200-parties-10-instruments-3-years",
    ms,
    baselineMs,
    ratio,
    peakMB: peakRssMB(),
    baseline: "bare proportional split of the same amounts by the same rates (largest remainder, no rule)",
    target: "<= 10x baseline",
    met: ratio <= 10,
    extra: {
      parties: INSTRUMENTS * PARTIES,
      capped,
      floored,
      rawMultiplyMs: Number(multiplyMs.toFixed(4)),
      ratioToRawMultiply: Math.round(ms / multiplyMs),
      sink: sink > 0 ? "ok" : "zero",
    },
  };
}
