import { solveReciprocal } from "../../src/engine/solveReciprocal";

function totals(direct: number[], matrix: number[][]): number[] {
  const r = solveReciprocal(direct, matrix);
  if (!r.ok) throw new Error(r.message);
  return r.totals;
}

describe("solveReciprocal", () => {
  it("solves the textbook case HR = 80,000 + 0.08·DP, DP = 120,000 + 0.20·HR", () => {
    // matrix[i][j] = share of unit j's total that unit i receives: HR gets 8% of DP, DP 20% of HR.
    const [hr, dp] = totals(
      [80000, 120000],
      [
        [0, 0.08],
        [0.2, 0],
      ],
    );
    expect(hr).toBeCloseTo(80000 + 0.08 * dp, 6);
    expect(dp).toBeCloseTo(120000 + 0.2 * hr, 6);
    expect(hr).toBeCloseTo(89600 / 0.984, 6); // 91,056.91
    expect(dp).toBeCloseTo(138211.38, 2);
  });

  it("pivots when the first diagonal entry is not the largest", () => {
    const t = totals(
      [1, 2, 3],
      [
        [0, 0.5, 0.2],
        [0.3, 0, 0.1],
        [0.6, 0.4, 0],
      ],
    );
    const m = [
      [0, 0.5, 0.2],
      [0.3, 0, 0.1],
      [0.6, 0.4, 0],
    ];
    t.forEach((x, i) => expect(x).toBeCloseTo([1, 2, 3][i] + m[i].reduce((a, v, j) => a + v * t[j], 0), 9));
  });

  it("reports a singular system, where all cost goes round among the support units", () => {
    expect(
      solveReciprocal(
        [1, 1],
        [
          [0, 1],
          [1, 0],
        ],
      ),
    ).toMatchObject({ ok: false, row: expect.any(Number), col: expect.any(Number) });
  });

  it("names the offending row and column of a bad matrix", () => {
    expect(solveReciprocal([1, 1], [[0, 0.1]])).toMatchObject({ ok: false });
    expect(solveReciprocal([1, 1], [[0, 0.1], [0.2]])).toMatchObject({ ok: false, row: 1 });
    expect(
      solveReciprocal(
        [1, 1],
        [
          [0, -0.1],
          [0.2, 0],
        ],
      ),
    ).toMatchObject({ ok: false, row: 0, col: 1 });
    expect(
      solveReciprocal(
        [1, 1],
        [
          [0, Number.NaN],
          [0.2, 0],
        ],
      ),
    ).toMatchObject({ ok: false, row: 0, col: 1 });
    expect(
      solveReciprocal(
        [1, 1, 1],
        [
          [0, 0.7, 0],
          [0, 0, 0],
          [0, 0.6, 0],
        ],
      ),
    ).toMatchObject({ ok: false, col: 1 });
  });
});
