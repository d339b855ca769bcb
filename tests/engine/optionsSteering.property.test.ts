import fc from "fast-check";
import { computeOptions } from "../../src/engine/computeOptions";
import { priorOf } from "../../src/engine/headline";
import type { Model, Post } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { scenarioModel } from "../../src/engine/scenarioModel";
import { exactAllocation } from "./exactAllocation";
import { modelArb } from "./modelArb";

/** How many figures of each kind were compared, and how many came out a step apart. */
interface Tally {
  compared: { period: number; year: number; share: number };
  apart: { period: number; year: number; share: number };
}

/**
 * Compares two allocations of models that differ by one post shared by two instruments: every
 * figure whose exact value is the same in both — an instrument's period figures, its yearly
 * direct share and PSC, a unit's yearly share of an instrument — should be the same rounded.
 */
function tally(t: Tally, modelA: Model, a: Allocation, modelB: Model, b: Allocation, shares: boolean): void {
  const exactA = exactAllocation(modelA, a);
  const exactB = exactAllocation(modelB, b);
  const n = a.instruments.length;
  const Y = a.years.length;
  const sum = (v: number[]) => v.reduce((x, y) => x + y, 0);
  const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9;
  for (let i = 0; i < n; i++) {
    const ta = a.instrumentTotals[i];
    const tb = b.instrumentTotals[i];
    // A year's exact direct share the same means its PSC is the same too (one rate).
    for (let y = 0; y < Y; y++) {
      if (!same(exactA.direct[y * n + i], exactB.direct[y * n + i]) || exactA.direct[y * n + i] === 0)
        continue;
      t.compared.year++;
      if (ta.direct[y] !== tb.direct[y] || ta.psc[y] !== tb.psc[y]) t.apart.year++;
    }
    let all = true;
    let period = 0;
    for (let y = 0; y < Y; y++) {
      all &&= same(exactA.direct[y * n + i], exactB.direct[y * n + i]);
      period += exactA.direct[y * n + i];
    }
    if (!all || period === 0) continue;
    t.compared.period++;
    const kept = [sum(tb.direct), sum(tb.psc), sum(tb.total)].every(
      (v, k) => v === [sum(ta.direct), sum(ta.psc), sum(ta.total)][k],
    );
    if (!kept) t.apart.period++;
    // Either way every figure is within a step of its exact value.
    expect(Math.abs(sum(tb.total) - sum(ta.total))).toBeLessThanOrEqual(1);
  }
  if (!shares) return;
  // Each operating unit's share of each instrument each year (the annex's yearly tables).
  for (const ua of a.units) {
    const ub = b.units.find((u) => u.unit === ua.unit);
    const [ea, eb] = [exactA.units.get(ua.unit), exactB.units.get(ua.unit)];
    if (ua.support || ub === undefined || ea === undefined || eb === undefined) continue;
    for (let c = 0; c < Y * n; c++) {
      if (!same(ea[c], eb[c]) || ea[c] === 0) continue;
      t.compared.share++;
      if (ua.shares[c] !== ub.shares[c]) t.apart.share++;
    }
  }
}

/** A post of its own, shared by the model's first two instruments: every other instrument's exact figures stay. */
function extraPost(base: Model, cost: number, scenarios?: string[]): Post {
  const [a, b] = [base.instruments[0].code, base.instruments[1].code];
  return {
    id: "EXTRA",
    title: "A post the other computation lacks",
    unit: base.rules[0].unit,
    fte: 1,
    cost: cost / 7,
    split: { [a]: 0.3, [b]: 0.7 },
    source: { sheet: "Posts", row: 999 },
    ...(scenarios ? { scenarios } : {}),
  };
}

const newTally = (): Tally => ({
  compared: { period: 0, year: 0, share: 0 },
  apart: { period: 0, year: 0, share: 0 },
});

/**
 * A figure whose exact value an option or an edit does not change keeps its rounded value. Two
 * computations are rounded as two networks, and which of two equally good roundings a figure gets
 * depends on the rest of its network; so the engine steers a later computation's figures to an
 * earlier one's where the exact figures are the same (steerFlow.ts). The rounding does not always
 * allow it, so this is measured, on the kind of change an option or an edit makes — a post that
 * exists in one computation only, shared by two instruments, so that every other instrument's
 * exact figures are those of the other — with a fixed seed, so that the run is the same each time.
 */
describe("options: an instrument an option does not change keeps its figures", () => {
  // Measured over 2,000 random workbooks, apart without steering / with it: 1,009 / 2 of 4,138.
  // (Options are steered by the figures they publish: each instrument's for the period.)
  it("holds for a post added in one option only, but for a handful in ten thousand", () => {
    const t = newTally();
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 1, max: 9_000_000 }), (base, cost) => {
        fc.pre(base.instruments.length >= 3);
        const model: Model = {
          ...base,
          posts: [...base.posts, extraPost(base, cost, ["B"])],
          settings: { ...base.settings, scenarios: ["A", "B"] },
        };
        const outcome = computeOptions(model);
        fc.pre(outcome.ok);
        if (!outcome.ok) return;
        const [optionA, optionB] = outcome.allocation.scenarios ?? [];
        tally(
          t,
          scenarioModel(model, "A"),
          optionA.allocation,
          scenarioModel(model, "B"),
          optionB.allocation,
          false,
        );
      }),
      { numRuns: 2000, seed: 20261202 },
    );
    // The check is not empty: many instruments are compared; at most one in a thousand is apart.
    expect(t.compared.period).toBeGreaterThan(2000);
    expect(t.apart.period).toBeLessThanOrEqual(t.compared.period / 1000);
  });
});

describe("the next run: a figure an edit does not change keeps the value it was published with", () => {
  // Measured over 2,000 random workbooks, apart without steering / with it: instruments' period
  // figures 1,009 / 2 of 4,138; their yearly direct share and PSC 2,763 / 8 of 8,154; units'
  // yearly shares of an instrument 6,430 / 70 of 27,661 (steered last, after every figure above).
  it("holds for a post added since, but for a handful in a thousand", () => {
    const t = newTally();
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 1, max: 9_000_000 }), (base, cost) => {
        fc.pre(base.instruments.length >= 3);
        const before = computeOptions(base);
        fc.pre(before.ok);
        if (!before.ok) return;
        const edited: Model = { ...base, posts: [...base.posts, extraPost(base, cost)] };
        const after = computeOptions(edited, [priorOf(before.allocation)]);
        fc.pre(after.ok);
        if (!after.ok) return;
        tally(t, base, before.allocation, edited, after.allocation, true);
      }),
      { numRuns: 2000, seed: 20261202 },
    );
    expect(t.compared.period).toBeGreaterThan(2000);
    expect(t.compared.share).toBeGreaterThan(10000);
    expect(t.apart.period).toBeLessThanOrEqual(t.compared.period / 1000);
    expect(t.apart.year).toBeLessThanOrEqual(t.compared.year / 1000);
    expect(t.apart.share).toBeLessThanOrEqual(t.compared.share / 250);
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
