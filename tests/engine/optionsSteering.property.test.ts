import fc from "fast-check";
import { computeOptions } from "../../src/engine/computeOptions";
import { priorOf } from "../../src/engine/headline";
import type { Model, Post } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { scenarioModel } from "../../src/engine/scenarioModel";
import { exactAllocation } from "./exactAllocation";
import { modelArb } from "./modelArb";

/**
 * An instrument whose exact figures an option does not change keeps its rounded figures in that
 * option. Two options are rounded as two networks, and which of two equally good roundings a
 * figure gets depends on the rest of its network; so the engine steers a later option's figures
 * to an earlier option's where the exact figures are the same (steerFlow.ts). The rounding does
 * not always allow it, so this is measured, on the kind of change an option makes — a post that
 * exists in one option only, shared by two instruments, so that every other instrument's exact
 * figures are those of the first option — with a fixed seed, so that the run is the same each
 * time. Measured over 6,000 random workbooks: without steering a quarter of such instruments
 * (3,157 of 12,457) came out a step apart; with it, 5 to 8 of 12,700.
 */
describe("options: an instrument an option does not change keeps its figures", () => {
  it("holds for a post added in one option only, but for a handful in ten thousand", () => {
    let compared = 0;
    let apart = 0;
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 1, max: 9_000_000 }), (base, cost) => {
        fc.pre(base.instruments.length >= 3);
        const [a, b] = [base.instruments[0].code, base.instruments[1].code];
        const unit = base.rules[0].unit;
        const extra: Post = {
          id: "ONLY-IN-B",
          title: "A post of option B only",
          unit,
          fte: 1,
          cost: cost / 7,
          split: { [a]: 0.3, [b]: 0.7 },
          source: { sheet: "Posts", row: 999 },
          scenarios: ["B"],
        };
        const model: Model = {
          ...base,
          posts: [...base.posts, extra],
          settings: { ...base.settings, scenarios: ["A", "B"] },
        };
        const outcome = computeOptions(model);
        fc.pre(outcome.ok);
        if (!outcome.ok) return;
        const [optionA, optionB] = outcome.allocation.scenarios ?? [];
        const exactA = exactAllocation(scenarioModel(model, "A"), optionA.allocation);
        const exactB = exactAllocation(scenarioModel(model, "B"), optionB.allocation);
        const n = base.instruments.length;
        const Y = optionA.allocation.years.length;
        const period = (direct: Float64Array, i: number) => {
          let s = 0;
          for (let y = 0; y < Y; y++) s += direct[y * n + i];
          return s;
        };
        const sum = (v: number[]) => v.reduce((x, y) => x + y, 0);
        for (let i = 0; i < n; i++) {
          // The same exact direct share, year by year, means the same PSC too (one rate).
          let same = true;
          for (let y = 0; y < Y; y++)
            same &&= Math.abs(exactA.direct[y * n + i] - exactB.direct[y * n + i]) <= 1e-9;
          if (!same || period(exactA.direct, i) === 0) continue;
          compared++;
          const ta = optionA.allocation.instrumentTotals[i];
          const tb = optionB.allocation.instrumentTotals[i];
          const kept = [sum(tb.direct), sum(tb.psc), sum(tb.total)].every(
            (v, k) => v === [sum(ta.direct), sum(ta.psc), sum(ta.total)][k],
          );
          if (!kept) apart++;
          // Either way every figure is within a step of its exact value.
          expect(Math.abs(sum(tb.total) - sum(ta.total))).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 2000, seed: 20261202 },
    );
    // The check is not empty: many instruments are compared; at most one in a thousand is apart.
    expect(compared).toBeGreaterThan(2000);
    expect(apart).toBeLessThanOrEqual(compared / 1000);
  });
});

describe("steering by the run before", () => {
  it("gives a run on the same inputs as the run before the same figures, to the last cell", () => {
    const cells = (a: Allocation) =>
      JSON.stringify({
        lines: a.lines.map((l) => [l.totals, Array.from(l.shares)]),
        units: a.units.map((u) => Array.from(u.shares)),
        totals: a.instrumentTotals,
        settlement: a.settlement,
      });
    fc.assert(
      fc.property(modelArb, fc.boolean(), (base, options) => {
        // With options the model's units are shared by two options that differ in one post.
        const model: Model = options
          ? {
              ...base,
              posts: base.posts.map((p, k) => (k === 0 ? { ...p, scenarios: ["B"] } : p)),
              settings: { ...base.settings, scenarios: ["A", "B"] },
            }
          : base;
        const first = computeOptions(model);
        fc.pre(first.ok);
        if (!first.ok) return;
        const again = computeOptions(model, [priorOf(first.allocation)]);
        if (!again.ok) throw new Error("the same model must compute again");
        expect(cells(again.allocation)).toBe(cells(first.allocation));
        for (const [k, s] of (first.allocation.scenarios ?? []).entries())
          expect(cells(again.allocation.scenarios![k].allocation)).toBe(cells(s.allocation));
      }),
      { numRuns: 500 },
    );
  });
});
