import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { Worksheet } from "exceljs";
import { runCli, tempDir } from "../cli/cliHarness";
import { HAND_OPTIONS, handOptionsSheets } from "../workbook/fixtures/handOptions";
import {
  describeWithSoffice,
  formulaCells,
  load,
  numberOf,
  recalculatedByLibreOffice,
  SOFFICE,
} from "./libreofficeRecalc";

/**
 * LibreOffice recalculates the Options sheet of the hand-worked three-option workbook: every
 * formula gives the figure we cached, every check shows 0, and the totals are those worked by hand
 * and those of RESULT.json's `scenarios`.
 */

interface Scenario {
  name: string;
  instrumentTotals: Record<string, { direct: number; psc: number; total: number }>;
  grandTotal: { direct: number; psc: number; total: number };
}

describeWithSoffice("LibreOffice recalculation of the Options sheet", () => {
  let ours: Worksheet;
  let theirs: Worksheet;
  let scenarios: Scenario[];
  const dir = tempDir();

  beforeAll(async () => {
    if (!SOFFICE) throw new Error("soffice (LibreOffice) is not installed: apt-get install libreoffice-calc");
    const input = new Workbook();
    for (const sheet of Object.values(handOptionsSheets())) {
      const ws = input.addWorksheet(sheet.name);
      for (const row of sheet.rows) ws.addRow(row);
    }
    await input.xlsx.writeFile(join(dir, "options.xlsx"));
    const run = await runCli(
      "allocate",
      join(dir, "options.xlsx"),
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "result.json"),
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    scenarios = (JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { scenarios: Scenario[] })
      .scenarios;
    const mine = (await load(join(dir, "out.xlsx"))).getWorksheet("Options");
    if (!mine) throw new Error("no Options sheet written");
    ours = mine;

    const lo = (await recalculatedByLibreOffice(join(dir, "out.xlsx"), ["Options"], dir)).getWorksheet(
      "Options",
    );
    if (!lo) throw new Error("LibreOffice lost the Options sheet");
    theirs = lo;
  }, 180000);

  it("recalculates every formula to the value we cached", () => {
    const cells = formulaCells(ours);
    // 12 checks, 6 differences (options 2 and 3), 6 sums on each of 3 total rows.
    expect(cells).toHaveLength(36);
    for (const cell of cells) {
      const expected = numberOf(cell) ?? 0;
      expect({ address: cell.address, value: numberOf(theirs.getCell(cell.address)) }).toEqual({
        address: cell.address,
        value: Number.isInteger(expected) ? expected : expect.closeTo(expected, 9),
      });
    }
  });

  it("finds every check at 0", () => {
    const checks = formulaCells(theirs).filter((c) => Number(c.col) === 9);
    expect(checks).toHaveLength(3 * 4);
    for (const cell of checks)
      expect({ address: cell.address, value: numberOf(cell) }).toEqual({
        address: cell.address,
        value: 0,
      });
  });

  it("gives each option's totals as worked by hand and as RESULT.json has them", () => {
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    HAND_OPTIONS.forEach((option, k) => {
      const row = 5 + k * 4 + 3;
      expect(theirs.getCell(row, 1).value).toBe(option.name);
      const figures = [3, 4, 5].map((col) => numberOf(theirs.getCell(row, col)));
      expect(figures).toEqual([sum(option.direct), sum(option.psc), sum(option.total)]);
      const json = scenarios[k];
      expect(json.name).toBe(option.name);
      expect(figures).toEqual([json.grandTotal.direct, json.grandTotal.psc, json.grandTotal.total]);
      expect(numberOf(theirs.getCell(row, 8))).toBe(sum(option.total) - sum(HAND_OPTIONS[0].total));
    });
  });
});
