import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { formatProblem } from "../../src/workbook/formatProblem";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { openpyxlCopy } from "../openpyxlPython";

const SAMPLE = join(__dirname, "..", "..", "assets", "cms-family-sample.xlsx");

describe("merged cells in an input table", () => {
  it("says so where a problem's cell is merged into the one above it, in a file openpyxl wrote", async () => {
    // The unit of the sample's three Executive management posts (rows 6 to 8), merged as officers
    // often lay out a staffing table: Excel then keeps the name in D6 only.
    const file = openpyxlCopy(SAMPLE, ["wb['Posts'].merge_cells('D6:D8')"]);
    const grids = await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readInputs();
    expect(grids.mergedAreas?.Posts).toEqual(["D6:D8"]);
    const problems = analyseWorkbook(grids).problems.map(formatProblem);
    expect(problems).toEqual(
      ["D7", "D8"].map((cell) =>
        expect.stringMatching(
          new RegExp(
            `^Posts!${cell}: Unit is blank.* ${cell} is part of the merged cells D6:D8, whose value only D6 holds: unmerge them and type the value in each cell\\.$`,
          ),
        ),
      ),
    );
  });

  it("is a problem where a merge hides a FundedBy, which would otherwise read as blank without a word", async () => {
    // 'CMS' in G9 merged over the FundedBy of CO-01 to CO-03.
    const file = openpyxlCopy(SAMPLE, ["wb['Posts'].merge_cells('G9:G11')"]);
    const grids = await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readInputs();
    expect(analyseWorkbook(grids).problems.map(formatProblem)).toEqual([
      "Posts!G10: G10 is part of the merged cells G9:G11, which show G9's value ('CMS') in every cell, but only G9 holds it: G10 and G11 are read as blank (FundedBy). Unmerge the cells and type the value in each cell.",
    ]);
  });
});
