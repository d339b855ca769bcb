import fc from "fast-check";
import { installCustomFunctionsShim, type ShimCustomFunctionsError } from "./customFunctionsShim";
import {
  ALLOCATE,
  CONTRIBUTIONS,
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

describe("COSTSHARE with percents typed two ways (found by a trial)", () => {
  it("refuses 85 beside 15% (0.15), which would share 85 : 0.15", () => {
    expect(cellErrorOf(() => COSTSHARE(140000, [[85, 0.15]])).message).toMatch(/type them all one way/);
    expect(cellErrorOf(() => SHARE(140000, [[85, 0.15]], 1)).code).toBe("#VALUE!");
  });

  it("still takes weights as proportions: 2 and 1 share 2:1", () => {
    expect(COSTSHARE(300, [[2, 1]])).toEqual([[200, 100]]);
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

describe("ALLOCATE, as the Posts sheet takes a split (found by a trial)", () => {
  it("takes a row within 0.01% of 100%, and gives an empty row of the range zeros", () => {
    expect(
      ALLOCATE(
        [[100], [loose<number>("")]],
        [
          [33.333, 33.333, 33.333],
          [0, 0, 0],
        ],
      ),
    ).toEqual([
      [34, 33, 33],
      [0, 0, 0],
    ]);
  });
});

describe("PSC", () => {
  it("reads a plain 13 as 13%, as the Settings sheet does, and gives 7% of 100,000 as 7,000 (found by a trial)", () => {
    expect(PSC(100000, 13)).toBe(13000);
    expect(PSC(100000, 0.07)).toBe(7000);
  });

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

  it("reads a plain 2 as 2%, as the Settings sheet does, and refuses a rate outside -50% to 100% (found by a trial)", () => {
    expect(ESCALATE(100000, 2, 2)).toBeCloseTo(104040, 6);
    expect(cellErrorOf(() => ESCALATE(100000, 0.6 - 1.2, 1)).code).toBe("#VALUE!");
    expect(cellErrorOf(() => ESCALATE(100000, 100, 1)).message).toMatch(/from -50% to below 100%/);
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

  it("reads an FTE above 10 as a percent of one post, as the Posts sheet does, and refuses 0 (found by a trial)", () => {
    expect(STDCOST("P4", table, 50)).toBe(70000);
    expect(STDCOST("P4", table, 2)).toBe(280000);
    expect(cellErrorOf(() => STDCOST("P4", table, 0)).message).toMatch(/fte must be more than 0/);
    expect(cellErrorOf(() => STDCOST("P4", table, 150)).code).toBe("#VALUE!");
  });

  it("reads the tables the Grades sheet takes: years alone, and its column names (found by a trial)", () => {
    expect(
      STDCOST(
        "P4",
        [
          ["Grade", 2026, 2027],
          ["P4", 185000, 190000],
        ],
        1,
        2027,
      ),
    ).toBe(190000);
    expect(
      STDCOST("P4", [
        ["UN grade", "FY2026", "Standard salary cost"],
        ["P4", 185000, 180000],
      ]),
    ).toBe(180000);
    // The header row is no grade, and a year-only table without a year says which to give.
    expect(
      cellErrorOf(() =>
        STDCOST(
          "Grade",
          [
            ["Grade", 2026],
            ["P4", 185000],
          ],
          1,
          2026,
        ),
      ).code,
    ).toBe("#N/A");
    expect(
      cellErrorOf(() =>
        STDCOST("P4", [
          ["Grade", 2026],
          ["P4", 185000],
        ]),
      ).message,
    ).toMatch(/no Cost column .* give the year/);
    // A grade listed twice is ambiguous, not its first row.
    expect(
      cellErrorOf(() =>
        STDCOST("P4", [
          ["Grade", "Cost"],
          ["P4", 1],
          ["P-4", 2],
        ]),
      ).message,
    ).toMatch(/lists P4 2 times \(rows 2, 3\)/);
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
    const row = SCALE([[0.5, 0.3, 0.2, 0.001]], 0.05)[0];
    expect(row[3]).toBeCloseTo(0.05, 12);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("gives blank rows of the range no share, floor or not (found by a trial)", () => {
    const column = SCALE([[50], [30], [20], [loose("")], [loose(null)]], 0.01).map((r) => r[0]);
    [0.5, 0.3, 0.2].forEach((share, i) => expect(column[i]).toBeCloseTo(share, 12));
    expect(column.slice(3)).toEqual([0, 0]);
  });

  it("explains bounds that cannot hold", () => {
    const e = cellErrorOf(() => SCALE([[1, 1, 1]], undefined, 0.2));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "With a maximum share of 20% each, the 3 Parties that pay can pay at most 60%, less than the 100% to share.",
    );
  });

  it("refuses a ceiling typed as a plain number", () => {
    expect(cellErrorOf(() => SCALE([[1, 1]], undefined, 22)).message).toMatch(/22% = 0.22/);
  });
});

describe("CONTRIBUTIONS", () => {
  const column = <T extends number | null>(values: T[]): T[][] => values.map((v) => [v]);

  it("charges the blank rows of a range such as B2:B40 nothing, even with a minimum contribution (found by a trial)", () => {
    const five = [22, 10, 5, 0.5, 0.01];
    const alone = CONTRIBUTIONS(100000, column(five), undefined, undefined, 2000, 0.6).map((r) => r[0]);
    expect(alone).toEqual([57081, 25946, 12973, 2000, 2000]);
    // Nine empty rows below, as Excel passes them ("" on the web, 0 in some desktop versions).
    const blanks = [...five, ...Array.from({ length: 9 }, (_, k) => (k % 2 ? 0 : loose<number>("")))];
    const fixed = column(blanks.map((_, k) => (k < 5 || k % 3 ? null : 0)));
    const withBlanks = CONTRIBUTIONS(100000, column(blanks), fixed, undefined, 2000, 0.6).map((r) => r[0]);
    expect(withBlanks).toEqual([...alone, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("applies AEWA's rules: the EU's fixed 2.5%, the 20% ceiling and the 2,000 minimum", () => {
    // By hand: 97,500 after the EU; four Parties capped at 20,000; 17,500 left at 0.2 : 0.01
    // gives the smallest 833, below the minimum: it pays 2,000 and the other 15,500.
    const rates = column([0, 30, 10, 8, 0.5, 0.2, 0.01]);
    const fixed = column([0.025, null, null, null, null, null, null]);
    expect(CONTRIBUTIONS(100000, rates, fixed, undefined, 2000, 0.2).map((r) => r[0])).toEqual([
      2500, 20000, 20000, 20000, 20000, 15500, 2000,
    ]);
  });

  it("exempts Parties below the threshold, in the unit of the rates, and spills as a row for a row", () => {
    expect(CONTRIBUTIONS(1000, [[50, 30, 19.95, 0.05]], undefined, 0.1)).toEqual([[500, 300, 200, 0]]);
  });

  it("rounds to cents and adds up exactly to the amount", () => {
    const out = CONTRIBUTIONS(1000, column([1, 1, 1]), undefined, undefined, undefined, undefined, 0.01).map(
      (r) => r[0],
    );
    expect(out.map((x) => Math.round(x * 100)).reduce((a, b) => a + b, 0)).toBe(100000);
    expect(out.every((x) => Math.abs(x - 333.33) <= 0.011)).toBe(true);
  });

  it("gives the shares SCALE gives, times the amount, within one rounding step", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 22, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (rates, amount) => {
          const shares = SCALE([rates])[0];
          const amounts = CONTRIBUTIONS(amount, [rates])[0];
          return amounts.every((a, i) => Math.abs(a - shares[i] * amount) < 1 + 1e-6);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("holds a capped Party at the ceiling rounded down to a whole unit, where SCALE gives the ceiling itself", () => {
    // 20% of 10,001 is 2,000.2: the Party pays 2,000, so no rounding can take it over 20%.
    expect(SCALE([[90, 1, 1, 1, 1, 1, 1]], undefined, 0.2)[0][0]).toBeCloseTo(0.2, 12);
    expect(CONTRIBUTIONS(10001, [[90, 1, 1, 1, 1, 1, 1]], undefined, undefined, undefined, 0.2)[0][0]).toBe(
      2000,
    );
  });

  it("explains rules that cannot hold and arguments it cannot read", () => {
    expect(
      cellErrorOf(() => CONTRIBUTIONS(5000, column([1, 1, 1]), undefined, undefined, 2000)).message,
    ).toBe(
      "A minimum contribution of 2000 for each of the 3 Parties that pay needs 6000, more than the 5000 to share.",
    );
    expect(cellErrorOf(() => CONTRIBUTIONS(100, column([1, -1]))).message).toMatch(
      /rates: value 2 is negative/,
    );
    expect(cellErrorOf(() => CONTRIBUTIONS(100, column([1, 1]), column([0.5]))).message).toMatch(
      /fixed has 1 cell for 2 rates/,
    );
    expect(cellErrorOf(() => CONTRIBUTIONS(100, column([1, 1]), column([0.6, 0.5]))).message).toMatch(
      /fixed shares add up to 110%/,
    );
    expect(cellErrorOf(() => CONTRIBUTIONS(-1, column([1]))).message).toMatch(/amount cannot be negative/);
  });

  it("reads a blank fixed cell as no fixed share, not 0%", () => {
    expect(CONTRIBUTIONS(100, [[1, 1]], [["", 0.2]])).toEqual([[80, 20]]);
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
