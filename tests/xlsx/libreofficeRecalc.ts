import { execFile } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ValueType, Workbook } from "exceljs";
import type { Cell, Worksheet } from "exceljs";

/**
 * LibreOffice as an independent spreadsheet: it recalculates every formula of a workbook we wrote,
 * from cached results poisoned first, so that only a real recalculation gives the right figures.
 */

const exec = promisify(execFile);
export const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) =>
  existsSync(p),
);
/** A cached result no real figure has: if LibreOffice merely copied cached values, it would show. */
export const POISON = 987654321;

/** describe when LibreOffice is here (or on CI, where its absence must fail), else skipped. */
export const describeWithSoffice = SOFFICE || process.env.CI ? describe : describe.skip;

export async function load(path: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A cell's number as the file holds it: a formula's cached result, or the plain value. */
export function numberOf(cell: Cell): number | undefined {
  const v: unknown = cell.type === ValueType.Formula ? cell.result : cell.value;
  return typeof v === "number" ? v : undefined;
}

/** The formula cells of a sheet, in reading order. */
export function formulaCells(ws: Worksheet): Cell[] {
  const cells: Cell[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.type === ValueType.Formula) cells.push(c);
    }),
  );
  return cells;
}

/** A LibreOffice profile that recalculates .xlsx formulas on load (OOXMLRecalcMode 0 = always). */
function freshProfile(): string {
  const dir = join("/tmp", `lo-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/**
 * The workbook at `path` as LibreOffice recalculates it: the cached results of every formula on
 * `sheets` are poisoned, the copy is converted by soffice in `dir`, and the converted file is read.
 */
export async function recalculatedByLibreOffice(
  path: string,
  sheets: readonly string[],
  dir: string,
): Promise<Workbook> {
  if (!SOFFICE) throw new Error("soffice (LibreOffice) is not installed: apt-get install libreoffice-calc");
  const poisoned = await load(path);
  for (const name of sheets) {
    const ws = poisoned.getWorksheet(name);
    if (!ws) continue;
    for (const cell of formulaCells(ws)) cell.value = { formula: cell.formula, result: POISON };
  }
  mkdirSync(join(dir, "in"));
  await poisoned.xlsx.writeFile(join(dir, "in", "poisoned.xlsx"));
  const profile = freshProfile();
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
  // soffice exits 0 even when the conversion failed: the file must be there.
  const converted = join(dir, "lo", "poisoned.xlsx");
  if (!existsSync(converted)) throw new Error(`LibreOffice did not convert the workbook (no ${converted}).`);
  return load(converted);
}
