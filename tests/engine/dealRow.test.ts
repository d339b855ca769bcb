import fc from "fast-check";
import { makeSplit } from "../../src/engine/makeSplit";
import { dealRow } from "../../src/engine/stages/dealRow";
import { lineQuota } from "../../src/engine/stages/lineQuota";
import type { Row } from "../../src/engine/stages/rowsOf";

/**
 * dealRow against its definition: a row of k lines of one cost, whose rounded share of each
 * instrument is k·⌊q_i⌋ plus u_i extra quanta (0 ≤ u_i ≤ k), gives each line ⌊q_i⌋ or ⌈q_i⌉ of
 * each instrument, u_i lines in all get the extra quantum of instrument i, the lines' shares add
 * up to the row's, and each line's cost (its shares' sum) is within a step of the exact cost.
 */
describe("dealRow", () => {
  const n = 5;
  const Y = 2;
  const canonical = Int32Array.from([0, 1, 2, 3, 4]);

  const cases = fc
    .record({
      weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
      k: fc.integer({ min: 1, max: 7 }),
      // The cost of one line, in quanta: whole or fractional (an escalated cost).
      cost: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 1, max: 5000, noNaN: true })),
      year: fc.integer({ min: 0, max: Y - 1 }),
      seed: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
        minLength: n,
        maxLength: n,
      }),
    })
    .filter((c) => c.weights.some((w) => w > 0));

  it("gives every line the floor or the ceiling of its share and keeps the row's sums", () => {
    fc.assert(
      fc.property(cases, ({ weights, k, cost, year, seed }) => {
        const split = makeSplit(Float64Array.from(weights), canonical);
        const m = split.participants.length;
        const members = Array.from({ length: k }, (_, t) => 2 * t + 1); // lines 1, 3, 5, …
        const row: Row = { members, year, category: 0, split, total: cost, firstArc: 3 };
        // A rounded row, as roundFlow gives one: its cost k·c rounded down or up, and each
        // instrument's share k·⌊q⌋ + u with u the floor or the ceiling of k·(q − ⌊q⌋), the
        // ceilings going to as many instruments (in the seed's order) as the cost needs.
        const flow = new Float64Array(row.firstArc + m);
        const q = new Float64Array(2);
        const extra: number[] = [];
        let floors = 0;
        const fractional: number[] = [];
        split.participants.forEach((i, j) => {
          lineQuota(cost, split, i, q);
          extra.push(Math.floor(k * q[1]));
          floors += k * q[0] + extra[j];
          if (k * q[1] > extra[j]) fractional.push(j);
        });
        const rowCost = seed[0] < 0.5 ? Math.floor(k * cost) : Math.ceil(k * cost);
        const ups = Math.round(rowCost - floors);
        fc.pre(ups >= 0 && ups <= fractional.length);
        fractional.sort((a, b) => seed[a] - seed[b] || a - b);
        for (const j of fractional.slice(0, ups)) extra[j]++;
        split.participants.forEach((i, j) => {
          lineQuota(cost, split, i, q);
          flow[row.firstArc + j] = k * q[0] + extra[j];
        });
        const lines = 2 * k + 1;
        const shares = new Float64Array(lines * Y * n).fill(-1);
        const totals = new Float64Array(lines * Y).fill(-1);
        dealRow(row, flow, shares, totals, Y, n);
        split.participants.forEach((i, j) => {
          lineQuota(cost, split, i, q);
          let sum = 0;
          let ups = 0;
          for (const line of members) {
            const v = shares[(line * Y + year) * n + i];
            expect(v === q[0] || v === q[0] + 1).toBe(true);
            sum += v;
            if (v === q[0] + 1) ups++;
          }
          expect(sum).toBe(flow[row.firstArc + j]);
          expect(ups).toBe(extra[j]);
        });
        for (const line of members) {
          let s = 0;
          for (const i of split.participants) s += shares[(line * Y + year) * n + i];
          expect(totals[line * Y + year]).toBe(s);
          expect(Math.abs(s - cost)).toBeLessThan(1 + 1e-9);
          // Nothing is written outside the row's year and instruments.
          for (let i = 0; i < n; i++)
            if (weights[i] === 0) expect(shares[(line * Y + year) * n + i]).toBe(-1);
          expect(totals[line * Y + (1 - year)]).toBe(-1);
        }
        // Lines that are not members are untouched.
        for (let y = 0; y < Y; y++) expect(totals[0 * Y + y]).toBe(-1);
      }),
      { numRuns: 2000 },
    );
  });
});
