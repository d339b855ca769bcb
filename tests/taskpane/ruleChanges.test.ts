import { computeAllocation } from "../../src/engine/computeAllocation";
import type { Allocation } from "../../src/engine/result";
import { computeOptions } from "../../src/engine/computeOptions";
import { elsewhereChanges, totalChanges, unitChanges } from "../../src/taskpane/ruleChanges";
import { sampleModel } from "./paneFixtures";

function run(shares?: { CMS: number; AEWA: number }): Allocation {
  const model = sampleModel();
  if (shares) model.rules[0] = { ...model.rules[0], spec: { method: "fixed", shares } };
  const outcome = computeAllocation(model);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.allocation;
}

describe("ruleChanges", () => {
  it("gives each instrument's change in a unit, read from the two results", () => {
    // Communications, 120,000 a year for two years: equal (120,000 each) to 75/25 (180,000 / 60,000).
    expect(unitChanges(run(), run({ CMS: 0.75, AEWA: 0.25 }), "Communications")).toEqual([
      { code: "CMS", delta: 60000 },
      { code: "AEWA", delta: -60000 },
    ]);
    expect(unitChanges(run(), run({ CMS: 0.75, AEWA: 0.25 }), "Conference services")).toEqual([]);
  });

  it("gives each instrument's change of its total with PSC, which add up to nothing when the cost is the same", () => {
    const changes = totalChanges(run(), run({ CMS: 0.75, AEWA: 0.25 }));
    expect(changes.map((c) => c.code)).toEqual(["CMS", "AEWA"]);
    expect(changes[0].delta).toBe(67800);
    expect(changes.reduce((s, c) => s + c.delta, 0)).toBe(0);
  });

  it("gives the effect of a rule of other options than the one written in the first option it holds in", () => {
    // Communications is shared equally in both options, by a rule of its own in each; Joint is written.
    const options = (statusQuo?: { CMS: number; AEWA: number }): Allocation => {
      const model = sampleModel();
      const [communications, ...rest] = model.rules;
      model.settings = { ...model.settings, scenarios: ["Status quo", "Joint"], scenario: "Joint" };
      model.rules = [
        {
          ...communications,
          scenarios: ["Status quo"],
          ...(statusQuo ? { spec: { method: "fixed" as const, shares: statusQuo } } : {}),
        },
        { ...communications, scenarios: ["Joint"], source: { ...communications.source, row: 90 } },
        ...rest,
      ];
      const outcome = computeOptions(model);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      return outcome.allocation;
    };
    const before = options();
    const after = options({ CMS: 0.75, AEWA: 0.25 });
    expect(after.scenario).toBe("Joint");
    // In Joint, the option written, nothing moved.
    expect(unitChanges(before, after, "Communications")).toEqual([]);
    // The other rules hold in every option: only the first is of another option than Joint.
    expect(
      elsewhereChanges(before, after, [
        { unit: "Communications", scenarios: ["Status quo"] },
        { unit: "Communications", scenarios: ["Joint"] },
        ...sampleModel().rules.slice(1),
      ]),
    ).toEqual({
      0: {
        option: "Status quo",
        changes: [
          { code: "CMS", delta: 60000 },
          { code: "AEWA", delta: -60000 },
        ],
      },
    });
  });
});
