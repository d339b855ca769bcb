import fc from "fast-check";
import { allocateWithContributions } from "../../src/engine/allocateWithContributions";
import type { Model, Party } from "../../src/engine/model";
import type { InstrumentContributions } from "../../src/engine/result";
import { buildModel, instrument, party, post, scaleRule } from "./buildModel";

const INSTRUMENTS = [instrument("AEWA", 2), instrument("ASCOBANS", 3), instrument("MP", 4)];
/** One post shared 50/50 by AEWA and ASCOBANS, so the allocation has totals to fall back on. */
const POSTS = [post("P1", "Common services", 2, { cost: 100000, split: { AEWA: 0.5, ASCOBANS: 0.5 } })];

function model(parts: Partial<Model>, years = 1, psc = 0.13): Model {
  return buildModel({
    instruments: INSTRUMENTS,
    posts: POSTS,
    settings: { firstYear: 2025, years, psc },
    ...parts,
  });
}

function contributions(m: Model): InstrumentContributions[] {
  const out = allocateWithContributions(m);
  if (!out.ok)
    throw new Error(out.problems.map((p) => `${p.sheet}!${p.row}/${p.field}: ${p.message}`).join("\n"));
  return out.allocation.contributions ?? [];
}

/** Each Party's contribution in the first year, by name. */
function firstYear(c: InstrumentContributions): Record<string, number> {
  return Object.fromEntries(c.parties.map((p) => [p.party, p.byYear[0]]));
}

describe("computeContributions", () => {
  it("applies AEWA's rules: the EU's fixed 2.5% first, then the 20% ceiling and the EUR 2,000 minimum", () => {
    // By hand: 97,500 left after the EU; the four largest are capped at 20,000 in turn, and the
    // 17,500 left goes 0.2 : 0.01, which puts Tiny under the floor (833): it pays 2,000, Small 15,500.
    const [aewa] = contributions(
      model({
        parties: [
          party("European Union", "AEWA", undefined, 2, 0.025),
          party("Large", "AEWA", 30, 3),
          party("Medium", "AEWA", 10, 4),
          party("Middle", "AEWA", 8, 5),
          party("Modest", "AEWA", 0.5, 6),
          party("Small", "AEWA", 0.2, 7),
          party("Tiny", "AEWA", 0.01, 8),
        ],
        scales: [scaleRule("AEWA", 2, { amount: 100000, floor: 2000, ceiling: 0.2 })],
      }),
    );
    expect(firstYear(aewa)).toEqual({
      "European Union": 2500,
      Large: 20000,
      Medium: 20000,
      Middle: 20000,
      Modest: 20000,
      Small: 15500,
      Tiny: 2000,
    });
    expect(aewa.parties.map((p) => p.basis[0])).toEqual([
      "fixed",
      "ceiling",
      "ceiling",
      "ceiling",
      "ceiling",
      "scale",
      "floor",
    ]);
    expect(aewa.parties[6].share).toBeCloseTo(0.02, 12);
    expect(aewa.amount).toEqual([100000]);
    expect(aewa.amountFromAllocation).toBe(false);
  });

  it("does not keep a Party at the floor once another's cap has lifted it above", () => {
    const [c] = contributions(
      model({
        parties: [party("A", "AEWA", 80, 2), party("B", "AEWA", 15, 3), party("C", "AEWA", 5, 4)],
        scales: [scaleRule("AEWA", 2, { amount: 1000, floor: 100, ceiling: 0.5 })],
      }),
    );
    // Flooring C first (50 → 100) and then capping A would give 500 / 400 / 100; the clamp gives:
    expect(firstYear(c)).toEqual({ A: 500, B: 375, C: 125 });
    expect(c.parties.map((p) => p.basis[0])).toEqual(["ceiling", "scale", "scale"]);
  });

  it("reproduces the Montreal Protocol's 2011–2012 amounts for Australia, Belgium and Brazil", () => {
    // MOP-22 decision annex: US$ 4,276,933 a year; no contribution under 0.1%, none above 22%.
    // Australia 1.933 → 82,537, Belgium 1.075 → 45,901, Brazil 1.611 → 68,788: amounts in one
    // proportion to the UN rates. The other contributing Parties are one aggregate here, its rate
    // (95.546) set so that the factor is the published one; the exempt Party is illustrative. The
    // 22% ceiling binds no one that year (the United States' 22.000 is adjusted down), and the
    // aggregate would hit it, so it is left out.
    const [mp] = contributions(
      model({
        parties: [
          party("Australia", "MP", 1.933, 2),
          party("Belgium", "MP", 1.075, 3),
          party("Brazil", "MP", 1.611, 4),
          party("Other contributing Parties (aggregate)", "MP", 95.546, 5),
          party("A Party under 0.1%", "MP", 0.05, 6),
        ],
        scales: [scaleRule("MP", 2, { amount: 4276933, threshold: 0.001 })],
      }),
    );
    const amounts = firstYear(mp);
    expect(amounts.Australia).toBe(82537);
    expect(amounts.Belgium).toBe(45901);
    expect(amounts.Brazil).toBe(68788);
    expect(amounts["A Party under 0.1%"]).toBe(0);
    // The published adjusted percentages, to three decimals.
    expect(mp.parties.slice(0, 3).map((p) => Number((p.share * 100).toFixed(3)))).toEqual([
      1.93, 1.073, 1.608,
    ]);
  });

  it("shares the instrument's total with PSC when no Amount is given", () => {
    // AEWA's half of the post, 50,000, plus 13% PSC = 56,500 a year.
    const [aewa] = contributions(
      model({ parties: [party("Germany", "AEWA", 6, 2), party("France", "AEWA", 4, 3)] }),
    );
    expect(aewa.amountFromAllocation).toBe(true);
    expect(aewa.amount).toEqual([56500]);
    expect(firstYear(aewa)).toEqual({ Germany: 33900, France: 22600 });
  });

  it("uses a year's own amount and the Amount for the other years", () => {
    const [aewa] = contributions(
      model(
        {
          parties: [party("Germany", "AEWA", 6, 2), party("France", "AEWA", 4, 3)],
          scales: [scaleRule("AEWA", 2, { amount: 1000, amountByYear: { 2026: 2000 } })],
        },
        3,
      ),
    );
    expect(aewa.amount).toEqual([1000, 2000, 1000]);
    expect(aewa.parties[0].byYear).toEqual([600, 1200, 600]);
    expect(aewa.parties[0].total).toBe(2400);
  });

  it("reports rules that cannot hold at the Scales row, naming the instrument and year", () => {
    const out = allocateWithContributions(
      model(
        {
          parties: ["A", "B", "C"].map((n, k) => party(n, "AEWA", 1, k + 2)),
          scales: [
            scaleRule("AEWA", 7, { amountByYear: { 2025: 10000, 2026: 5000 }, amount: 10000, floor: 2000 }),
          ],
        },
        2,
      ),
    );
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems).toEqual([
      {
        severity: "error",
        sheet: "Scales",
        row: 7,
        field: "Floor",
        message:
          "AEWA in 2026: A minimum contribution of EUR 2,000 for each of the 3 Parties that pay needs EUR 6,000, " +
          "more than the EUR 5,000 to share. Lower the Floor or raise the Amount.",
      },
    ]);
  });

  it("refuses a Scales row that gives amounts for some years and none for another", () => {
    const out = allocateWithContributions(
      model(
        {
          parties: [party("A", "AEWA", 1, 2)],
          scales: [scaleRule("AEWA", 4, { amountByYear: { 2025: 1000 } })],
        },
        2,
      ),
    );
    expect(!out.ok && out.problems[0]).toMatchObject({ sheet: "Scales", row: 4, field: "Amount" });
    expect(!out.ok && out.problems[0].message).toContain("none for 2026");
  });

  it("shares the total with PSC of the option written, in a workbook with options", () => {
    // Under "Pilot" a second post, AEWA's alone, adds 20,000: AEWA's total is 50,000 or 70,000 plus PSC.
    const withOptions = (scenario: string) =>
      contributions(
        buildModel({
          instruments: INSTRUMENTS,
          posts: [
            ...POSTS,
            post("P2", "Common services", 3, { cost: 20000, split: { AEWA: 1 }, scenarios: ["Pilot"] }),
          ],
          settings: { firstYear: 2025, years: 1, psc: 0.13, scenarios: ["Status quo", "Pilot"], scenario },
          parties: [party("Germany", "AEWA", 6, 2), party("France", "AEWA", 4, 3)],
        }),
      );
    expect(withOptions("Status quo")[0].amount).toEqual([56500]);
    const [pilot] = withOptions("Pilot");
    expect(pilot.amount).toEqual([79100]);
    expect(firstYear(pilot)).toEqual({ Germany: 47460, France: 31640 });
  });

  it("adds no contributions when the workbook has no Parties sheet", () => {
    const out = allocateWithContributions(model({}));
    expect(out.ok && "contributions" in out.allocation).toBe(false);
  });

  it("gives every Party the same figures whatever the order of the Parties sheet", () => {
    // Equal rates make ties: the leftover quanta must not follow the rows.
    const partiesArb = fc.uniqueArray(
      fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), rate: fc.integer({ min: 0, max: 5 }) }),
      { minLength: 1, maxLength: 12, selector: (p) => p.name.trim().toLowerCase() },
    );
    fc.assert(
      fc.property(
        partiesArb.filter((ps) => ps.some((p) => p.rate > 0) && ps.every((p) => p.name.trim() !== "")),
        fc.integer({ min: 1, max: 100000 }),
        fc.func(fc.integer()),
        (ps, amount, shuffleKey) => {
          const rows: Party[] = ps.map((p, k) => party(p.name, "AEWA", p.rate, k + 2));
          const shuffled = [...rows].sort((a, b) => shuffleKey(a.party) - shuffleKey(b.party));
          const figures = (parties: Party[]) => {
            const [c] = contributions(model({ parties, scales: [scaleRule("AEWA", 2, { amount })] }, 2));
            return Object.fromEntries(c.parties.map((p) => [p.party, p.byYear.join("/")]));
          };
          expect(figures(shuffled)).toEqual(figures(rows));
        },
      ),
      { numRuns: 300 },
    );
  });
});
