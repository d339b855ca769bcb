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

  it("asks for 1% or 100% where a plain 1 is typed as a floor or a ceiling", () => {
    const out = applyRuleDrafts(sampleModel(), [draft({ min: "1", max: " 1,0 " })], parseBasis, "Rules");
    expect(out.model).toBeUndefined();
    expect(out.problems).toEqual([
      { index: 0, field: "min", message: "Type 1% or 100%: a plain 1 could be either." },
      { index: 0, field: "max", message: "Type 1% or 100%: a plain 1 could be either." },
    ]);
    const clear = applyRuleDrafts(sampleModel(), [draft({ min: "1%", max: "100%" })], parseBasis, "Rules");
    expect(clear.problems).toEqual([]);
    expect(clear.model?.rules[0]).toMatchObject({ min: 0.01, max: 1 });
  });

  it("says a Basis problem in words for the pane's field, which does not show the sheet's column name", () => {
    const out = applyRuleDrafts(
      sampleModel(),
      [draft({ method: "fixed", basis: "CMS 60%; AEWA 50%" }), draft({ unit: "Marine", method: "driver" })],
      parseBasis,
      "Rules",
    );
    expect(out.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^The shares add up to 110/),
      "A driver rule needs the name of an Instruments column, e.g. 'Parties' or 'Budget'.",
    ]);
  });
});
