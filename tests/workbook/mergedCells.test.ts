import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { formatProblem } from "../../src/workbook/formatProblem";
import type { CellValue, WorkbookGrids } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { sheetOf, validGrids, validSheets } from "./gridsOf";

/** The valid workbook with Posts cells blanked as a merge leaves them, and the merged ranges given. */
function merged(
  blank: [row: number, col: number][],
  areas: string[],
  extra: CellValue[][] = [],
): WorkbookGrids {
  const rows = [...validSheets().Posts.rows.map((r) => [...r]), ...extra];
  for (const [row, col] of blank) rows[row - 1][col - 1] = null;
  return { ...validGrids({ Posts: sheetOf("Posts", rows) }), mergedAreas: { Posts: areas } };
}

describe("merged cells in an input table", () => {
  it("is a problem where a merge hides a value read, even one that may be blank (FundedBy)", () => {
    // FundedBy 'CMS' merged over P-2, P-3 and P-4 (G3:G5): the last two would have no funder.
    const problems = readWorkbook(
      merged(
        [
          [4, 7],
          [5, 7],
        ],
        ["G3:G5"],
      ),
    ).problems.map(formatProblem);
    expect(problems).toEqual([
      "Posts!G4: G4 is part of the merged cells G3:G5, which show G3's value ('CMS') in every cell, but only G3 holds it: G4 and G5 are read as blank (FundedBy). Unmerge the cells and type the value in each cell.",
    ]);
  });

  it("adds why to a problem at a merged cell, and is not reported again for the same merge", () => {
    const problems = readWorkbook(merged([[3, 4]], ["D2:D3"])).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Posts!D3: Unit is blank; .*\. D3 is part of the merged cells D2:D3, whose value only D2 holds: unmerge them and type the value in each cell\.$/,
    );
  });

  it("is no problem over a title, a column that is not read, or a totals row", () => {
    const rows = validSheets().Posts.rows;
    const titled = sheetOf("Posts", [["Staffing table"], [], ...rows.map((r) => [...r, null, "a note"])]);
    const grids: WorkbookGrids = {
      ...validGrids({ Posts: { ...titled } }),
      // The title over A1:I1, a Notes column (K, not read) merged over two posts.
      mergedAreas: { Posts: ["A1:I1", "K4:K5"] },
    };
    expect(readWorkbook(grids).problems).toEqual([]);
    const totals = merged([], ["A6:E6"], [["Total", null, null, null, null, 560000]]);
    expect(readWorkbook(totals).problems).toEqual([]);
  });

  it("is a problem where a merge hides a number that may be blank (FTE, blank for a full post)", () => {
    // The unit of P-4 merged over D5:E5 hides its FTE of 0.5: the post would count as full time.
    const grids = merged([[5, 5]], ["D5:E5"]);
    const problems = analyseWorkbook(grids).problems.map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(
        /^Posts!E5: E5 is part of the merged cells D5:E5, which show D5's value \('Communications'\)/,
      ),
    ]);
  });
});
