import { computeAllocation } from "../../src/engine/computeAllocation";
import type { Allocation } from "../../src/engine/result";
import { totalChanges, unitChanges } from "../../src/taskpane/ruleChanges";
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
});
