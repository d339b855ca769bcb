/** One benchmark's figures, as `npm run bench -- --json` prints them (one JSON line each). */
export interface BenchResult {
  /** "engine-...", "cli-...", "functions-...". */
  name: string;
  /** Median wall time of the measured work, in milliseconds. */
  ms: number;
  /** Median wall time of the baseline (the floor named in the issue), same run, same machine. */
  baselineMs: number;
  /** ms / baselineMs. */
  ratio: number;
  /** Peak resident memory during the measured work, in MB (process RSS high-water mark). */
  peakMB: number;
  /** What the baseline is, in words. */
  baseline: string;
  /** The target, in words ("<= 200 ms and <= 10x baseline"). */
  target: string;
  /** True when the figures meet the target. */
  met: boolean;
  /** Anything else worth reporting (sizes, counts). */
  extra?: Record<string, number | string>;
}

/** A benchmark module: bench/<name>.bench.ts exports `bench`. */
export type Benchmark = () => Promise<BenchResult>;

/** Runs `fn` `runs` times after `warmup` runs and returns the median time in ms. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
