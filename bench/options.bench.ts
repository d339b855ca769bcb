/**
 * Options benchmark: computeOptions on the 10,000-post engine benchmark model given four options
 * (status quo, pilot, joint Executive Secretary, joint secretariat), against computeAllocation on
 * the same model with one option, measured in the same run. Every option runs the whole pipeline
 * on its own rows, so the work is about four single runs: the target is at most 4× the single run
 * and at most 200 ms.
 */
import { computeAllocation } from "../src/engine/computeAllocation";
import { computeOptions } from "../src/engine/computeOptions";
import type { Model } from "../src/engine/model";
import { type BenchResult, medianMs, peakRssMB } from "./benchmark";
import { benchModel } from "./engine.bench";

const OPTIONS = ["Status quo", "Pilot", "Joint Executive Secretary", "Joint secretariat"];

/**
 * The benchmark model with four options: a tenth of the posts exist only in the status quo and
 * the pilot (posts a joint secretariat merges away), a twentieth only in the joint options, and
 * one unit of each rule kind is shared by another rule in the joint options.
 */
export function optionsModel(): Model {
  const model = benchModel();
  const [statusQuo, pilot, jointEs, joint] = OPTIONS;
  const posts = model.posts.map((p, k) =>
    k % 10 === 1
      ? { ...p, scenarios: [statusQuo, pilot] }
      : k % 20 === 3
        ? { ...p, scenarios: [jointEs, joint] }
        : p,
  );
  const changed = new Set(model.rules.filter((_, k) => k < 6).map((r) => r.unit));
  const rules = model.rules.flatMap((r) =>
    changed.has(r.unit) && r.spec.method !== "posts"
      ? [
          { ...r, scenarios: [statusQuo, pilot] },
          {
            ...r,
            spec: { method: "equal" as const },
            participants: ["all"],
            source: { ...r.source, row: r.source.row + 1000 },
            scenarios: [jointEs, joint],
          },
        ]
      : [r],
  );
  return { ...model, posts, rules, settings: { ...model.settings, scenarios: OPTIONS, scenario: joint } };
}

/** Runs the benchmark and reports median times. */
export async function bench(): Promise<BenchResult> {
  const single = benchModel();
  const four = optionsModel();
  const check = computeOptions(four);
  if (!check.ok) throw new Error(`The options model is invalid: ${check.problems[0]?.message}`);
  if (check.allocation.scenarios?.length !== OPTIONS.length) throw new Error("expected four options");
  let sink = 0;
  // Interleaved warm-ups, so neither side is measured colder than the other.
  for (let i = 0; i < 3; i++) {
    const a = computeAllocation(single);
    const b = computeOptions(four);
    sink += (a.ok ? a.allocation.grandTotal.direct[0] : 0) + (b.ok ? b.allocation.grandTotal.direct[0] : 0);
  }
  const baselineMs = await medianMs(
    () => {
      const r = computeAllocation(single);
      if (!r.ok) throw new Error("invalid");
      sink += r.allocation.grandTotal.direct[0];
    },
    15,
    5,
  );
  const ms = await medianMs(
    () => {
      const r = computeOptions(four);
      if (!r.ok) throw new Error("invalid");
      sink += r.allocation.grandTotal.direct[0];
    },
    9,
    3,
  );
  const ratio = ms / baselineMs;
  const totals = check.allocation.scenarios.map((s) =>
    s.allocation.grandTotal.total.reduce((a, b) => a + b, 0),
  );
  return {
    name: "options-4-on-engine-10k-posts",
    ms,
    baselineMs,
    ratio,
    peakMB: peakRssMB(),
    baseline: "computeAllocation on the same 10,000-post model, one option",
    target: "<= 4x one option and <= 200 ms",
    met: ratio <= 4 && ms <= 200,
    extra: {
      options: OPTIONS.length,
      postsPerOption: check.allocation.scenarios
        .map((s) => s.allocation.lines.filter((l) => l.kind === "post").length)
        .join("/"),
      grandTotals: totals.join("/"),
      sink: sink > 0 ? "ok" : "0",
    },
  };
}
