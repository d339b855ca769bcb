import fc from "fast-check";
import { applyBounds } from "../../src/engine/applyBounds";

function shares(weights: number[], min?: number, max?: number): number[] {
  const r = applyBounds(weights, min, max);
  if (!r.ok) throw new Error(r.message);
  return r.shares;
}

describe("applyBounds", () => {
  it("normalises weights to shares adding up to 1", () => {
    expect(shares([121, 75, 10])).toEqual([121 / 206, 75 / 206, 10 / 206]);
  });

  it("caps a share and redistributes the excess in proportion among the others", () => {
    const s = shares([60, 30, 10], undefined, 0.5);
    expect(s[0]).toBeCloseTo(0.5, 12);
    expect(s[1]).toBeCloseTo(0.375, 12);
    expect(s[2]).toBeCloseTo(0.125, 12);
  });

  it("raises a share to its floor and takes the shortfall from the others in proportion", () => {
    const s = shares([90, 9, 1], 0.05);
    expect(s[2]).toBeCloseTo(0.05, 12);
    expect(s[0] / s[1]).toBeCloseTo(10, 9);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("keeps going until every bound holds when capping pushes another share over", () => {
    // 22% ceiling as on the UN scale: capping the first pushes the second over too.
    const s = shares([50, 21, 10, 10, 9], undefined, 0.22);
    expect(s[0]).toBeCloseTo(0.22, 12);
    expect(s[1]).toBeCloseTo(0.22, 12);
    expect(s[2] / s[4]).toBeCloseTo(10 / 9, 9);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("says why floors or ceilings that cannot hold are infeasible", () => {
    expect(applyBounds([1, 1, 1], 0.4)).toEqual({
      ok: false,
      message: "Floors of 40% for 3 participants cannot all hold: they add up to 120%.",
    });
    expect(applyBounds([1, 1, 1], undefined, 0.3)).toEqual({
      ok: false,
      message: "Ceilings of 30% for 3 participants cannot all hold: they add up to only 90%.",
    });
    expect(applyBounds([1, 1], 0.6, 0.5)).toMatchObject({
      ok: false,
      message: "The floor 60% is above the ceiling 50%.",
    });
    expect(applyBounds([1, -1])).toMatchObject({ ok: false });
    expect(applyBounds([1, 0], undefined, 0.5)).toMatchObject({ ok: false });
    expect(applyBounds([])).toMatchObject({ ok: false });
  });

  it("holds every bound and adds up to 1 for any feasible bounds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, a, b) => {
          const n = weights.length;
          const min = (Math.min(a, b) * 1) / n;
          const max = Math.max(1 / n + Math.max(a, b) * (1 - 1 / n), min);
          const r = applyBounds(weights, min, max);
          if (!r.ok) return false;
          const sum = r.shares.reduce((x, y) => x + y, 0);
          return Math.abs(sum - 1) < 1e-9 && r.shares.every((s) => s >= min - 1e-12 && s <= max + 1e-12);
        },
      ),
      { numRuns: 10000 },
    );
  });
});
