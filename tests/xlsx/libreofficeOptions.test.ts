import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ValueType, Workbook } from "exceljs";
import type { Cell, Worksheet } from "exceljs";
import { runCli, tempDir } from "../cli/cliHarness";
import { HAND_OPTIONS, handOptionsSheets } from "../workbook/fixtures/handOptions";

/**
 * LibreOffice recalculates the Options sheet of the hand-worked three-option workbook: every
 * formula gives the figure we cached, every check shows 0, and the totals are those worked by hand
 * and those of RESULT.json's `scenarios`.
 */

const exec = promisify(execFile);
const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));
/** A cached result no real figure has: if LibreOffice merely copied cached values, it would show. */
const POISON = 987654321;

interface Scenario {
  name: string;
  instrumentTotals: Record<string, { direct: number; psc: number; total: number }>;
  grandTotal: { direct: number; psc: number; total: number };
}

function numberOf(cell: Cell): number | undefined {
  const v: unknown = cell.type === ValueType.Formula ? cell.result : cell.value;
  return typeof v === "number" ? v : undefined;
}

function formulaCells(ws: Worksheet): Cell[] {
  const cells: Cell[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.type === ValueType.Formula) cells.push(c);
    }),
  );
  return cells;
}

async function load(path: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const describeWithSoffice = SOFFICE || process.env.CI ? describe : describe.skip;

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

    const poisoned = await load(join(dir, "out.xlsx"));
    const ws = poisoned.getWorksheet("Options");
    for (const cell of ws ? formulaCells(ws) : []) cell.value = { formula: cell.formula, result: POISON };
    mkdirSync(join(dir, "in"));
    await poisoned.xlsx.writeFile(join(dir, "in", "poisoned.xlsx"));
    const profile = join("/tmp", `lo-${process.pid}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(
      join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    try {
      await exec(
        SOFFICE,
        [
          "--headless",
          `-env:UserInstallation=file://${profile}`,
          "--convert-to",
          "xlsx",
          "--outdir",
          join(dir, "lo"),
          join(dir, "in", "poisoned.xlsx"),
        ],
        { timeout: 120000 },
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const converted = join(dir, "lo", "poisoned.xlsx");
    if (!existsSync(converted))
      throw new Error(`LibreOffice did not convert the workbook (no ${converted}).`);
    const lo = (await load(converted)).getWorksheet("Options");
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
