import { readWorkbook } from "../../src/workbook/readWorkbook";
import { SIZE_LIMITS, sizeProblems } from "../../src/workbook/sizeProblems";
import { validGrids } from "./gridsOf";

function validModel() {
  const model = readWorkbook(validGrids()).model;
  if (model === undefined) throw new Error("the valid grids no longer read");
  return model;
}

describe("sizeProblems", () => {
  it("finds nothing within the limits", () => {
    expect(sizeProblems(validModel())).toEqual([]);
  });

  it("counts the shares of every option, since each option runs the whole computation", () => {
    const model = validModel();
    const lines = model.posts.length + model.budget.length;
    const oneRun = lines * model.settings.years * model.instruments.length;
    const restore = jest.replaceProperty(SIZE_LIMITS, "shares", oneRun * 2);
    try {
      expect(sizeProblems(model)).toEqual([]);
      const threeOptions = { ...model, settings: { ...model.settings, scenarios: ["A", "B", "C"] } };
      const problems = sizeProblems(threeOptions);
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toContain(`in 3 options over ${model.settings.years} year`);
      expect(problems[0].message).toContain(`make ${oneRun * 3} shares to compute`);
      // A row held to one option counts in that option alone.
      const held = {
        ...threeOptions,
        posts: model.posts.map((p) => ({ ...p, scenarios: ["A"] })),
        budget: model.budget.map((b) => ({ ...b, scenarios: ["A"] })),
      };
      expect(sizeProblems(held)).toEqual([]);
    } finally {
      restore.restore();
    }
  });
});
