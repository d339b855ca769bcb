import { attributeChanges, type Attribution } from "../../../src/engine/changes/attributeChanges";
import { diffModels } from "../../../src/engine/changes/diffModels";
import { runFigures } from "../../../src/engine/changes/runFigures";
import { computeOptions } from "../../../src/engine/computeOptions";
import { priorOf } from "../../../src/engine/headline";
import type { Model } from "../../../src/engine/model";
import type { Allocation } from "../../../src/engine/result";
import { buildModel, instrument, post, rule } from "../buildModel";

/** The allocation written, as every edge computes it (the option written, in a workbook with options). */
function allocate(m: Model): Allocation {
  const outcome = computeOptions(m);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.allocation;
}

/**
 * The hand-worked examples: two instruments, CMS with 120 Parties and AEWA with 80, and one
 * common service, Communications, with one P4 post of 100,000 a year shared equally, PSC 10%,
 * one year. Each instrument pays 50,000 + 5,000 PSC = 55,000.
 */
function before(): Model {
  return buildModel({
    settings: { psc: 0.1 },
    instruments: [instrument("CMS", 2, { Parties: 120 }), instrument("AEWA", 3, { Parties: 80 })],
    posts: [post("P-1", "Communications", 2, { cost: 100000 })],
    rules: [rule("Communications", { method: "equal" }, 2)],
  });
}

/** attributeChanges between two models, both computed by this engine. */
function attribute(a: Model, b: Model): Attribution {
  const outcome = attributeChanges(
    { figures: runFigures(allocate(a)), model: a },
    { model: b, allocation: allocate(b) },
    diffModels(a, b),
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.attribution;
}

/** Each step as [causes, CMS total, AEWA total]. */
function totals(a: Attribution): [string, number, number][] {
  return a.steps.map((s) => [s.causes.join("+"), s.parts.CMS.total, s.parts.AEWA.total]);
}

describe("attributeChanges", () => {
  it("starts from 55,000 each in the example", () => {
    const a = attribute(before(), before());
    expect(a.previous).toEqual({
      CMS: { direct: 50000, psc: 5000, total: 55000 },
      AEWA: { direct: 50000, psc: 5000, total: 55000 },
    });
    expect(a.steps).toEqual([]);
  });

  it("puts a changed rule in its own part: equal to Parties (60:40) moves 11,000 from AEWA to CMS", () => {
    const b = before();
    b.rules = [rule("Communications", { method: "driver", driver: "Parties" }, 2)];
    const a = attribute(before(), b);
    // CMS 60,000 + 6,000 PSC = 66,000; AEWA 40,000 + 4,000 = 44,000.
    expect(totals(a)).toEqual([["rules", 11000, -11000]]);
    expect(a.steps[0].parts.CMS).toEqual({ direct: 10000, psc: 1000, total: 11000 });
  });

  it("puts a post added in its own part: 50,000 more shared equally is 27,500 each with PSC", () => {
    const b = before();
    b.posts = [...b.posts, post("P-2", "Communications", 3, { cost: 50000 })];
    expect(totals(attribute(before(), b))).toEqual([["posts", 27500, 27500]]);
  });

  it("puts a post removed in its own part", () => {
    const a0 = before();
    a0.posts = [...a0.posts, post("P-2", "Communications", 3, { cost: 50000 })];
    expect(totals(attribute(a0, before()))).toEqual([["posts", -27500, -27500]]);
  });

  it("puts a changed cost or grade in its own part: 100,000 to 120,000 is 11,000 each", () => {
    const b = before();
    b.posts = [post("P-1", "Communications", 2, { cost: 120000 })];
    expect(totals(attribute(before(), b))).toEqual([["costs", 11000, 11000]]);
    // The same through the Grades sheet: P4 at 100,000, then at 120,000.
    const g0 = before();
    g0.grades = [{ grade: "P4", cost: 100000, source: { sheet: "Grades", row: 2 } }];
    g0.posts = [post("P-1", "Communications", 2, { grade: "P4" })];
    const g1 = structuredClone(g0);
    g1.grades[0].cost = 120000;
    expect(totals(attribute(g0, g1))).toEqual([["costs", 11000, 11000]]);
  });

  it("puts changed settings in their own part: a second year at 5% escalation is 57,750 each", () => {
    const b = before();
    b.settings = { ...b.settings, years: 2, escalation: 0.05 };
    // Year 2: 105,000 shared equally, 52,500 + 5,250 PSC each.
    expect(totals(attribute(before(), b))).toEqual([["settings", 57750, 57750]]);
  });

  it("applies every cause in the stated order, and the parts add up to each difference", () => {
    const b = before();
    b.settings = { ...b.settings, years: 2, psc: 0.13 };
    b.posts = [
      post("P-1", "Communications", 2, { cost: 120000 }),
      post("P-2", "Communications", 3, { cost: 40000 }),
    ];
    b.rules = [rule("Communications", { method: "driver", driver: "Parties" }, 2)];
    const a = attribute(before(), b);
    // By hand: two years (+55,000 each); P-2 at 40,000 (70,000 a year each: +44,000); P-1 at
    // 120,000 (80,000 a year: +22,000); Parties 60:40 of 160,000 (CMS 96,000 a year with 10% PSC,
    // 211,200: +35,200; AEWA 140,800: -35,200); PSC 13% (CMS 24,960: +5,760; AEWA 16,640: +3,840).
    expect(totals(a)).toEqual([
      ["settings", 55000, 55000],
      ["posts", 44000, 44000],
      ["costs", 22000, 22000],
      ["rules", 35200, -35200],
      ["psc", 5760, 3840],
    ]);
    expect(a.current.CMS.total - a.previous.CMS.total).toBe(161960);
    expect(a.current.AEWA.total - a.previous.AEWA.total).toBe(89640);
  });

  it("takes a group with the next when the model half-way cannot be computed", () => {
    const b = before();
    // A new unit: its post (group posts) cannot be allocated before its rule (group rules) is there.
    b.posts = [...b.posts, post("P-3", "Science", 3, { cost: 20000 })];
    b.rules = [...b.rules, rule("Science", { method: "driver", driver: "Parties" }, 3)];
    expect(totals(attribute(before(), b))).toEqual([["posts+rules", 13200, 8800]]);
  });

  it("shows an instrument added with all it pays in the part of its cause", () => {
    const b = before();
    b.instruments = [...b.instruments, instrument("EUROBATS", 4, { Parties: 36 })];
    const a = attribute(before(), b);
    expect(a.instruments).toEqual(["CMS", "AEWA", "EUROBATS"]);
    expect(a.previous.EUROBATS).toEqual({ direct: 0, psc: 0, total: 0 });
    // 100,000 in three: 33,334 / 33,333 / 33,333 with PSC rounded on each.
    const parts = a.steps.map((s) => s.parts.EUROBATS.total);
    expect(a.steps.map((s) => s.causes)).toEqual([["instruments"]]);
    expect(parts[0]).toBe(a.current.EUROBATS.total);
  });

  it("in a workbook with options, follows the option written, and puts a switch of option in its own part", () => {
    const options = (scenario: string, pilotOnly = true): Model => {
      const m = before();
      m.settings = { ...m.settings, scenarios: ["Status quo", "Pilot"], scenario };
      m.posts = [
        ...m.posts,
        post("P-2", "Communications", 3, { cost: 50000, ...(pilotOnly ? { scenarios: ["Pilot"] } : {}) }),
      ];
      return m;
    };
    expect(attribute(options("Status quo"), options("Status quo")).current.CMS.total).toBe(55000);
    // The pilot adds P-2: 25,000 + 2,500 PSC each.
    expect(totals(attribute(options("Status quo"), options("Pilot")))).toEqual([["option", 27500, 27500]]);
    // P-2 now holds in every option, the status quo included: a post added to the option written.
    expect(totals(attribute(options("Status quo"), options("Status quo", false)))).toEqual([
      ["posts", 27500, 27500],
    ]);
  });

  it("without the earlier run's inputs, shows the whole difference as not attributed", () => {
    const b = before();
    b.settings = { ...b.settings, psc: 0.13 };
    const outcome = attributeChanges(
      { figures: runFigures(allocate(before())) },
      { model: b, allocation: allocate(b) },
      [],
    );
    expect(outcome.ok && outcome.attribution.steps.map((s) => [s.causes, s.parts.CMS.total])).toEqual([
      [["unattributed"], 1500],
    ]);
  });

  it("shows what this version computes otherwise than the figures recorded, first", () => {
    const recorded = runFigures(allocate(before()));
    recorded.byInstrument.CMS = { direct: 50001, psc: 5000, total: 55001 };
    const b = before();
    b.settings = { ...b.settings, psc: 0.13 };
    const outcome = attributeChanges(
      { figures: recorded, model: before() },
      { model: b, allocation: allocate(b) },
      diffModels(before(), b),
    );
    expect(outcome.ok && outcome.attribution.steps.map((s) => [s.causes, s.parts.CMS.total])).toEqual([
      [["version"], -1],
      [["psc"], 1500],
    ]);
  });

  it("takes a run of this version with its exact figures as it is, without computing it again", () => {
    const first = allocate(before());
    const recorded = runFigures(first);
    // Figures this version cannot have made from those inputs: it does not recompute them to see.
    recorded.byInstrument.CMS = { direct: 50001, psc: 5000, total: 55001 };
    const b = before();
    b.settings = { ...b.settings, psc: 0.13 };
    const attribute = (sameVersion: boolean) =>
      attributeChanges(
        { figures: recorded, model: before(), prior: priorOf(first), sameVersion },
        { model: b, allocation: allocate(b) },
        diffModels(before(), b),
      );
    const steps = (o: ReturnType<typeof attribute>) =>
      o.ok && o.attribution.steps.map((s) => [s.causes, s.parts.CMS.total]);
    expect(steps(attribute(true))).toEqual([[["psc"], 1499]]);
    // Of another version, it is computed again, and the difference shows first.
    expect(steps(attribute(false))).toEqual([
      [["version"], -1],
      [["psc"], 1500],
    ]);
  });

  it("compares cents with whole units in cents, and refuses another currency", () => {
    const b = before();
    b.settings = { ...b.settings, rounding: 0.01 };
    const a = attribute(before(), b);
    expect(a.quantum).toBe(0.01);
    expect(a.previous.CMS.total).toBe(5500000);
    const c = before();
    c.settings = { ...c.settings, currency: "USD" };
    const outcome = attributeChanges(
      { figures: runFigures(allocate(before())), model: before() },
      { model: c, allocation: allocate(c) },
      [],
    );
    expect(outcome).toEqual({
      ok: false,
      reason: "the earlier run was in EUR and this one is in USD, so their figures are not compared",
    });
  });
});
