import { computeAllocation } from "../../src/engine/computeAllocation";
import type { Model } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { buildModel, instrument, post, rule, seedInstruments } from "./buildModel";

function allocate(model: Model): Allocation {
  const out = computeAllocation(model);
  if (!out.ok)
    throw new Error(out.problems.map((p) => `${p.sheet}!${p.row}/${p.field}: ${p.message}`).join("\n"));
  return out.allocation;
}

/** Shares of year `y` by instrument code. */
function byCode(a: Allocation, shares: Float64Array, y = 0): Record<string, number> {
  const n = a.instruments.length;
  const out: Record<string, number> = {};
  a.instruments.forEach((c, i) => shares[y * n + i] !== 0 && (out[c] = shares[y * n + i]));
  return out;
}

describe("computeAllocation", () => {
  it("splits the seed's CMS/ASCOBANS and IOSEA posts by their own time shares", () => {
    const a = allocate(
      buildModel({
        instruments: seedInstruments,
        grades: [
          { grade: "P2", cost: 90000, source: { sheet: "Grades", row: 2 } },
          { grade: "P4", cost: 140000, source: { sheet: "Grades", row: 3 } },
          { grade: "P5", cost: 160000, source: { sheet: "Grades", row: 4 } },
          { grade: "D1", cost: 183000, source: { sheet: "Grades", row: 5 } },
        ],
        posts: [
          post("P2", "Joint secretariat", 2, { grade: "P2", split: { ASCOBANS: 0.75, CMS: 0.25 } }),
          post("P4", "Joint secretariat", 3, { grade: "P4", split: { ASCOBANS: 0.15, CMS: 0.85 } }),
          post("D1", "Joint secretariat", 4, { grade: "D1", split: { ASCOBANS: 0.03, CMS: 0.97 } }),
          post("P5", "IOSEA", 5, { grade: "P5", split: { CMS: 0.125, IOSEA: 0.875 } }),
        ],
      }),
    );
    const [p2, p4, d1, p5] = a.lines;
    expect(byCode(a, p2.shares)).toEqual({ CMS: 22500, ASCOBANS: 67500 });
    expect(byCode(a, p4.shares)).toEqual({ CMS: 119000, ASCOBANS: 21000 });
    expect(byCode(a, d1.shares)).toEqual({ CMS: 177510, ASCOBANS: 5490 });
    expect(byCode(a, p5.shares)).toEqual({ CMS: 20000, IOSEA: 140000 });
    expect(p4.rule).toBe("Own split: CMS 85%, ASCOBANS 15%");
    expect(a.rules.map((r) => [r.unit, r.method])).toEqual([
      ["Joint secretariat", "posts"],
      ["IOSEA", "posts"],
    ]);
    expect(a.grandTotal.direct).toEqual([90000 + 140000 + 183000 + 160000]);
  });

  it("shares a unit 50/50 by a fixed rule, equally, by Parties and by a hybrid key", () => {
    const instruments = [
      instrument("CMS", 2, { Parties: 120 }),
      instrument("AEWA", 3, { Parties: 60 }),
      instrument("ASCOBANS", 4, { Parties: 20 }),
    ];
    const posts = ["Fixed", "Equal", "Driver", "Hybrid"].map((u, k) => post(u, u, k + 2, { cost: 100000 }));
    const a = allocate(
      buildModel({
        instruments,
        posts,
        rules: [
          rule("Fixed", { method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } }, 2),
          rule("Equal", { method: "equal" }, 3),
          rule("Driver", { method: "driver", driver: "Parties" }, 4),
          rule(
            "Hybrid",
            {
              method: "hybrid",
              parts: [
                { weight: 0.4, basis: "equal" },
                { weight: 0.6, basis: "Parties" },
              ],
            },
            5,
          ),
        ],
      }),
    );
    expect(byCode(a, a.units[0].shares)).toEqual({ CMS: 50000, AEWA: 50000 });
    // Equal remainders: the leftover euro goes to the first code in alphabetical order.
    expect(byCode(a, a.units[1].shares)).toEqual({ CMS: 33333, AEWA: 33334, ASCOBANS: 33333 });
    expect(byCode(a, a.units[2].shares)).toEqual({ CMS: 60000, AEWA: 30000, ASCOBANS: 10000 });
    // 40% equally (13,333.3 each) + 60% by Parties (36,000 / 18,000 / 6,000): remainders tie, the larger weight wins.
    expect(byCode(a, a.units[3].shares)).toEqual({ CMS: 49334, AEWA: 31333, ASCOBANS: 19333 });
    expect(a.rules[0].description).toBe("Shared 50/50 between CMS and AEWA by agreement");
    expect(a.rules[3].description).toBe("40% equally, 60% in proportion to Parties");
    expect(a.rules[3].basis).toBe("40% equal + 60% Parties");
  });

  it("applies a ceiling to a driver rule and restricts participants by code or type", () => {
    const a = allocate(
      buildModel({
        instruments: seedInstruments,
        posts: [post("1", "Science", 2, { cost: 100000 }), post("2", "MOUs", 3, { cost: 1000 })],
        rules: [
          rule("Science", { method: "driver", driver: "parties" }, 2, {
            participants: ["CMS", "AEWA", "ASCOBANS"],
            max: 0.5,
          }),
          rule("MOUs", { method: "equal" }, 3, { participants: ["mou", "cms"] }),
        ],
      }),
    );
    expect(byCode(a, a.units[0].shares)).toEqual({ CMS: 50000, AEWA: 44118, ASCOBANS: 5882 });
    const w = a.rules[0].weights ?? {};
    expect(w.CMS).toBeCloseTo(0.5, 12);
    expect(w.AEWA).toBeCloseTo(75 / 170, 12);
    expect(w.ASCOBANS).toBeCloseTo(10 / 170, 12);
    expect(a.rules[0].description).toBe(
      "In proportion to the number of Parties among CMS, AEWA and ASCOBANS, capped at 50%",
    );
    expect(byCode(a, a.units[1].shares)).toEqual({ CMS: 500, IOSEA: 500 });
  });

  it("escalates costs yearly and takes per-year amounts as they are", () => {
    const a = allocate(
      buildModel({
        settings: { years: 3, escalation: 0.02 },
        instruments: [instrument("CMS", 2), instrument("AEWA", 3)],
        grades: [
          { grade: "P4", cost: 140000, costByYear: { 2017: 150000 }, source: { sheet: "Grades", row: 2 } },
        ],
        posts: [post("1", "U", 2, { grade: "P4", fte: 0.5 })],
        budget: [
          {
            item: "COP",
            unit: "U",
            category: "Meetings",
            amountByYear: { 2015: 0, 2016: 0, 2017: 300000 },
            source: { sheet: "Budget", row: 2 },
          },
        ],
        rules: [rule("U", { method: "equal" }, 2)],
      }),
    );
    expect(a.years).toEqual([2015, 2016, 2017]);
    expect(a.lines[0].totals).toEqual([70000, 71400, 75000]);
    expect(a.lines[1].totals).toEqual([0, 0, 300000]);
    expect(a.instrumentTotals[0].byCategory).toEqual({ Staff: 35000 + 35700 + 37500, Meetings: 150000 });
  });

  it("adds PSC at the rate on each instrument's direct share, within one step, adding up both ways", () => {
    const a = allocate(
      buildModel({
        settings: { psc: 0.13, years: 2 },
        instruments: [instrument("CMS", 2), instrument("AEWA", 3), instrument("ASCOBANS", 4)],
        posts: [post("1", "U", 2, { cost: 100001 })],
        rules: [rule("U", { method: "equal" }, 2)],
      }),
    );
    // 100,001 a year in thirds: each year two instruments get 33,334, and over the two years the
    // extra quanta go round, so that no instrument's period total is off its exact 66,667.33 by a step.
    for (const y of [0, 1]) {
      expect(a.instrumentTotals.map((t) => t.direct[y]).sort()).toEqual([33333, 33334, 33334]);
    }
    const period = a.instrumentTotals.map((t) => t.direct[0] + t.direct[1]);
    expect(period.sort()).toEqual([66667, 66667, 66668]);
    // 13% of 100,001 = 13,000.13 -> 13,000 a year; each instrument's PSC is 13% of its direct share, to the step.
    expect(a.grandTotal.psc).toEqual([13000, 13000]);
    for (const t of a.instrumentTotals) {
      for (const y of [0, 1]) {
        expect(Math.abs(t.psc[y] - 0.13 * t.direct[y])).toBeLessThan(1);
        expect(t.total[y]).toBe(t.direct[y] + t.psc[y]);
      }
      expect(Math.abs(t.psc[0] + t.psc[1] - 0.13 * (t.direct[0] + t.direct[1]))).toBeLessThan(1);
    }
    expect(a.grandTotal.total).toEqual([113001, 113001]);
  });

  it("rounds to the cent when Rounding is 0.01", () => {
    const a = allocate(
      buildModel({
        settings: { rounding: 0.01 },
        instruments: [instrument("CMS", 2), instrument("AEWA", 3), instrument("ASCOBANS", 4)],
        posts: [post("1", "U", 2, { cost: 68.68 })],
        rules: [rule("U", { method: "equal" }, 2)],
      }),
    );
    expect(a.lines[0].totals).toEqual([6868]);
    expect(Array.from(a.lines[0].shares)).toEqual([2289, 2290, 2289]);
  });

  it("passes a support unit on to the units it serves by the reciprocal method, then by their rules", () => {
    const a = allocate(
      buildModel({
        instruments: [instrument("CMS", 2), instrument("AEWA", 3)],
        posts: [
          post("HR1", "HR", 2, { cost: 80000 }),
          post("DP1", "DP", 3, { cost: 120000 }),
          post("C1", "Comms", 4, { cost: 100000 }),
          post("S1", "Science", 5, { cost: 100000, split: { CMS: 0.9, AEWA: 0.1 } }),
        ],
        rules: [rule("Comms", { method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } }, 2)],
        // The textbook case: HR = 80,000 + 0.08·DP, DP = 120,000 + 0.20·HR.
        support: [
          { provider: "HR", receiver: "DP", share: 0.2, source: { sheet: "Support", row: 2 } },
          { provider: "HR", receiver: "Comms", share: 0.5, source: { sheet: "Support", row: 3 } },
          { provider: "HR", receiver: "Science", share: 0.3, source: { sheet: "Support", row: 4 } },
          { provider: "DP", receiver: "HR", share: 0.08, source: { sheet: "Support", row: 5 } },
          { provider: "DP", receiver: "Comms", share: 0.92, source: { sheet: "Support", row: 6 } },
        ],
      }),
    );
    const units = Object.fromEntries(a.units.map((u) => [u.unit, u]));
    expect(a.units.map((u) => [u.unit, u.support])).toEqual([
      ["Comms", false],
      ["Science", false],
      ["HR", true],
      ["DP", true],
    ]);
    // HR's total 91,056.91 reaches Science at 30% = 27,317.07; the rest reaches Comms. A euro of HR
    // reaches Science at 0.3 / 0.984; a euro of DP at 0.3 × 0.08 / 0.984. Each amount passed on is
    // its exact value rounded down or up, and what each unit receives is what was passed on to it.
    const within = (x: number, exact: number) => expect(Math.abs(x - exact)).toBeLessThan(1);
    within(units.HR.passedOn?.Science[0] ?? NaN, (80000 * 0.3) / 0.984);
    within(units.HR.passedOn?.Comms[0] ?? NaN, 80000 - (80000 * 0.3) / 0.984);
    within(units.DP.passedOn?.Science[0] ?? NaN, (120000 * 0.024) / 0.984);
    within(units.DP.passedOn?.Comms[0] ?? NaN, 120000 - (120000 * 0.024) / 0.984);
    expect(units.Science.received).toEqual([
      (units.HR.passedOn?.Science[0] ?? 0) + (units.DP.passedOn?.Science[0] ?? 0),
    ]);
    expect(units.Comms.received[0] + units.Science.received[0]).toBe(200000);
    within(units.Science.received[0], 27317.07);
    expect(units.HR.totals).toEqual([80000]);
    expect(units.DP.totals).toEqual([120000]);
    // Science follows its post's own split: 90/10.
    const science = byCode(a, units.Science.shares);
    within(science.CMS, 90000 + 0.9 * 27317.07);
    within(science.AEWA, 10000 + 0.1 * 27317.07);
    expect(a.grandTotal.direct).toEqual([400000]);
    const hr = a.rules.find((r) => r.unit === "HR");
    expect(hr?.method).toBe("support");
    expect(hr?.servedUnits?.Science).toBeCloseTo(0.3 / 0.984, 12);
  });

  it("passes support units on by step-down in the order of the Support sheet", () => {
    const a = allocate(
      buildModel({
        settings: { supportMethod: "step-down" },
        instruments: [instrument("CMS", 2), instrument("AEWA", 3)],
        posts: [
          post("A", "Admin", 2, { cost: 1000 }),
          post("I", "IT", 3, { cost: 500 }),
          post("C", "Comms", 4, { cost: 0 }),
          post("S", "Science", 5, { cost: 0 }),
        ],
        rules: [
          rule("Comms", { method: "equal" }, 2),
          rule("Science", { method: "fixed", shares: { CMS: 1 } }, 3),
        ],
        support: [
          { provider: "Admin", receiver: "IT", share: 0.2, source: { sheet: "Support", row: 2 } },
          { provider: "Admin", receiver: "Comms", share: 0.8, source: { sheet: "Support", row: 3 } },
          { provider: "IT", receiver: "Admin", share: 0.5, source: { sheet: "Support", row: 4 } },
          { provider: "IT", receiver: "Science", share: 0.5, source: { sheet: "Support", row: 5 } },
        ],
      }),
    );
    const units = Object.fromEntries(a.units.map((u) => [u.unit, u]));
    // Admin closes first: 800 to Comms, 200 to IT; IT's 50% to Admin is dropped: 700 to Science.
    expect(units.Comms.received).toEqual([800]);
    expect(units.Science.received).toEqual([700]);
    expect(units.Admin.passedOn).toEqual({ Comms: [800], Science: [200] });
    expect(units.IT.passedOn).toEqual({ Science: [500] });
    expect(byCode(a, units.Comms.shares)).toEqual({ CMS: 400, AEWA: 400 });
  });

  it("works out savings against the baseline by category, and staff time freed", () => {
    const a = allocate(
      buildModel({
        settings: { years: 2 },
        instruments: [instrument("CMS", 2), instrument("AEWA", 3)],
        grades: [{ grade: "P4", cost: 140000, source: { sheet: "Grades", row: 2 } }],
        posts: [post("1", "Comms", 2, { grade: "P4" })],
        budget: [
          {
            item: "Web",
            unit: "Comms",
            category: "Operational",
            amount: 20000,
            source: { sheet: "Budget", row: 2 },
          },
        ],
        rules: [rule("Comms", { method: "equal" }, 2)],
        baseline: [
          {
            instrument: "AEWA",
            category: "Staff",
            grade: "P4",
            fte: 1,
            source: { sheet: "Baseline", row: 2 },
          },
          { instrument: "aewa", category: "operational", cost: 15000, source: { sheet: "Baseline", row: 3 } },
        ],
      }),
    );
    expect(a.savings).toEqual([
      {
        code: "AEWA",
        baseline: 280000 + 30000,
        shared: 140000 + 20000,
        savings: 150000,
        byCategory: {
          Staff: { baseline: 280000, shared: 140000, savings: 140000 },
          Operational: { baseline: 30000, shared: 20000, savings: 10000 },
        },
        baselineFte: 1,
        sharedFte: 0.5,
        fteFreed: 0.5,
      },
    ]);
  });

  it("settles each instrument's share against the posts it funds", () => {
    const a = allocate(
      buildModel({
        instruments: [instrument("CMS", 2), instrument("AEWA", 3)],
        posts: [
          post("1", "Comms", 2, { cost: 140000, fundedBy: "CMS" }),
          post("2", "Comms", 3, { cost: 60000, fundedBy: "aewa" }),
        ],
        rules: [rule("Comms", { method: "equal" }, 2)],
      }),
    );
    expect(a.settlement).toEqual([
      { code: "CMS", share: 100000, funded: 140000, balance: -40000 },
      { code: "AEWA", share: 100000, funded: 60000, balance: 40000 },
    ]);
    expect(a.lines[1].fundedBy).toBe("AEWA");
  });

  it("splits a posts unit's budget lines by the cost-weighted split of its posts", () => {
    const a = allocate(
      buildModel({
        instruments: [instrument("CMS", 2), instrument("ASCOBANS", 3)],
        posts: [
          post("P4", "Joint", 2, { cost: 140000, split: { ASCOBANS: 0.15, CMS: 0.85 } }),
          post("P2", "Joint", 3, { cost: 60000, split: { ASCOBANS: 0.75, CMS: 0.25 } }),
        ],
        budget: [
          {
            item: "Travel",
            unit: "Joint",
            category: "Travel",
            amount: 10000,
            source: { sheet: "Budget", row: 2 },
          },
        ],
        rules: [rule("Joint", { method: "posts" }, 2)],
      }),
    );
    // Weights: CMS 119,000 + 15,000 = 134,000; ASCOBANS 21,000 + 45,000 = 66,000.
    expect(byCode(a, a.lines[2].shares)).toEqual({ CMS: 6700, ASCOBANS: 3300 });
    expect(a.lines[2].rule).toBe("Unit rule: posts");
  });

  it("splits a negative budget line (income) as its opposite, negated, and totals still agree", () => {
    const a = allocate(
      buildModel({
        settings: { psc: 0.13 },
        instruments: [instrument("CMS", 2), instrument("AEWA", 3), instrument("ASCOBANS", 4)],
        posts: [post("1", "U", 2, { cost: 100000 })],
        budget: [
          {
            item: "Other income",
            unit: "U",
            category: "Income",
            amount: -10000,
            source: { sheet: "Budget", row: 2 },
          },
        ],
        rules: [rule("U", { method: "equal" }, 2)],
      }),
    );
    expect(Array.from(a.lines[1].shares).sort()).toEqual([-3333, -3333, -3334]);
    expect(a.grandTotal.direct).toEqual([90000]);
    // Exact thirds of 90,000: controlled rounding gives each exactly 30,000.
    expect(a.instrumentTotals.map((t) => t.direct[0])).toEqual([30000, 30000, 30000]);
    const lower = a.instrumentTotals.findIndex((t) => t.byCategory.Income === -3334);
    expect(a.instrumentTotals[lower].byCategory).toEqual({ Staff: 33334, Income: -3334 });
    expect(a.grandTotal.psc).toEqual([11700]);
  });

  it("passes on the cost of a post in a support unit that gives a split of its own, with a warning", () => {
    const out = computeAllocation(
      buildModel({
        instruments: [instrument("CMS", 2), instrument("AEWA", 3)],
        posts: [post("1", "U", 2, { cost: 100 }), post("2", "Admin", 3, { cost: 50, split: { AEWA: 1 } })],
        rules: [rule("U", { method: "equal" }, 2)],
        support: [{ provider: "Admin", receiver: "U", share: 1, source: { sheet: "Support", row: 2 } }],
      }),
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const a = out.allocation;
    expect(a.warnings.map((w) => [w.severity, w.sheet, w.row])).toEqual([["warning", "Posts", 3]]);
    expect(a.lines[1].totals).toEqual([50]);
    expect(a.lines[1].rule).toBe("Support: passed on by the reciprocal method");
    expect(a.instrumentTotals.map((t) => t.direct[0])).toEqual([75, 75]);
  });

  it("warns, without failing, about a rule for a unit with no costs and a support unit's rule", () => {
    const out = computeAllocation(
      buildModel({
        instruments: [instrument("CMS", 2)],
        posts: [post("1", "U", 2, { cost: 1 }), post("2", "Admin", 3, { cost: 1 })],
        rules: [
          rule("U", { method: "equal" }, 2),
          rule("Ghost", { method: "equal" }, 3),
          rule("Admin", { method: "equal" }, 4),
        ],
        support: [{ provider: "Admin", receiver: "U", share: 1, source: { sheet: "Support", row: 2 } }],
      }),
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.allocation.warnings.map((w) => [w.severity, w.sheet, w.row, w.field])).toEqual([
      ["warning", "Rules", 4, "Unit"],
      ["warning", "Rules", 3, "Unit"],
    ]);
  });
});
