import fc from "fast-check";
import {
  largestRemainderInto,
  remainderScratch,
  remainderTolerance,
} from "../../src/engine/largestRemainderInto";
import { tieOrder } from "../../src/engine/tieOrder";

/**
 * The rule of largestRemainderInto written the plain way: the pivot is the left-th largest
 * remainder after a full sort; remainders above it by more than the tolerance get a unit, then
 * those within the tolerance of it, in tie order.
 */
function reference(total: number, weights: number[], order: Int32Array): number[] {
  const abs = Math.abs(total);
  const tol = remainderTolerance(abs);
  const sum = weights.reduce((a, b) => a + b, 0);
  const scale = abs / sum;
  const floors: number[] = [];
  const rems: number[] = [];
  for (const i of order) {
    const q = weights[i] * scale;
    let f = Math.floor(q);
    let r = q - f;
    if (1 - r <= tol) {
      f += 1;
      r = 0;
    } else if (r <= tol) r = 0;
    floors.push(f);
    rems.push(r);
  }
  let left = abs - floors.reduce((a, b) => a + b, 0);
  if (left > 0) {
    const pivot = [...rems].sort((a, b) => b - a)[left - 1];
    const won = rems.map((r) => r > pivot + tol);
    won.forEach((w, j) => w && (floors[j]++, left--));
    for (let j = 0; j < rems.length && left > 0; j++) {
      if (!won[j] && rems[j] >= pivot - tol) {
        floors[j]++;
        left--;
      }
    }
  }
  const out = new Array<number>(weights.length).fill(0);
  order.forEach((i, j) => (out[i] = total < 0 ? -floors[j] : floors[j]));
  return out;
}

describe("largestRemainderInto", () => {
  it("hands out the leftover units as a full sort of the remainders would, ties included", () => {
    const weightArb = fc.oneof(
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom(0.08, 0.125, 1 / 3, 0.1),
      fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(weightArb, { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: -1e9, max: 1e9 }),
        (weights, total) => {
          const order = tieOrder(weights);
          let sum = 0;
          for (const w of weights) sum += w;
          const out = new Float64Array(weights.length + 2);
          largestRemainderInto(total, weights, sum, order, out, 1, remainderScratch(weights.length));
          const want = reference(total, weights, order);
          return out[0] === 0 && out[weights.length + 1] === 0 && want.every((v, i) => out[i + 1] === v + 0);
        },
      ),
      { numRuns: 10000 },
    );
  });

  it("gives equal weights their units in tie order, first to last", () => {
    const weights = new Array<number>(30).fill(1);
    const order = tieOrder(weights);
    const out = new Float64Array(30);
    largestRemainderInto(100, weights, 30, order, out, 0, remainderScratch(30));
    expect(Array.from(out)).toEqual([...new Array<number>(10).fill(4), ...new Array<number>(20).fill(3)]);
  });

  it("splits totals of ten billion and more in cents without handing out more units than there are", () => {
    // A tolerance that grew with the total passed a whole unit and turned every quota up.
    for (const total of [1e12 - 1, 1_276_281_562_499, 5e10 - 1]) {
      for (const weights of [Array<number>(20).fill(1), Array.from({ length: 20 }, (_, i) => i + 1)]) {
        const out = new Float64Array(20);
        const order = tieOrder(weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        largestRemainderInto(total, weights, sum, order, out, 0, remainderScratch(20));
        expect(out.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...out) - Math.min(...out)).toBeLessThanOrEqual(weights[19] === 1 ? 1 : total);
      }
    }
  });

  it("adds into what is already there rather than overwriting it", () => {
    const out = Float64Array.from([1, 1]);
    largestRemainderInto(10, [1, 3], 4, tieOrder([1, 3]), out, 0, remainderScratch(2));
    expect(Array.from(out)).toEqual([3, 9]);
  });
});
