import fc from "fast-check";
import { roundTable } from "../../src/engine/roundTable";

/** What breaks a promise of roundTable on one table, or "" when all hold. */
function brokenPromise(
  exact: number[],
  rows: number,
  cols: number,
  totals: number[],
  out: Float64Array,
): string {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) {
      const x = exact[r * cols + c];
      const v = out[r * cols + c];
      if (!Number.isInteger(v)) return `cell (${r}, ${c}) = ${v} is not whole`;
      if (v !== Math.floor(x + 1e-9) && v !== Math.ceil(x - 1e-9)) return `cell (${r}, ${c}) = ${v} for ${x}`;
      s += v;
    }
    if (s !== totals[r]) return `row ${r} adds up to ${s}, not ${totals[r]}`;
  }
  for (let c = 0; c < cols; c++) {
    let e = 0;
    let v = 0;
    for (let r = 0; r < rows; r++) {
      e += exact[r * cols + c];
      v += out[r * cols + c];
    }
    if (!(Math.abs(v - e) < 1 + 1e-9)) return `column ${c} is ${v} for ${e}`;
  }
  return "";
}

function checkRounded(
  exact: number[],
  rows: number,
  cols: number,
  totals: number[],
  out: Float64Array,
): void {
  expect(brokenPromise(exact, rows, cols, totals, out)).toBe("");
}

/** A table whose rows split integer totals by weights, as a scale of contributions does. */
const tables = fc
  .record({
    rows: fc.integer({ min: 1, max: 8 }),
    cols: fc.integer({ min: 1, max: 12 }),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 96, maxLength: 96 }),
    totals: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ rows, cols, seed, totals }) => {
    const exact: number[] = [];
    for (let r = 0; r < rows; r++) {
      const w = Array.from(
        { length: cols },
        (_, c) => seed[(r * cols + c) % seed.length] + (c === 0 ? 1 : 0),
      );
      const s = w.reduce((a, b) => a + b, 0);
      for (let c = 0; c < cols; c++) exact.push((totals[r] * w[c]) / s);
    }
    return { rows, cols, exact, totals: totals.slice(0, rows) };
  });

describe("roundTable", () => {
  it("rounds every cell to its floor or ceiling, keeps row totals exact and columns within one quantum", () => {
    fc.assert(
      fc.property(
        tables,
        ({ rows, cols, exact, totals }) =>
          brokenPromise(exact, rows, cols, totals, roundTable(exact, rows, cols, totals)) === "",
      ),
      { numRuns: 10_000 },
    );
  });

  it("does not let a third drift: 3,000 rows of 100,001 shared equally give each column its exact third", () => {
    const rows = 3000;
    const totals = Array.from({ length: rows }, (_, r) => 100_001 + 2 * r);
    const exact = totals.flatMap((t) => [t / 3, t / 3, t / 3]);
    const out = roundTable(exact, rows, 3, totals);
    const column = (c: number) => totals.reduce((s, _, r) => s + out[r * 3 + c], 0);
    const grand = totals.reduce((a, b) => a + b, 0);
    expect(grand % 3).toBe(0);
    expect([column(0), column(1), column(2)]).toEqual([grand / 3, grand / 3, grand / 3]);
    checkRounded(exact, rows, 3, totals, out);
  });

  it("keeps integer cells as they are", () => {
    const out = roundTable([1, 2, 3, 4], 2, 2, [3, 7]);
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
  });

  it("rounds negative amounts within one quantum too", () => {
    const exact = [-0.5, -0.5, -1.25, -0.75];
    const out = roundTable(exact, 2, 2, [-1, -2]);
    checkRounded(exact, 2, 2, [-1, -2], out);
  });

  it("refuses rows that do not add up to their totals", () => {
    expect(() => roundTable([0.5, 0.4], 1, 2, [1])).toThrow(/adds up to/);
  });
});
