import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cellKey } from "../../src/workbook/grid";
import { isPercentFormat } from "../../src/workbook/percentFormat";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { openpyxlCopy } from "../openpyxlPython";

const SAMPLE = join(__dirname, "..", "..", "assets", "cms-family-sample.xlsx");

describe("number cells formatted as percentages", () => {
  it("knows a percentage format by its % sign, not a quoted or escaped one", () => {
    for (const code of ["0%", "0.00%", "#,##0.0%", "0.0%;[Red]-0.0%", "[$-409]0.00%"])
      expect(isPercentFormat(code)).toBe(true);
    for (const code of ["General", "0.000", '0.00"%"', "0.00\\%", "#,##0", "dd/mm/yyyy", '0;"%"'])
      expect(isPercentFormat(code)).toBe(false);
  });

  it("reads a UN scale rate that openpyxl wrote as 6.10% (0.061 in a percent cell) as the sample's 6.1", async () => {
    // Germany (AEWA), row 13 of the sample's Parties sheet, typed as a percentage in Excel would be.
    const file = openpyxlCopy(SAMPLE, [
      "c = wb['Parties']['C13']",
      "c.value = 0.061",
      "c.number_format = '0.00%'",
    ]);
    const grids = await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readInputs();
    expect(grids.percentCells?.Parties?.has(cellKey(13, 3))).toBe(true);
    const sample = readWorkbook(await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs());
    const read = readWorkbook(grids);
    expect(read.problems).toEqual(sample.problems);
    expect(read.model?.parties).toEqual(sample.model?.parties);
    expect(read.model?.parties?.find((p) => p.party === "Germany")?.unScale).toBeCloseTo(0.061, 12);
  });
});
