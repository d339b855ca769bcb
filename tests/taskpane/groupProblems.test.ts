import type { Problem } from "../../src/engine/problem";
import { groupProblems } from "../../src/taskpane/groupProblems";

const p = (sheet: string, severity: Problem["severity"], row: number): Problem => ({
  sheet,
  severity,
  row,
  message: `${sheet} ${row}`,
});

describe("groupProblems", () => {
  it("groups by sheet in order of first appearance, errors first, then by row", () => {
    const groups = groupProblems([
      p("Posts", "warning", 2),
      p("Rules", "error", 9),
      p("Posts", "error", 7),
      p("Posts", "error", 3),
    ]);
    expect(groups.map((g) => g.sheet)).toEqual(["Posts", "Rules"]);
    expect(groups[0].problems.map((x) => x.row)).toEqual([3, 7, 2]);
    expect([groups[0].errors, groups[0].warnings]).toEqual([2, 1]);
  });
});
