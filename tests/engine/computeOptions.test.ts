import { chooseScenario } from "../../src/engine/chooseScenario";
import { computeAllocation } from "../../src/engine/computeAllocation";
import { computeOptions } from "../../src/engine/computeOptions";
import type { BudgetLine, Model } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { buildModel, instrument, post, rule } from "./buildModel";

/** The three-option example of tests/workbook/fixtures/handOptions.ts, as a model (figures worked there). */
function optionsModel(change: (m: Model) => void = () => {}): Model {
  const budget: BudgetLine = {
    item: "Common website",
    unit: "Communication",
    category: "Operational",
    amount: 30000,
    scenarios: ["Pilot", "Joint secretariat"],
    source: { sheet: "Budget", row: 2 },
  };
  const model = buildModel({
    settings: { firstYear: 2025, psc: 0.1, scenarios: ["Status quo", "Pilot", "Joint secretariat"] },
    instruments: [
      instrument("CMS", 2, { Parties: 133 }),
      instrument("AEWA", 3, { Parties: 85 }),
      instrument("EUROBATS", 4, { Parties: 39 }),
    ],
    posts: [
      post("ES-CMS", "Executive", 2, { cost: 100000, split: { CMS: 1 }, scenarios: ["Status quo", "Pilot"] }),
      post("ES-AEWA", "Executive", 3, {
        cost: 90000,
        split: { AEWA: 1 },
        scenarios: ["Status quo", "Pilot"],
      }),
      post("ES-EB", "Executive", 4, {
        cost: 80000,
        split: { EUROBATS: 1 },
        scenarios: ["status quo", " PILOT "],
      }),
      post("ES-J", "Executive", 5, { cost: 120000, scenarios: ["Joint secretariat"] }),
      post("COM-1", "Communication", 6, { cost: 60000 }),
      post("COM-2", "Communication", 7, { cost: 40000, scenarios: ["Status quo"] }),
    ],
    budget: [budget],
    rules: [
      rule("Executive", { method: "posts" }, 2, { scenarios: ["Status quo", "Pilot"] }),
      rule("Executive", { method: "fixed", shares: { CMS: 0.5, AEWA: 0.3, EUROBATS: 0.2 } }, 3, {
        scenarios: ["Joint secretariat"],
      }),
      rule("Communication", { method: "fixed", shares: { CMS: 0.6, AEWA: 0.4 } }, 4, {
        scenarios: ["Status quo"],
      }),
      rule("Communication", { method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } }, 5, {
        scenarios: ["Pilot"],
      }),
      rule("Communication", { method: "equal" }, 6, {
        participants: ["all"],
        scenarios: ["Joint secretariat"],
      }),
    ],
    baseline: [
      { instrument: "CMS", category: "Staff", fte: 2, cost: 160000, source: { sheet: "Baseline", row: 2 } },
      { instrument: "AEWA", category: "Staff", fte: 2, cost: 130000, source: { sheet: "Baseline", row: 3 } },
      {
        instrument: "EUROBATS",
        category: "Staff",
        fte: 1,
        cost: 80000,
        source: { sheet: "Baseline", row: 4 },
      },
    ],
  });
  change(model);
  return model;
}

function allocate(model: Model): Allocation {
  const outcome = computeOptions(model);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.allocation;
}

const period = (perYear: readonly number[]) => perYear.reduce((a, b) => a + b, 0);

describe("computeOptions", () => {
  it("runs every option on its own rows and gives the figures worked by hand", () => {
    const a = allocate(optionsModel());
    expect(a.scenarios?.map((s) => s.name)).toEqual(["Status quo", "Pilot", "Joint secretariat"]);
    const figures = a.scenarios?.map((s) =>
      s.allocation.instrumentTotals.map((t) => [period(t.direct), period(t.psc), period(t.total)]),
    );
    expect(figures).toEqual([
      [
        [160000, 16000, 176000],
        [130000, 13000, 143000],
        [80000, 8000, 88000],
      ],
      [
        [145000, 14500, 159500],
        [135000, 13500, 148500],
        [80000, 8000, 88000],
      ],
      [
        [90000, 9000, 99000],
        [66000, 6600, 72600],
        [54000, 5400, 59400],
      ],
    ]);
    expect(a.scenarios?.map((s) => s.allocation.savings.map((v) => v.savings))).toEqual([
      [0, 0, 0],
      [15000, -5000, 0],
      [70000, 64000, 26000],
    ]);
    const fte = a.scenarios?.map((s) => s.allocation.instrumentTotals.map((t) => t.fte)) ?? [];
    [
      [2.2, 1.8, 1],
      [1.5, 1.5, 1],
      [0.5 + 1 / 3, 0.3 + 1 / 3, 0.2 + 1 / 3],
    ].forEach((row, k) => row.forEach((v, i) => expect(fte[k][i]).toBeCloseTo(v, 10)));
  });

  it("returns the first option as the allocation to write, carrying every option", () => {
    const a = allocate(optionsModel());
    expect(a.scenario).toBe("Status quo");
    expect(a.grandTotal.total).toEqual([407000]);
    expect(a.scenarios?.[0].allocation.scenarios).toBeUndefined();
  });

  it("writes the option the Scenario setting names, whatever its case", () => {
    const a = allocate(optionsModel((m) => (m.settings.scenario = " joint SECRETARIAT")));
    expect(a.scenario).toBe("Joint secretariat");
    expect(a.grandTotal.total).toEqual([231000]);
    expect(a.lines.map((l) => l.id)).toEqual(["ES-J", "COM-1", "Common website"]);
  });

  it("gives each option the same figures as allocating its rows alone", () => {
    const model = optionsModel();
    const a = allocate(model);
    const alone = computeAllocation({
      ...model,
      posts: model.posts.filter((p) => p.id !== "ES-J" && p.id !== "COM-2"),
      budget: model.budget,
      rules: model.rules.filter((r) => r.scenarios?.includes("Pilot")),
    });
    if (!alone.ok) throw new Error("the Pilot rows alone do not allocate");
    const pilot = a.scenarios?.[1].allocation;
    expect(pilot?.instrumentTotals).toEqual(alone.allocation.instrumentTotals);
    expect(pilot?.units).toEqual(alone.allocation.units);
  });

  it("takes the options in the order rows first name them when Settings does not list them", () => {
    const a = allocate(optionsModel((m) => delete m.settings.scenarios));
    expect(a.scenarios?.map((s) => s.name)).toEqual(["Status quo", "Pilot", "Joint secretariat"]);
  });

  it("allocates a model without options as computeAllocation does, with no scenarios", () => {
    const model = optionsModel((m) => {
      delete m.settings.scenarios;
      m.posts = m.posts.filter((p) => p.scenarios === undefined);
      m.budget = [];
      m.rules = [rule("Communication", { method: "equal" }, 2)];
    });
    const a = allocate(model);
    expect(a.scenarios).toBeUndefined();
    expect(a.scenario).toBeUndefined();
    const plain = computeAllocation(model);
    expect(plain.ok && plain.allocation.grandTotal).toEqual(a.grandTotal);
  });

  it("names the option where a unit with costs has no rule", () => {
    const outcome = computeOptions(
      optionsModel((m) => (m.rules = m.rules.filter((r) => r.source.row !== 5))),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.message])).toEqual([
      [
        "Posts",
        6,
        "In option 'Pilot', unit 'Communication' has costs but no rule in the Rules sheet, and not all of its posts carry their own split: add a rule for it in the Rules sheet, or give each of its posts its own split.",
      ],
    ]);
  });

  it("names every option a problem concerns, and states once a problem met in all of them", () => {
    const outcome = computeOptions(
      optionsModel((m) => {
        m.rules = m.rules.filter((r) => r.unit !== "Communication" || r.scenarios?.includes("Status quo"));
        m.posts.push(post("X-1", "Executive", 8, { cost: -5 }));
      }),
    );
    if (outcome.ok) throw new Error("expected problems");
    expect(outcome.problems.map((p) => p.message)).toEqual([
      "The cost of post 'X-1' must be a number of 0 or more.",
      "In options 'Status quo' and 'Pilot', post 'X-1' is in unit 'Executive', whose rule is 'posts', but it has no split of its own.",
      "In options 'Pilot' and 'Joint secretariat', unit 'Communication' has costs but no rule in the Rules sheet, and not all of its posts carry their own split: add a rule for it in the Rules sheet, or give each of its posts its own split.",
    ]);
  });

  it("does not warn that a rule is unused when its unit has costs in another option", () => {
    const a = allocate(
      optionsModel((m) => {
        m.rules.push(rule("Legal", { method: "equal" }, 7), rule("Library", { method: "equal" }, 8));
        m.posts.push(post("LEG-1", "Legal", 8, { cost: 30000, scenarios: ["Joint secretariat"] }));
      }),
    );
    expect(a.warnings.map((w) => w.message)).toEqual([
      "Unit 'Library' has a rule but no posts or budget lines, so the rule is not used.",
    ]);
  });

  it("reports names that are not options, a name listed twice, and an unknown option to write", () => {
    const outcome = computeOptions(
      optionsModel((m) => {
        m.settings.scenarios = ["Status quo", "Pilot", "Joint secretariat", "pilot "];
        m.settings.scenario = "Merger";
        m.settings.sources = {
          scenarios: { sheet: "Settings", row: 6 },
          scenario: { sheet: "Settings", row: 7 },
        };
        m.posts[1].scenarios = ["Pilots"];
      }),
    );
    if (outcome.ok) throw new Error("expected problems");
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.field, p.message])).toEqual([
      ["Settings", 6, "Value", "Scenarios lists option 'pilot' twice; list each option once."],
      [
        "Posts",
        3,
        "Scenario",
        "'Pilots' is not one of the options of this workbook (Status quo, Pilot, Joint secretariat, pilot).",
      ],
      [
        "Settings",
        7,
        "Value",
        "Scenario names option 'Merger', which is not one of the options of this workbook (Status quo, Pilot, Joint secretariat, pilot).",
      ],
    ]);
  });
});

describe("chooseScenario", () => {
  it("gives another option's allocation with every option and the run's warnings", () => {
    const a = allocate(optionsModel());
    const pilot = chooseScenario(a, "PILOT");
    expect(pilot.scenario).toBe("Pilot");
    expect(pilot.grandTotal.total).toEqual([396000]);
    expect(pilot.scenarios).toBe(a.scenarios);
    expect(pilot.warnings).toBe(a.warnings);
  });

  it("throws for a name that is not an option of the run", () => {
    expect(() => chooseScenario(allocate(optionsModel()), "Merger")).toThrow("no option named 'Merger'");
  });
});
