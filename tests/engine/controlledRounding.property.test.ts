import fc from "fast-check";
import { computeAllocation } from "../../src/engine/computeAllocation";
import type { BudgetLine, Model, Post } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { benchModel } from "../../bench/engine.bench";
import { buildModel, instrument, post, rule } from "./buildModel";
import { exactAllocation } from "./exactAllocation";
import { allocate, modelArb, RUNS } from "./modelArb";

/** A figure may be off its exact value by less than one step (with room for float noise in the exact one). */
const STEP = 1 + 1e-6;

/** The first broken rounding bound of an allocation, or "" when every bound holds. */
function brokenBound(model: Model, a: Allocation): string {
  const n = a.instruments.length;
  const Y = a.years.length;
  const rate = a.settings.psc;
  const exact = exactAllocation(model, a);
  const off = (rounded: number, x: number, bound = STEP) => !(Math.abs(rounded - x) < bound);
  for (const [k, l] of a.lines.entries()) {
    for (let y = 0; y < Y; y++)
      if (off(l.totals[y], exact.costs[k][y] ?? 0)) return `line ${l.id} cost in year ${y}: ${l.totals[y]}`;
    const unit = a.units.find((u) => u.unit === l.unit);
    if (unit?.support) {
      // A support line is its part of the unit's passing on: within one step of that part of the
      // unit's rounded figures, so off its exact share by at most one step per unit served, and by
      // the instrument's part of the step its own cost may be off.
      const served = Object.keys(a.rules.find((r) => r.unit === unit.unit)?.servedUnits ?? {}).length;
      for (let y = 0; y < Y; y++) {
        const part = unit.totals[y] === 0 ? 0 : l.totals[y] / unit.totals[y];
        for (let i = 0; i < n; i++)
          if (off(l.shares[y * n + i], exact.lines[k][y * n + i], 2 * STEP + part * served))
            return `support line ${l.id} year ${y} ${a.instruments[i]}`;
      }
      continue;
    }
    for (let c = 0; c < Y * n; c++)
      if (off(l.shares[c], exact.lines[k][c]))
        return `line ${l.id} cell ${c}: ${l.shares[c]} vs ${exact.lines[k][c]}`;
  }
  for (const u of a.units) {
    const x = exact.units.get(u.unit) as Float64Array;
    for (let c = 0; c < Y * n; c++) {
      // Operating units' yearly cells are nodes of the rounding; a support unit's row adds one per unit served.
      const served = u.support
        ? Object.keys(a.rules.find((r) => r.unit === u.unit)?.servedUnits ?? {}).length
        : 1;
      if (off(u.shares[c], x[c], u.support ? served + 1e-6 : STEP))
        return `unit ${u.unit} cell ${c}: ${u.shares[c]} vs ${x[c]}`;
    }
    for (let i = 0; i < n; i++) {
      let r = 0;
      let e = 0;
      for (let y = 0; y < Y; y++) {
        r += u.shares[y * n + i];
        e += x[y * n + i];
      }
      if (!u.support && off(r, e, Y + 1e-6)) return `unit ${u.unit} over the period, ${a.instruments[i]}`;
    }
    if (!u.support) {
      // A unit's own cost in a year is a node of the rounding; what it received is within a step
      // per support unit serving it; its cost with support (the yearly tables' row), the sum of both.
      const serving = a.rules.filter((r) => r.servedUnits?.[u.unit] !== undefined).length;
      for (let y = 0; y < Y; y++) {
        let own = 0;
        for (const [k, l] of a.lines.entries()) if (l.unit === u.unit) own += exact.costs[k][y] ?? 0;
        let total = 0;
        for (let i = 0; i < n; i++) total += x[y * n + i];
        if (off(u.own[y], own)) return `unit ${u.unit} own cost in year ${y}: ${u.own[y]} vs ${own}`;
        if (off(u.received[y], total - own, serving + 1e-6)) return `unit ${u.unit} received in year ${y}`;
        if (off(u.totals[y], total, 1 + serving + 1e-6)) return `unit ${u.unit} cost in year ${y}`;
      }
    }
    for (const [receiver, amounts] of Object.entries(u.passedOn ?? {})) {
      const x2 = exact.passedOn.get(u.unit)?.get(receiver) ?? [];
      for (let y = 0; y < Y; y++)
        if (off(amounts[y], x2[y] ?? 0)) return `${u.unit} passed on to ${receiver} in year ${y}`;
    }
  }
  for (const [i, t] of a.instrumentTotals.entries()) {
    let period = 0;
    let exactPeriod = 0;
    for (let y = 0; y < Y; y++) {
      if (off(t.direct[y], exact.direct[y * n + i]))
        return `${t.code} year ${y}: ${t.direct[y]} vs ${exact.direct[y * n + i]}`;
      // PSC is levied on the exact direct share: within one step of that, so within 1 + rate
      // steps of the rate times the rounded share beside it; direct + PSC in a year within two.
      const exactPsc = rate * exact.direct[y * n + i];
      if (off(t.psc[y], exactPsc)) return `${t.code} PSC year ${y}: ${t.psc[y]} vs ${exactPsc}`;
      if (off(t.psc[y], rate * t.direct[y], (1 + rate) * STEP))
        return `${t.code} PSC year ${y} beside its direct`;
      if (off(t.total[y], (1 + rate) * exact.direct[y * n + i], 2 * STEP)) return `${t.code} total year ${y}`;
      period += t.direct[y];
      exactPeriod += exact.direct[y * n + i];
    }
    if (off(period, exactPeriod)) return `${t.code} period: ${period} vs ${exactPeriod}`;
    const psc = t.psc.reduce((s, v) => s + v, 0);
    if (off(psc, rate * exactPeriod)) return `${t.code} PSC over the period`;
    if (off(period + psc, (1 + rate) * exactPeriod))
      return `${t.code} total with PSC: ${period + psc} vs ${(1 + rate) * exactPeriod}`;
  }
  let grand = 0;
  let exactGrand = 0;
  for (let y = 0; y < Y; y++) {
    let e = 0;
    for (let i = 0; i < n; i++) e += exact.direct[y * n + i];
    if (off(a.grandTotal.direct[y], e)) return `grand total of year ${y}: ${a.grandTotal.direct[y]} vs ${e}`;
    grand += a.grandTotal.direct[y];
    exactGrand += e;
  }
  if (off(grand, exactGrand)) return `grand total: ${grand} vs ${exactGrand}`;
  let grandPsc = 0;
  for (let y = 0; y < Y; y++) {
    let e = 0;
    for (let i = 0; i < n; i++) e += exact.direct[y * n + i];
    if (off(a.grandTotal.psc[y], rate * e)) return `PSC of year ${y}`;
    if (off(a.grandTotal.total[y], (1 + rate) * e, 2 * STEP)) return `total with PSC of year ${y}`;
    grandPsc += a.grandTotal.psc[y];
  }
  if (off(grandPsc, rate * exactGrand)) return `PSC of the period: ${grandPsc} vs ${rate * exactGrand}`;
  if (off(grand + grandPsc, (1 + rate) * exactGrand))
    return `grand total with PSC: ${grand + grandPsc} vs ${(1 + rate) * exactGrand}`;
  return "";
}

/** The totals a reader sees: every unit's shares, every instrument's direct and PSC, by instrument code. */
function totalsByCode(a: Allocation): string {
  const n = a.instruments.length;
  const order = a.instruments.map((c, i) => [c, i] as const).sort(([x], [y]) => (x < y ? -1 : 1));
  const units = [...a.units]
    .sort((x, y) => (x.unit < y.unit ? -1 : 1))
    .map(
      (u) =>
        `${u.unit}:${order.map(([, i]) => a.years.map((_, y) => u.shares[y * n + i]).join("/")).join(",")}`,
    );
  const instruments = order.map(
    ([c, i]) => `${c}:${a.instrumentTotals[i].direct.join("/")}+${a.instrumentTotals[i].psc.join("/")}`,
  );
  return [...units, ...instruments].join(" | ");
}

describe("controlled rounding", () => {
  it("keeps every line, unit-year cell, year and period total of each instrument within one step of exact", () => {
    fc.assert(
      fc.property(modelArb, (model) => brokenBound(model, allocate(model)) === ""),
      RUNS,
    );
  });

  it("changes no total when the lines are listed in another order", () => {
    fc.assert(
      fc.property(
        modelArb.chain((m) =>
          fc.record({
            m: fc.constant(m),
            posts: fc.shuffledSubarray(m.posts, { minLength: m.posts.length }),
            budget: fc.shuffledSubarray(m.budget, { minLength: m.budget.length }),
          }),
        ),
        ({ m, posts, budget }) =>
          totalsByCode(allocate(m)) === totalsByCode(allocate({ ...m, posts, budget })),
      ),
      RUNS,
    );
  });

  it("gives equal weights totals that differ by at most one step, however many lines", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 3 }),
        (count, costs, years) => {
          const codes = Array.from({ length: count }, (_, i) => `I${i}`);
          const a = allocate(
            buildModel({
              settings: { years, escalation: 0.0237 },
              instruments: codes.map((c, i) => instrument(c, i + 2)),
              posts: costs.map((cost, k) => post(`P${k}`, k % 2 ? "A" : "B", k + 2, { cost })),
              rules: [rule("A", { method: "equal" }, 2), rule("B", { method: "equal" }, 3)],
            }),
          );
          const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
          const period = a.instrumentTotals.map((t) => t.direct.reduce((s, v) => s + v, 0));
          return (
            spread(period) <= 1 &&
            a.years.every((_, y) => spread(a.instrumentTotals.map((t) => t.direct[y])) <= 1)
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("controlled rounding: the examples that showed drift", () => {
  it("gives CMS, AEWA and EUROBATS 103,000,000 each for 3,000 posts of odd cost shared equally", () => {
    const posts = Array.from({ length: 3000 }, (_, k) =>
      post(`P${k}`, "Common", k + 2, { cost: 100_001 + 2 * k }),
    );
    const a = allocate(
      buildModel({
        instruments: [instrument("CMS", 2), instrument("AEWA", 3), instrument("EUROBATS", 4)],
        posts,
        rules: [rule("Common", { method: "equal" }, 2)],
      }),
    );
    expect(a.instrumentTotals.map((t) => t.direct[0])).toEqual([103_000_000, 103_000_000, 103_000_000]);
  });

  it("keeps 700 budget lines split by Parties over five instruments within one step of exact", () => {
    const parties = [133, 85, 10, 38, 4];
    const codes = ["CMS", "AEWA", "ASCOBANS", "EUROBATS", "GORILLA"];
    const budget: BudgetLine[] = Array.from({ length: 700 }, (_, k) => ({
      item: `Line ${k}`,
      unit: "Meetings",
      category: "Meetings",
      amount: 1000 + ((k * 7919) % 90_001),
      source: { sheet: "Budget", row: k + 2 },
    }));
    const model = buildModel({
      instruments: codes.map((c, i) => instrument(c, i + 2, { Parties: parties[i] })),
      budget,
      rules: [rule("Meetings", { method: "driver", driver: "Parties" }, 2)],
    });
    const a = allocate(model);
    const total = budget.reduce((s, b) => s + (b.amount as number), 0);
    const all = parties.reduce((s, p) => s + p, 0);
    a.instrumentTotals.forEach((t, i) =>
      expect(Math.abs(t.direct[0] - (total * parties[i]) / all)).toBeLessThan(1),
    );
    expect(brokenBound(model, a)).toBe("");
  });

  it("rounds the costs with everything else: 30 posts of 1,400 in thousands cost 42 thousand, not 30", () => {
    // Rounding each post's cost first (1,400 → 1 thousand) would publish 30 thousand for 42,000.
    const posts: Post[] = Array.from({ length: 30 }, (_, k) =>
      post(`P${k}`, k % 2 ? "A" : "B", k + 2, { cost: 1400 }),
    );
    const model = buildModel({
      settings: { rounding: 1000, escalation: 0.02, years: 3 },
      instruments: [instrument("CMS", 2), instrument("AEWA", 3), instrument("EUROBATS", 4)],
      posts,
      rules: [
        rule("A", { method: "equal" }, 2),
        rule("B", { method: "fixed", shares: { CMS: 0.7, AEWA: 0.3 } }, 3),
      ],
    });
    const a = allocate(model);
    // Exact: 42, 42.84 and 43.6968 thousand; 128.5368 over the period. Each at its floor or ceiling.
    const exact = [42, 42.84, 43.6968];
    a.grandTotal.direct.forEach((d, y) => expect(Math.abs(d - exact[y])).toBeLessThan(1));
    expect(Math.abs(a.grandTotal.direct.reduce((s, d) => s + d, 0) - 128.5368)).toBeLessThan(1);
    expect(a.lines.reduce((s, l) => s + l.totals[0], 0)).toBe(42);
    for (const l of a.lines) expect([1, 2]).toContain(l.totals[0]);
    expect(brokenBound(model, a)).toBe("");
  });

  it("splits a 50/50 unit's total of 428,696 into 214,348 each, by step-down with two support units", () => {
    const posts: Post[] = [
      post("A1", "Admin", 2, { cost: 150_001 }),
      post("I1", "IT", 3, { cost: 90_003 }),
      post("O1", "Ops", 4, { cost: 188_692 }),
    ];
    const model = buildModel({
      settings: { supportMethod: "step-down" },
      instruments: [instrument("CMS", 2), instrument("AEWA", 3)],
      posts,
      rules: [rule("Ops", { method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } }, 2)],
      support: [
        { provider: "Admin", receiver: "IT", share: 0.3, source: { sheet: "Support", row: 2 } },
        { provider: "Admin", receiver: "Ops", share: 0.7, source: { sheet: "Support", row: 3 } },
        { provider: "IT", receiver: "Ops", share: 1, source: { sheet: "Support", row: 4 } },
      ],
    });
    const a = allocate(model);
    const ops = a.units.find((u) => u.unit === "Ops");
    expect(ops?.totals).toEqual([428_696]);
    expect(Array.from(ops?.shares ?? [])).toEqual([214_348, 214_348]);
  });

  it("holds every bound at scale: 10,000 posts × 30 instruments × 3 years", () => {
    const model = benchModel();
    const outcome = computeAllocation(model);
    if (!outcome.ok) throw new Error(outcome.problems[0].message);
    expect(brokenBound(model, outcome.allocation)).toBe("");
  });
});
