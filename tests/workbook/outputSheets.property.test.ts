import fc from "fast-check";
import { computeAllocation } from "../../src/engine/computeAllocation";
import { defaultSettings, type Model, type RuleSpec } from "../../src/engine/model";
import { buildOutputSheets } from "../../src/workbook/buildOutputSheets";
import { toResultJson } from "../../src/workbook/toResultJson";
import { formulaMismatches } from "./fixtures/formulaMismatches";

const run = { time: new Date("2026-11-27T20:18:00Z"), version: "0.1.0", fingerprint: "a".repeat(64) };
const src = (sheet: string, row: number) => ({ sheet, row });

/** Random models the engine accepts: 1-6 instruments, 1-4 units, 1-3 years, any rounding, an optional support unit. */
const models = fc
  .record({
    instruments: fc.integer({ min: 1, max: 6 }),
    units: fc.integer({ min: 1, max: 4 }),
    years: fc.integer({ min: 1, max: 3 }),
    rounding: fc.constantFrom(1, 0.01, 1000),
    escalation: fc.constantFrom(0, 0.02, 0.035),
    psc: fc.constantFrom(0, 0.13, 0.07),
    support: fc.boolean(),
    supportMethod: fc.constantFrom("reciprocal" as const, "step-down" as const),
    costs: fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 12 }),
    methods: fc.array(fc.constantFrom("equal", "driver", "fixed"), { minLength: 4, maxLength: 4 }),
    parties: fc.array(fc.integer({ min: 1, max: 130 }), { minLength: 6, maxLength: 6 }),
  })
  .map((r): Model => {
    const codes = Array.from({ length: r.instruments }, (_, i) => `I${i + 1}`);
    const units = Array.from({ length: r.units }, (_, i) => `Unit ${i + 1}`);
    const spec = (method: string): RuleSpec =>
      method === "equal"
        ? { method: "equal" }
        : method === "driver"
          ? { method: "driver", driver: "Parties" }
          : { method: "fixed", shares: Object.fromEntries(codes.map((c) => [c, 1 / codes.length])) };
    const posts = r.costs.map((cost, k) => ({
      id: `P${k + 1}`,
      title: k % 3 === 0 ? `=Post ${k}` : `Post ${k}`,
      unit: r.support && k === 0 ? "Administration" : units[k % units.length],
      fte: 1,
      cost: cost / 100,
      fundedBy: codes[k % codes.length],
      source: src("Posts", k + 2),
    }));
    return {
      settings: {
        ...defaultSettings,
        years: r.years,
        rounding: r.rounding,
        escalation: r.escalation,
        psc: r.psc,
        supportMethod: r.supportMethod,
      },
      instruments: codes.map((code, i) => ({
        code,
        name: code,
        type: "Agreement",
        drivers: { Parties: r.parties[i] },
        source: src("Instruments", i + 2),
      })),
      grades: [],
      posts,
      budget: [
        {
          item: "Meetings",
          unit: units[0],
          category: "Meetings",
          amount: 12345.67,
          source: src("Budget", 2),
        },
      ],
      rules: units.map((unit, i) => ({
        unit,
        spec: spec(r.methods[i]),
        participants: [],
        source: src("Rules", i + 2),
      })),
      support: r.support
        ? units.map((unit, i) => ({
            provider: "Administration",
            receiver: unit,
            share: i === 0 ? 1 - (units.length - 1) / (2 * units.length) : 1 / (2 * units.length),
            source: src("Support", i + 2),
          }))
        : [],
      baseline: [
        { instrument: codes[0], category: "Staff", cost: 100000, fte: 1, source: src("Baseline", 2) },
      ],
    };
  });

describe("buildOutputSheets on any model the engine accepts", () => {
  it("recalculates every formula to its stored figure, every check shows 0, and RESULT.json adds up", () => {
    let allocated = 0;
    fc.assert(
      fc.property(models, (model) => {
        const outcome = computeAllocation(model);
        fc.pre(outcome.ok);
        if (!outcome.ok) return;
        allocated++;
        const sheets = buildOutputSheets(outcome.allocation, run);
        for (const sheet of sheets) expect(formulaMismatches(sheet)).toEqual([]);
        const json = toResultJson(outcome.allocation);
        const q = (x: number) => Math.round(x / model.settings.rounding);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + q(b), 0);
        expect(sum(json.units.filter((u) => !u.support).map((u) => u.total))).toBe(q(json.grandTotal.direct));
        expect(sum(Object.values(json.instrumentTotals).map((t) => t.direct))).toBe(
          q(json.grandTotal.direct),
        );
        expect(q(json.grandTotal.direct) + q(json.grandTotal.psc)).toBe(q(json.grandTotal.total));
      }),
      { numRuns: 60 },
    );
    expect(allocated).toBeGreaterThan(30);
  });
});
