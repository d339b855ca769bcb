import fc from "fast-check";
import { attributeChanges } from "../../../src/engine/changes/attributeChanges";
import { CHANGE_CAUSES } from "../../../src/engine/changes/changeCause";
import { diffModels } from "../../../src/engine/changes/diffModels";
import { mixModels } from "../../../src/engine/changes/mixModels";
import type { Figures } from "../../../src/engine/changes/figures";
import { runFigures } from "../../../src/engine/changes/runFigures";
import { computeOptions } from "../../../src/engine/computeOptions";
import { priorOf } from "../../../src/engine/headline";
import type { Model } from "../../../src/engine/model";
import { allocate, modelArb } from "../modelArb";

/** An edit of a model, one of the kinds an officer makes between two drafts. */
const editArb = fc.record({
  psc: fc.option(fc.constantFrom(0, 0.07, 0.13), { nil: undefined }),
  years: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  escalation: fc.option(fc.constantFrom(0, 0.02), { nil: undefined }),
  dropPost: fc.option(fc.nat(20), { nil: undefined }),
  costFactor: fc.option(fc.constantFrom(0.9, 1.1, 1.37), { nil: undefined }),
  swapRules: fc.boolean(),
  moveBudget: fc.boolean(),
  parties: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
});

/** A model and the same model edited: pairs that share most records, as two drafts do. */
const editedPairArb: fc.Arbitrary<[Model, Model]> = fc.tuple(modelArb, editArb).map(([a, e]) => {
  const b = structuredClone(a);
  if (e.psc !== undefined) b.settings.psc = e.psc;
  if (e.years !== undefined) b.settings.years = e.years;
  if (e.escalation !== undefined) b.settings.escalation = e.escalation;
  if (e.dropPost !== undefined && b.posts.length > 1) {
    const gone = b.posts[e.dropPost % b.posts.length];
    // A posts unit keeps a post with a split, so that its budget lines still have weights.
    if (
      !b.posts.some((p) => p !== gone && p.unit === gone.unit && p.split !== undefined) &&
      gone.split !== undefined
    ) {
      /* keep it */
    } else b.posts = b.posts.filter((p) => p !== gone);
  }
  if (e.costFactor !== undefined && b.posts.length > 0)
    b.posts[0].cost = Math.round((b.posts[0].cost ?? 0) * e.costFactor);
  if (e.swapRules && b.rules.length > 1) {
    // Two units swap their rules (a posts rule stays where its posts have splits).
    const [x, y] = [b.rules[0], b.rules[b.rules.length - 1]];
    if (x.spec.method !== "posts" && y.spec.method !== "posts") [x.spec, y.spec] = [y.spec, x.spec];
  }
  if (e.moveBudget && b.budget.length > 0) b.budget[0].amount = (b.budget[0].amount ?? 0) + 12345;
  if (e.parties !== undefined && b.instruments.length > 0) b.instruments[0].drivers.Parties = e.parties;
  return [a, b];
});

function added(a: Figures, b: Figures): Figures {
  return { direct: a.direct + b.direct, psc: a.psc + b.psc, total: a.total + b.total };
}

/** "" when the attribution of the pair adds up; otherwise what is wrong. */
function broken([a, b]: [Model, Model]): string {
  const was = runFigures(allocate(a));
  const now = runFigures(allocate(b));
  const outcome = attributeChanges(
    { figures: was, model: a },
    { model: b, allocation: allocate(b) },
    diffModels(a, b),
  );
  if (!outcome.ok) return outcome.reason;
  const at = outcome.attribution;
  const k = (r: number) => Math.round(r / at.quantum);
  // The earlier figures were computed by this engine: nothing to show for the version.
  if (at.steps.some((s) => s.causes.includes("version"))) return "a version step between runs of one engine";
  for (const code of at.instruments) {
    const sum = at.steps.reduce((s, step) => added(s, step.parts[code]), { direct: 0, psc: 0, total: 0 });
    const wasF = was.byInstrument[code] ?? { direct: 0, psc: 0, total: 0 };
    const nowF = now.byInstrument[code] ?? { direct: 0, psc: 0, total: 0 };
    for (const f of ["direct", "psc", "total"] as const) {
      const diff = nowF[f] * k(now.rounding) - wasF[f] * k(was.rounding);
      if (sum[f] !== diff) return `${code} ${f}: parts ${sum[f]}, difference ${diff}`;
      if (!at.steps.every((s) => Number.isInteger(s.parts[code][f])))
        return `${code} ${f}: a part is not whole`;
    }
  }
  return "";
}

describe("attributeChanges (property)", () => {
  it("gives parts that add up exactly to each instrument's difference, for two drafts of one budget", () => {
    fc.assert(
      fc.property(editedPairArb, (pair) => broken(pair) === ""),
      { numRuns: 300 },
    );
  });

  it("reproduces the later run with every group applied, and the earlier with none: no input escapes the groups", () => {
    const all = new Set(CHANGE_CAUSES.map((c) => c.cause));
    fc.assert(
      fc.property(editedPairArb, ([a, b]) => {
        const figures = (m: Model) => JSON.stringify(runFigures(allocate(m)));
        return (
          figures(mixModels(a, b, all)) === figures(b) && figures(mixModels(a, b, new Set())) === figures(a)
        );
      }),
      { numRuns: 300 },
    );
  });

  it("finds a changed input wherever a figure moved", () => {
    fc.assert(
      fc.property(editedPairArb, ([a, b]) => {
        const moved = JSON.stringify(runFigures(allocate(a))) !== JSON.stringify(runFigures(allocate(b)));
        return !moved || diffModels(a, b).some((c) => c.cause !== "other");
      }),
      { numRuns: 300 },
    );
  });

  it("gives parts that add up exactly to each instrument's difference, for any two budgets", () => {
    fc.assert(
      fc.property(modelArb, modelArb, (a, b) => broken([a, b]) === ""),
      { numRuns: 200 },
    );
  });
});

describe("attributeChanges (property): a step moves only what it changes", () => {
  // Measured with this seed: without steering, 584 of 3,360 instruments showed a direct part of
  // ±1 for a change of the PSC rate alone (the figure rounded the other way); with it, none.
  it("shows a change of the PSC rate alone as no change of any direct figure", () => {
    let instruments = 0;
    let moved = 0;
    fc.assert(
      fc.property(modelArb, fc.constantFrom(0, 0.07, 0.1, 0.13), (a, rate) => {
        fc.pre(a.settings.psc !== rate);
        const b = structuredClone(a);
        b.settings.psc = rate;
        // Each run as the workbook makes it: the later one steered by what the earlier published.
        const first = computeOptions(a);
        if (!first.ok) return;
        const second = computeOptions(b, [priorOf(first.allocation)]);
        if (!second.ok) return;
        const outcome = attributeChanges(
          { figures: runFigures(first.allocation), model: a, prior: priorOf(first.allocation) },
          { model: b, allocation: second.allocation },
          diffModels(a, b),
        );
        if (!outcome.ok) throw new Error(outcome.reason);
        for (const code of outcome.attribution.instruments) {
          instruments++;
          if (outcome.attribution.steps.some((s) => s.parts[code].direct !== 0)) moved++;
        }
      }),
      { numRuns: 1000, seed: 20261202 },
    );
    expect(instruments).toBeGreaterThan(1000);
    expect(moved).toBeLessThanOrEqual(instruments / 1000);
  });
});
