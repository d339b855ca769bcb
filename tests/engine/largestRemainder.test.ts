import fc from "fast-check";
import { InvalidArgumentError } from "../../src/engine/errors";
import { largestRemainder } from "../../src/engine/largestRemainder";
import { remainderTolerance } from "../../src/engine/largestRemainderInto";

const RUNS = { numRuns: 10000 };

/** Instrument-like codes, unique, with weights; kept small so 10,000 runs stay fast. */
const weightsArb = fc
  .uniqueArray(fc.stringMatching(/^[A-Z]{2,6}$/), { minLength: 1, maxLength: 12 })
  .chain((keys) =>
    fc.record({
      keys: fc.constant(keys),
      weights: fc
        .array(fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
          minLength: keys.length,
          maxLength: keys.length,
        })
        .filter((w) => w.some((x) => x > 0)),
      total: fc.integer({ min: -1e9, max: 1e9 }),
    }),
  );

describe("largestRemainder", () => {
  it("splits the seed's shared posts exactly: P2 75/25, P4 15/85, D1 3/97, IOSEA P5 12.5/87.5", () => {
    expect(largestRemainder(140000, [0.15, 0.85], ["ASCOBANS", "CMS"])).toEqual([21000, 119000]);
    expect(largestRemainder(100, [0.75, 0.25])).toEqual([75, 25]);
    expect(largestRemainder(183457, [0.03, 0.97], ["ASCOBANS", "CMS"])).toEqual([5504, 177953]);
    expect(largestRemainder(161234, [0.125, 0.875], ["CMS", "IOSEA"])).toEqual([20154, 141080]);
  });

  it("hands leftover units to the larger remainders", () => {
    // Quotas 3.6, 3.3, 3.1 -> floors 3, 3, 3 and one unit left for the 0.6 remainder.
    expect(largestRemainder(10, [36, 33, 31])).toEqual([4, 3, 3]);
  });

  it("breaks equal remainders by larger weight, then code ascending, then position", () => {
    expect(largestRemainder(100, [1, 1, 1], ["CMS", "AEWA", "IOSEA"])).toEqual([33, 34, 33]);
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // Quotas 2.5 and 7.5 tie on remainder 0.5: the larger weight gets the unit.
    expect(largestRemainder(10, [1, 3], ["A", "B"])).toEqual([2, 8]);
  });

  it("splits a negative total as its opposite, negated", () => {
    expect(largestRemainder(-10, [36, 33, 31])).toEqual([-4, -3, -3]);
  });

  it("gives nothing to a zero weight", () => {
    expect(largestRemainder(7, [0, 1, 0, 1], ["A", "B", "C", "D"])).toEqual([0, 4, 0, 3]);
  });

  it("refuses a non-integer total, a negative weight and all-zero weights", () => {
    expect(() => largestRemainder(1.5, [1, 1])).toThrow(InvalidArgumentError);
    expect(() => largestRemainder(10, [1, -1])).toThrow(InvalidArgumentError);
    expect(() => largestRemainder(10, [0, 0])).toThrow(InvalidArgumentError);
    expect(() => largestRemainder(10, [1, Number.NaN])).toThrow(InvalidArgumentError);
    expect(() => largestRemainder(10, [1, 1], ["A"])).toThrow(InvalidArgumentError);
  });

  it("adds up exactly to the total, never negative for a positive total, each share the floor or ceiling of its quota", () => {
    fc.assert(
      fc.property(weightsArb, ({ keys, weights, total }) => {
        const shares = largestRemainder(total, weights, keys);
        const sum = weights.reduce((a, b) => a + b, 0);
        let got = 0;
        for (let i = 0; i < shares.length; i++) {
          const s = shares[i];
          got += s;
          if (!Number.isInteger(s) || (total >= 0 && s < 0)) return false;
          const quota = (Math.abs(total) * weights[i]) / sum;
          const abs = Math.abs(s);
          if (abs !== Math.floor(quota) && abs !== Math.ceil(quota) && Math.abs(abs - quota) >= 1e-6)
            return false;
        }
        return got === total;
      }),
      RUNS,
    );
  });

  it("changes no one's share when the instruments are reordered", () => {
    fc.assert(
      fc.property(
        weightsArb.chain((c) =>
          fc.record({
            c: fc.constant(c),
            perm: fc.shuffledSubarray([...c.keys.keys()], { minLength: c.keys.length }),
          }),
        ),
        ({ c, perm }) => {
          // Reordered, the weights add up in another order, and the quotas move by float noise:
          // on the edge of the tie tolerance, as when they are scaled (below).
          fc.pre(!onToleranceEdge(c.weights, c.total));
          const a = largestRemainder(c.total, c.weights, c.keys);
          const b = largestRemainder(
            c.total,
            perm.map((i) => c.weights[i]),
            perm.map((i) => c.keys[i]),
          );
          return perm.every((i, j) => b[j] === a[i]);
        },
      ),
      RUNS,
    );
  });

  it("changes nothing when every weight is scaled by a constant", () => {
    fc.assert(
      fc.property(
        weightsArb,
        fc.constantFrom(2, 3, 10, 0.5, 3.7, 1e-3, 121),
        ({ keys, weights, total }, k) => {
          // Scaled, a quota moves by float noise; on the edge of the tie tolerance that noise
          // decides between two roundings equally good (seen once in CI: remainders .52233 and
          // .52190 of a total of 426,471,553 differ by the tolerance less 3e-8). Left out.
          fc.pre(!onToleranceEdge(weights, total));
          const scaled = largestRemainder(
            total,
            weights.map((w) => w * k),
            keys,
          );
          const plain = largestRemainder(total, weights, keys);
          return scaled.every((s, i) => s === plain[i]);
        },
      ),
      RUNS,
    );
  });
});

/**
 * True when float noise in the quotas could move a remainder across the tolerance of
 * largestRemainderInto: a remainder that far from 0 or 1, or two remainders that far apart, give
 * or take the noise (a few units in the last place of the total).
 */
function onToleranceEdge(weights: readonly number[], total: number): boolean {
  const abs = Math.abs(total);
  const tol = remainderTolerance(abs);
  const noise = 1e-14 * abs + 1e-15;
  const sum = weights.reduce((a, w) => a + w, 0);
  const rems = weights
    .filter((w) => w > 0)
    .map((w) => {
      const q = (abs * w) / sum;
      return q - Math.floor(q);
    });
  const near = (d: number) => Math.abs(d - tol) <= noise;
  return rems.some((r, i) => near(r) || near(1 - r) || rems.some((o, j) => j > i && near(Math.abs(r - o))));
}
