import fc from "fast-check";
import { AT_CEILING, AT_FLOOR, clampProportional, FREE } from "../../src/engine/clampProportional";
import { InvalidArgumentError } from "../../src/engine/errors";

function values(weights: number[], total: number, lo?: number, hi?: number): number[] {
  const r = clampProportional(weights, total, lo, hi);
  if (!r.ok) throw new Error(`infeasible: ${r.bound}`);
  return Array.from(r.values);
}

describe("clampProportional", () => {
  it("splits in proportion when no bound binds", () => {
    expect(values([3, 1], 100)).toEqual([75, 25]);
  });

  it("keeps a Party floored only while it needs the floor: once another is capped, it rises above it", () => {
    // Floor 100, ceiling 500 of 1,000. Flooring C first (5% of 1,000 = 50) and then capping A would
    // leave C at 100 and B at 400; the clamp gives B and C the rest in the ratio 15 : 5.
    const r = clampProportional([80, 15, 5], 1000, 100, 500);
    expect(r.ok && Array.from(r.values)).toEqual([500, 375, 125]);
    expect(r.ok && Array.from(r.status)).toEqual([AT_CEILING, FREE, FREE]);
  });

  it("holds a value at the floor and shares the rest in proportion", () => {
    const r = clampProportional([90, 9, 1], 100, 5);
    expect(r.ok && Array.from(r.status)).toEqual([FREE, FREE, AT_FLOOR]);
    const v = values([90, 9, 1], 100, 5);
    expect(v[2]).toBe(5);
    expect(v[0] / v[1]).toBeCloseTo(10, 12);
    expect(v[0] + v[1] + v[2]).toBeCloseTo(100, 12);
  });

  it("caps in a cascade when capping one pushes the next over", () => {
    const v = values([50, 21, 10, 10, 9], 1, 0, 0.22);
    expect(v[0]).toBe(0.22);
    expect(v[1]).toBe(0.22);
    expect(v[2] / v[4]).toBeCloseTo(10 / 9, 12);
  });

  it("gives a weight of zero the floor, or nothing without one", () => {
    expect(values([1, 0], 10, 2)).toEqual([8, 2]);
    expect(values([1, 0], 10)).toEqual([10, 0]);
  });

  it("puts everyone at the floor when the floors take the whole total", () => {
    const r = clampProportional([5, 1], 20, 10, 15);
    expect(r.ok && Array.from(r.values)).toEqual([10, 10]);
    expect(r.ok && Array.from(r.status)).toEqual([AT_FLOOR, AT_FLOOR]);
  });

  it("says which bound cannot hold and what the bounds allow", () => {
    expect(clampProportional([1, 1, 1], 100, 40)).toEqual({ ok: false, bound: "floors", reachable: 120 });
    expect(clampProportional([1, 1, 1], 100, 0, 30)).toEqual({ ok: false, bound: "ceilings", reachable: 90 });
    // Only the positive weight can take more than the floor.
    expect(clampProportional([1, 0], 100, 10, 60)).toEqual({ ok: false, bound: "ceilings", reachable: 70 });
    expect(clampProportional([0, 0], 100)).toEqual({ ok: false, bound: "ceilings", reachable: 0 });
  });

  it("refuses arguments outside its contract", () => {
    expect(() => clampProportional([1, -1], 1)).toThrow(InvalidArgumentError);
    expect(() => clampProportional([1], -1)).toThrow(InvalidArgumentError);
    expect(() => clampProportional([1], 1, 2, 1)).toThrow(InvalidArgumentError);
  });

  it("is the clamp of a common factor: free values in proportion, bounded ones at their bound, adding up", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1000, noNaN: true })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        (weights, a, b, total) => {
          const n = weights.length;
          const positive = weights.filter((w) => w > 0).length;
          const lo = (Math.min(a, b) * total) / n;
          const hi = lo + Math.max(a, b) * total;
          const r = clampProportional(weights, total, lo, hi);
          const most = positive * hi + (n - positive) * lo;
          if (!r.ok) return r.bound === "ceilings" && most < total * (1 + 1e-9);
          const v = Array.from(r.values);
          const sum = v.reduce((x, y) => x + y, 0);
          if (Math.abs(sum - total) > 1e-9 * total) return false;
          if (v.some((x) => x < lo || x > hi)) return false;
          // One factor for every free value: each ratio value / weight is the same, and no bounded
          // value could be moved toward proportion (a floored one's weight is no larger, a capped one's no smaller).
          const free = v
            .map((x, i) => ({ x, w: weights[i], s: r.status[i] }))
            .filter((e) => e.s === FREE && e.w > 0);
          if (free.length === 0) return true;
          const lambda = free[0].x / free[0].w;
          const close = (p: number, q: number) =>
            Math.abs(p - q) <= 1e-7 * Math.max(Math.abs(p), Math.abs(q), 1e-12);
          return v.every((x, i) => {
            const w = weights[i];
            if (r.status[i] === FREE) return w === 0 ? x === 0 : close(x / w, lambda);
            if (r.status[i] === AT_FLOOR) return lambda * w <= lo * (1 + 1e-7);
            return lambda * w >= hi * (1 - 1e-7);
          });
        },
      ),
      { numRuns: 5000 },
    );
  });
});
