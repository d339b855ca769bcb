import { printProblems } from "../../src/cli/printProblems";

describe("printProblems", () => {
  it("prints each problem on a line of its own, a warning marked once, in front", () => {
    let err = "";
    printProblems(
      [
        {
          severity: "error",
          sheet: "Posts",
          cell: "F3",
          message: "Cost must be a number of euros, found 'lots'",
        },
        { severity: "warning", sheet: "Posts", cell: "N9", message: "Option 'Pilt' is named only here" },
      ],
      { out: () => undefined, err: (t) => (err += t) },
    );
    expect(err).toBe(
      "Posts!F3: Cost must be a number of euros, found 'lots'\nwarning: Posts!N9: Option 'Pilt' is named only here\n",
    );
  });
});
