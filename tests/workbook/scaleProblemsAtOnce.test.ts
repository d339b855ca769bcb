import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { formatProblem } from "../../src/workbook/formatProblem";
import type { CellValue, WorkbookGrids } from "../../src/workbook/grid";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

const SAMPLE = join(__dirname, "..", "..", "assets", "cms-family-sample.xlsx");

/** The sample's grids with cells set: [sheet, row, column (1-based), value]. */
async function sampleWith(edits: [string, number, number, CellValue][]): Promise<WorkbookGrids> {
  const grids = await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs();
  for (const [name, row, col, value] of edits) {
    const sheet = grids.sheets.find((s) => s.name === name);
    if (sheet === undefined) throw new Error(`no sheet ${name}`);
    const cells = sheet.rows[row - sheet.firstRow];
    while (cells.length < col) cells.push(null);
    cells[col - sheet.firstCol] = value;
  }
  return grids;
}

const problemsOf = async (edits: [string, number, number, CellValue][]) =>
  analyseWorkbook(await sampleWith(edits)).problems.map(formatProblem);

describe("problems of the scales of contributions", () => {
  it("come with the reading's problems when they need no allocation (found by a CLI trial)", async () => {
    // Four years: the Budget has no 2018 column, nor does AEWA's Scales row, which types its amounts.
    const years = await problemsOf([["Settings", 7, 2, 4]]);
    expect(years.some((p) => p.startsWith("Budget!"))).toBe(true);
    expect(years).toContainEqual(
      expect.stringMatching(
        /^Scales!B5: AEWA: the Scales row gives amounts for some years but none for 2018\./,
      ),
    );
    // A ceiling no scale can keep (1% each), beside a post's FTE of 0.
    const ceiling = await problemsOf([
      ["Scales", 5, 8, 0.01],
      ["Posts", 7, 5, 0],
    ]);
    expect(ceiling).toEqual([
      expect.stringMatching(/^Posts!E7: FTE must be more than 0/),
      expect.stringMatching(/^Scales!H5: AEWA in 2015: With a maximum share of 1% each/),
    ]);
  });

  it("are left to the run when their amount is the instrument's share of the allocation", async () => {
    // ASCOBANS shares its total with PSC: with an unreadable post, its ceiling cannot be tried yet.
    const problems = await problemsOf([
      ["Scales", 6, 8, 0.01],
      ["Posts", 7, 5, 0],
    ]);
    expect(problems).toEqual([expect.stringMatching(/^Posts!E7: /)]);
  });
});
