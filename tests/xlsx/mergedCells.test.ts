import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { formatProblem } from "../../src/workbook/formatProblem";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { openpyxlPython } from "../openpyxlPython";

const SAMPLE = join(__dirname, "..", "..", "assets", "cms-family-sample.xlsx");

describe("merged cells in an input table", () => {
  it("says so where a problem's cell is merged into the one above it, in a file openpyxl wrote", async () => {
    const dir = mkdtempSync(join(tmpdir(), "merged-"));
    const file = join(dir, "merged.xlsx");
    // The unit of the sample's three Executive management posts (rows 6 to 8), merged as officers
    // often lay out a staffing table: Excel then keeps the name in D6 only.
    execFileSync(openpyxlPython(), [
      "-c",
      [
        "import openpyxl, sys",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        "wb['Posts'].merge_cells('D6:D8')",
        "wb.save(sys.argv[2])",
      ].join("\n"),
      SAMPLE,
      file,
    ]);
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
});
