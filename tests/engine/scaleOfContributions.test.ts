import fc from "fast-check";
import { scaleOfContributions, type ScaleInput } from "../../src/engine/scaleOfContributions";
import type { ScaleParty } from "../../src/engine/scaleYear";

const rateArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 9, arbitrary: fc.double({ min: 0.001, max: 22, noNaN: true }) },
);

/** Random instruments: 1-30 Parties (up to two with a fixed share), any of the rules, 1-3 years. */
const inputArb: fc.Arbitrary<ScaleInput> = fc
  .record({
    rates: fc.array(rateArb, { minLength: 1, maxLength: 30 }),
    fixed: fc.array(fc.double({ min: 0, max: 0.05, noNaN: true }), { maxLength: 2 }),
    threshold: fc.option(fc.double({ min: 0.001, max: 0.5, noNaN: true }), { nil: undefined }),
    floor: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    ceiling: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
    amounts: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ rates, fixed, threshold, floor, ceiling, amounts }) => {
    const parties: ScaleParty[] = rates.map((rate, i) =>
      i < fixed.length ? { rate, fixed: fixed[i] } : { rate },
    );
    return {
      parties,
      amounts,
      rule: {
        ...(threshold !== undefined ? { threshold } : {}),
        ...(floor !== undefined ? { floor } : {}),
        ...(ceiling !== undefined ? { ceiling } : {}),
      },
    };
  });

function run(input: ScaleInput) {
  const r = scaleOfContributions(input);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe("scaleOfContributions", () => {
  it("rounds each year to add up exactly to its amount, keeping each Party's total within one quantum", () => {
    // 1,000 a year among three equal Parties: 333.33 each; over three years each pays exactly 1,000.
    const r = run({
      parties: [{ rate: 1 }, { rate: 1 }, { rate: 1 }],
      amounts: [1000, 1000, 1000],
      rule: {},
    });
    for (let y = 0; y < 3; y++)
      expect(r.byYear[y * 3] + r.byYear[y * 3 + 1] + r.byYear[y * 3 + 2]).toBe(1000);
    for (let p = 0; p < 3; p++) expect(r.byYear[p] + r.byYear[3 + p] + r.byYear[6 + p]).toBe(1000);
  });

  it("gives each Party its exact share of the period's amount", () => {
    // Floor 300 binds in the small first year only, so the share is the period's, not a year's.
    const r = run({ parties: [{ rate: 9 }, { rate: 1 }], amounts: [1000, 9000], rule: { floor: 300 } });
    expect(r.basis).toEqual([
      ["scale", "scale"],
      ["floor", "scale"],
    ]);
    expect(r.shares[1]).toBeCloseTo((300 + 900) / 10000, 12);
    expect(r.shares[0] + r.shares[1]).toBeCloseTo(1, 12);
  });

  it("reports the first year whose rules cannot hold", () => {
    const r = scaleOfContributions({
      parties: [{ rate: 1 }, { rate: 1 }],
      amounts: [10000, 3000],
      rule: { floor: 2000 },
    });
    expect(r).toMatchObject({ ok: false, year: 1, field: "Floor" });
  });

  it("holds every property for any rules that can hold", () => {
    let feasible = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scaleOfContributions(input);
        if (!r.ok) return true;
        feasible++;
        const n = input.parties.length;
        const { floor, ceiling } = input.rule;
        for (let y = 0; y < input.amounts.length; y++) {
          const amount = input.amounts[y];
          let sum = 0;
          for (let p = 0; p < n; p++) {
            const q = r.byYear[y * n + p];
            const x = r.exact[y * n + p];
            sum += q;
            // Each figure is a whole number of quanta, the floor or the ceiling of its exact value.
            if (!Number.isInteger(q) || q < Math.floor(x + 1e-9) || q > Math.ceil(x - 1e-9)) return false;
            const basis = r.basis[p][y];
            if (basis === "exempt" && q !== 0) return false;
            if (basis !== "fixed" && basis !== "exempt") {
              // The bounds hold on the published, rounded figures.
              if (floor !== undefined && q < floor) return false;
              if (ceiling !== undefined && q > ceiling * amount + 1e-6) return false;
            }
          }
          if (sum !== amount) return false;
        }
        for (let p = 0; p < n; p++) {
          let rounded = 0;
          let exact = 0;
          for (let y = 0; y < input.amounts.length; y++) {
            rounded += r.byYear[y * n + p];
            exact += r.exact[y * n + p];
          }
          if (Math.abs(rounded - exact) >= 1 + 1e-6) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the interesting cases, not only infeasible ones.
    expect(feasible).toBeGreaterThan(1000);
  });

  it("gives the same figures when every UN rate (and the threshold) is scaled by one constant", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(100, 0.01, 3, 1 / 7), (input, k) => {
        const a = scaleOfContributions(input);
        const scaled = scaleOfContributions({
          ...input,
          parties: input.parties.map((p) => ({ ...p, rate: p.rate * k })),
          rule: {
            ...input.rule,
            ...(input.rule.threshold !== undefined ? { threshold: input.rule.threshold * k } : {}),
          },
        });
        if (!a.ok || !scaled.ok) return a.ok === scaled.ok;
        return Array.from(a.byYear).every((q, i) => q === scaled.byYear[i]);
      }),
      { numRuns: 2000 },
    );
  });
});
