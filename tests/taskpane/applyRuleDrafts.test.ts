import { parseBasis } from "../../src/engine/parseBasis";
import { applyRuleDrafts } from "../../src/taskpane/applyRuleDrafts";
import type { RuleDraft } from "../../src/taskpane/ruleDraft";
import { sampleModel } from "./paneFixtures";

const draft = (over: Partial<RuleDraft>): RuleDraft => ({
  unit: "Communications",
  method: "equal",
  basis: "",
  participants: [],
  min: "",
  max: "",
  ...over,
});

describe("applyRuleDrafts", () => {
  it("replaces the model's rules with the parsed drafts, bounds as fractions", () => {
    const out = applyRuleDrafts(
      sampleModel(),
      [
        draft({
          method: "hybrid",
          basis: "40% equal + 60% Parties",
          participants: ["all"],
          min: "2%",
          max: "50",
        }),
      ],
      parseBasis,
      "Rules",
    );
    expect(out.problems).toEqual([]);
    expect(out.model?.rules).toEqual([
      {
        unit: "Communications",
        spec: {
          method: "hybrid",
          parts: [
            { weight: 0.4, basis: "equal" },
            { weight: 0.6, basis: "Parties" },
          ],
        },
        participants: ["all"],
        min: 0.02,
        max: 0.5,
        source: { sheet: "Rules", row: 0 },
      },
    ]);
  });

  it("names each mistake with its field and gives no model", () => {
    const out = applyRuleDrafts(
      sampleModel(),
      [
        draft({ method: "" }),
        draft({ unit: "communications" }),
        draft({ unit: "Conference", min: "60%", max: "40%" }),
      ],
      parseBasis,
      "Rules",
    );
    expect(out.model).toBeUndefined();
    expect(out.problems.map((p) => [p.index, p.field])).toEqual([
      [0, "method"],
      [1, "unit"],
      [2, "max"],
    ]);
  });
  it("lets a unit have one rule per option, keeps the options on the rules, and names the option two rules share", () => {
    const ok = applyRuleDrafts(
      sampleModel(),
      [
        draft({ method: "equal", scenarios: ["Status quo"] }),
        draft({ method: "fixed", basis: "CMS 50%; AEWA 50%", scenarios: ["Pilot", "Joint"] }),
      ],
      parseBasis,
      "Rules",
    );
    expect(ok.problems).toEqual([]);
    expect(ok.model?.rules.map((r) => r.scenarios)).toEqual([["Status quo"], ["Pilot", "Joint"]]);
    const clash = applyRuleDrafts(
      sampleModel(),
      [draft({ scenarios: ["Status quo", "Pilot"] }), draft({ scenarios: ["pilot"] })],
      parseBasis,
      "Rules",
    );
    expect(clash.problems).toEqual([
      {
        index: 1,
        field: "unit",
        message: "Communications already has a rule above in option 'Pilot'; keep one rule per unit.",
      },
    ]);
  });
});
