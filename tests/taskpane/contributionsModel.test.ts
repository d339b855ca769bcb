import { contributionsModel, unRate } from "../../src/taskpane/contributionsModel";
import { scaleAllocation } from "./scaleAllocation";

describe("contributionsModel", () => {
  const a = scaleAllocation();

  it("shows the first instrument with Parties, alphabetically, each with its amount and the rule that set it", () => {
    const view = contributionsModel(a, undefined, 0, "")!;
    expect(view.instruments).toEqual(["AEWA", "ASCOBANS"]);
    expect(view.instrument).toBe("AEWA");
    expect(view.label).toBe("2025");
    // The 2025 figures worked by hand in computeContributions.test.ts.
    expect(view.rows.map((r) => [r.party, r.amount, r.rule])).toEqual([
      ["European Union", 2500, "fixed share"],
      ["Large", 20000, "maximum share"],
      ["Medium", 20000, "maximum share"],
      ["Middle", 20000, "maximum share"],
      ["Modest", 20000, "maximum share"],
      ["Small", 15500, undefined],
      ["Tiny", 2000, "minimum contribution"],
    ]);
    expect(view.total).toBe(100000);
    expect(view.rows.reduce((s, r) => s + r.amount, 0)).toBe(view.total);
    expect(view.count).toBe(7);
  });

  it("sums the years for the period and names the years in which a rule set the figure", () => {
    const view = contributionsModel(a, "AEWA", "period", "")!;
    expect(view.label).toBe("2025–2026");
    expect(view.total).toBe(400000);
    expect(view.rows.reduce((s, r) => s + r.amount, 0)).toBe(400000);
    // In 2026 (300,000) Tiny's proportion of what the capped Parties leave, 2,500, is above the minimum.
    expect(view.rows.find((r) => r.party === "Tiny")!.rule).toBe("minimum contribution in 2025");
    expect(view.rows.find((r) => r.party === "Large")!.rule).toBe("maximum share");
  });

  it("finds Parties by part of the name, case and accents aside, and keeps the instrument's total", () => {
    const view = contributionsModel(a, "ASCOBANS", "period", "  COTE ")!;
    expect(view.rows.map((r) => r.party)).toEqual(["Côte d'Ivoire"]);
    expect(view.count).toBe(3);
    // ASCOBANS's half of the post with 13% PSC, two years: its Parties share 113,000.
    expect(view.total).toBe(113000);
    expect(contributionsModel(a, "ASCOBANS", "period", "")!.rows.map((r) => r.party)).toEqual([
      "Belgium",
      "Costa Rica",
      "Côte d'Ivoire",
    ]);
    expect(contributionsModel(a, "ASCOBANS", "period", "xyz")!.rows).toEqual([]);
  });

  it("states each instrument's rules and where its amount comes from", () => {
    const aewa = contributionsModel(a, "AEWA", "period", "")!;
    expect(aewa.rules).toEqual([
      "Fixed shares first: European Union 2.5%",
      "The rest in proportion to the Parties' UN scale rates",
      "No Party above 20% of the amount: the excess goes to the others",
      "Minimum contribution EUR 2,000 a year, made up by the others",
    ]);
    expect(aewa.amountSource).toBe("the Amount in the Scales sheet");
    expect(contributionsModel(a, "ASCOBANS", "period", "")!.amountSource).toBe(
      "ASCOBANS's total with programme support costs, from the allocation",
    );
  });

  it("has nothing to show without a scale of contributions", () => {
    expect(contributionsModel({ ...a, contributions: undefined }, undefined, "period", "")).toBeUndefined();
  });

  it("prints rates as the UN does, in percent to three decimals", () => {
    expect(unRate(0.06111)).toBe("6.111%");
    expect(unRate(0.00001)).toBe("0.001%");
  });
});
