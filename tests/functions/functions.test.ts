import fc from "fast-check";
import { installCustomFunctionsShim, type ShimCustomFunctionsError } from "./customFunctionsShim";
import {
  ALLOCATE,
  COSTSHARE,
  ESCALATE,
  PSC,
  RECIPROCAL,
  SAVINGS,
  SCALE,
  SHARE,
  STDCOST,
} from "../../src/functions/functions";

const CellError = installCustomFunctionsShim();

/** The cell error a call throws; fails the test when it throws anything else or nothing. */
function cellErrorOf(call: () => unknown): ShimCustomFunctionsError {
  try {
    call();
  } catch (err) {
    if (err instanceof CellError) return err;
    throw err;
  }
  throw new Error("expected a cell error, got a value");
}

/** Lets a test pass cells as Excel would hand them over (blanks, text) to number-typed parameters. */
const loose = <T>(v: unknown) => v as T;

describe("COSTSHARE", () => {
  it("splits a P4 post 85/15 between CMS and ASCOBANS, spilling as a row", () => {
    expect(COSTSHARE(140000, [[0.85, 0.15]])).toEqual([[119000, 21000]]);
  });

  it("spills a column for a column of weights", () => {
    expect(COSTSHARE(100, [[1], [1], [1]])).toEqual([[34], [33], [33]]);
  });

  it("rounds to cents when asked and still adds up exactly", () => {
    const shares = COSTSHARE(1000, [[1, 1, 1]], 0.01)[0];
    expect(shares).toEqual([333.34, 333.33, 333.33]);
  });

  it("reads a row of plain numbers as weights", () => {
    expect(COSTSHARE(200000, [[12.5, 87.5]])).toEqual([[25000, 175000]]);
  });

  it("counts blank weight cells as zero", () => {
    expect(COSTSHARE(90, loose([[1, null, 2, ""]]))).toEqual([[30, 0, 60, 0]]);
  });

  it("always adds up to the rounded amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 })
          .filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const shares = COSTSHARE(amount, [weights])[0];
          expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
        },
      ),
    );
  });

  it("gives #VALUE! with a reason for a negative weight", () => {
    const e = cellErrorOf(() => COSTSHARE(100, [[1, -1]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/negative/);
  });

  it("gives #VALUE! naming the cell for text among the weights", () => {
    const e = cellErrorOf(() => COSTSHARE(100, loose([[1, "CMS"]])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('weights: value 2 is "CMS", not a number.');
  });

  it("refuses a two-dimensional block of weights", () => {
    expect(
      cellErrorOf(() =>
        COSTSHARE(100, [
          [1, 2],
          [3, 4],
        ]),
      ).message,
    ).toMatch(/single row or a single column/);
  });

  it("gives #N/A when the amount is missing", () => {
    const e = cellErrorOf(() => COSTSHARE(loose(null), [[1, 1]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("amount is missing.");
  });

  it("gives #VALUE! for a zero or negative rounding step", () => {
    expect(cellErrorOf(() => COSTSHARE(100, [[1, 1]], 0)).code).toBe("#VALUE!");
  });
});

describe("SHARE", () => {
  it("returns the same figure COSTSHARE spills at that position", () => {
    expect(SHARE(100, [[1, 1, 1]], 1)).toBe(34);
    expect(SHARE(100, [[1, 1, 1]], 3)).toBe(33);
  });

  it("refuses an index outside the weights", () => {
    const e = cellErrorOf(() => SHARE(100, [[1, 1]], 3));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/from 1 to 2/);
    expect(cellErrorOf(() => SHARE(100, [[1, 1]], 1.5)).code).toBe("#VALUE!");
  });
});

describe("ALLOCATE", () => {
  it("splits each cost by its row, the rows adding up to their costs", () => {
    const out = ALLOCATE(
      [[140000], [95000]],
      [
        [0.85, 0.15],
        [0.03, 0.97],
      ],
    );
    expect(out).toEqual([
      [119000, 21000],
      [2850, 92150],
    ]);
  });

  it("accepts rows typed as percents adding up to 100", () => {
    expect(ALLOCATE([[1001]], [[50, 50]])).toEqual([[501, 500]]);
  });

  it("refuses a row that does not add up to 100%", () => {
    const e = cellErrorOf(() =>
      ALLOCATE(
        [[100], [100]],
        [
          [0.5, 0.5],
          [0.4, 0.2],
        ],
      ),
    );
    expect(e.message).toBe("splits row 2 adds up to 60%, not 100%.");
  });

  it("refuses a split table with a row count different from the costs", () => {
    expect(cellErrorOf(() => ALLOCATE([[100], [100]], [[0.5, 0.5]])).message).toMatch(
      /1 row but there are 2 costs/,
    );
  });
});

describe("PSC", () => {
  it("charges 13% by default", () => {
    expect(PSC(100000)).toBeCloseTo(13000, 6);
  });

  it("uses the rate given", () => {
    expect(PSC(100000, 0.07)).toBeCloseTo(7000, 6);
  });

  it("refuses a rate of 100% or more", () => {
    expect(cellErrorOf(() => PSC(100, 1)).code).toBe("#VALUE!");
  });
});

describe("ESCALATE", () => {
  it("compounds the rate over the years", () => {
    expect(ESCALATE(100000, 0.02, 2)).toBeCloseTo(104040, 6);
    expect(ESCALATE(100000, 0.02, 0)).toBe(100000);
  });

  it("gives #N/A when the rate is blank", () => {
    expect(cellErrorOf(() => ESCALATE(100, loose(""), 1)).code).toBe("#N/A");
  });
});

describe("STDCOST", () => {
  const table = [
    ["Grade", "Cost", 2026, 2027],
    ["P2", 95000, 97000, null],
    ["P-4", 140000, 143000, 146000],
    ["D1", 210000, 214000, 218000],
  ];

  it("finds a grade's cost, spelling aside, times the FTE", () => {
    expect(STDCOST("P4", table)).toBe(140000);
    expect(STDCOST("p 4", table, 0.5)).toBe(70000);
  });

  it("reads a year column when a year is given", () => {
    expect(STDCOST("D1", table, 1, 2027)).toBe(218000);
  });

  it("reads a two-column table without headers", () => {
    expect(
      STDCOST("P5", [
        ["P5", 160000],
        ["G6", 90000],
      ]),
    ).toBe(160000);
  });

  it("gives #N/A for a grade, a year or a cost that is not in the table", () => {
    expect(cellErrorOf(() => STDCOST("P3", table)).message).toBe("Grade P3 is not in the grades table.");
    expect(cellErrorOf(() => STDCOST("P4", table, 1, 2030)).code).toBe("#N/A");
    expect(cellErrorOf(() => STDCOST("P2", table, 1, 2027)).message).toBe(
      "grades has no cost for P2 in 2027.",
    );
  });

  it("refuses a negative FTE", () => {
    expect(cellErrorOf(() => STDCOST("P4", table, -1)).code).toBe("#VALUE!");
  });
});

describe("SCALE", () => {
  it("re-normalises rates to 100% and holds the ceiling, redistributing the excess", () => {
    const col = SCALE([[22], [10], [5], [3]], undefined, 0.4).map((r) => r[0]);
    expect(col[0]).toBeCloseTo(0.4, 12);
    expect(col.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The others keep their proportions: 10 : 5 : 3 of the remaining 60%.
    expect(col[1]).toBeCloseTo(0.6 * (10 / 18), 12);
  });

  it("raises small rates to the floor", () => {
    const row = SCALE([[0.5, 0.3, 0.2, 0.0]], 0.05)[0];
    expect(row[3]).toBeCloseTo(0.05, 12);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("explains bounds that cannot hold", () => {
    const e = cellErrorOf(() => SCALE([[1, 1, 1]], undefined, 0.2));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Ceilings of 20% for 3 participants/);
  });

  it("refuses a ceiling typed as a plain number", () => {
    expect(cellErrorOf(() => SCALE([[1, 1]], undefined, 22)).message).toMatch(/22% = 0.22/);
  });
});

describe("SAVINGS", () => {
  it("returns the amount saved and the percentage as a row", () => {
    expect(SAVINGS(150000, 125000)).toEqual([[25000, 25000 / 150000]]);
  });

  it("refuses a zero baseline", () => {
    expect(cellErrorOf(() => SAVINGS(0, 10)).code).toBe("#VALUE!");
  });
});

describe("RECIPROCAL", () => {
  it("solves the textbook HR and DP case", () => {
    // HR = 80,000 + 8% of DP; DP = 120,000 + 20% of HR.
    const out = RECIPROCAL(
      [[80000], [120000]],
      [
        [0, 0.08],
        [0.2, 0],
      ],
    );
    expect(out[0][0]).toBeCloseTo(89600 / 0.984, 6);
    expect(out[1][0]).toBeCloseTo(120000 + (0.2 * 89600) / 0.984, 6);
  });

  it("refuses a matrix that is not one row and column per unit", () => {
    expect(cellErrorOf(() => RECIPROCAL([[1, 2]], [[0, 0.1, 0]])).message).toMatch(/must be 2 by 2/);
  });

  it("explains a system with no single solution", () => {
    const e = cellErrorOf(() =>
      RECIPROCAL(
        [[1, 1]],
        [
          [0, 1],
          [1, 0],
        ],
      ),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/no single solution/);
  });
});
