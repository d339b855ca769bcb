import { rulesCells } from "../../src/taskpane/rulesCells";
import type { RuleDraft } from "../../src/taskpane/ruleDraft";

const draft = (over: Partial<RuleDraft>): RuleDraft => ({
  unit: "Communications",
  method: "equal",
  basis: "",
  participants: [],
  min: "",
  max: "",
  ...over,
});

describe("rulesCells", () => {
  const location = {
    sheet: "Rules",
    headerRow: 5,
    columns: { Unit: 1, Method: 2, Basis: 3, Participants: 4 },
    lastRow: 7,
  };

  it("appends a new rule after the last one and adds a missing bound column with its header", () => {
    const cells = rulesCells(location, [
      draft({ unit: "=HYPERLINK()", method: "fixed", basis: "CMS 50%; AEWA 50%", max: "40%" }),
    ]);
    expect(cells).toEqual([
      { row: 8, col: 1, value: "=HYPERLINK()", format: "@" },
      { row: 8, col: 2, value: "fixed", format: "@" },
      { row: 8, col: 3, value: "CMS 50%; AEWA 50%", format: "@" },
      { row: 8, col: 4, value: null, format: "@" },
      { row: 5, col: 5, value: "Max", format: "@" },
      { row: 8, col: 5, value: 0.4, format: "0.##%" },
    ]);
  });

  it("leaves untouched rules and units that need no rule alone", () => {
    const kept = draft({ row: 6 });
    const optional = draft({ unit: "Aquatic", method: "", optional: true });
    expect(rulesCells(location, [kept, optional], [kept])).toEqual([]);
  });
});
