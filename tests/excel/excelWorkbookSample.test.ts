import { readFileSync } from "node:fs";
import { join } from "node:path";
import { computeOptions } from "../../src/engine/computeOptions";
import { ExcelWorkbook } from "../../src/excel/excelWorkbook";
import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { buildOutputSheets } from "../../src/workbook/buildOutputSheets";
import { planRun } from "../../src/workbook/planRun";
import type { OutputSheet, WorkbookGrids } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { excelFrom } from "./excelFrom";
import { letters } from "./fakeExcel";

const SAMPLE = join(__dirname, "..", "..", "assets", "cms-family-sample.xlsx");

/** Runs the engine and the sheet builders on what an adapter read. */
function outputsOf(grids: WorkbookGrids): OutputSheet[] {
  const read = readWorkbook(grids);
  expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
  const outcome = computeOptions(read.model!);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return buildOutputSheets(outcome.allocation, {
    time: new Date("2026-11-27T20:00:00Z"),
    version: "test",
    fingerprint: "f",
  });
}

describe("ExcelWorkbook on the sample workbook", () => {
  it("reads the sample to the same model as the .xlsx adapter, and writes every output sheet as built", async () => {
    const fromFile = await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs();
    const fx = excelFrom(fromFile);
    const fromExcel = await new ExcelWorkbook(fx.context).readInputs();
    // Names, then each input sheet's used range with its top rows (the sample's sheets fit in
    // them), then the number formats of the Parties sheet's UNScale column.
    expect(fx.syncCount).toBe(3);
    expect(readWorkbook(fromExcel).model).toEqual(readWorkbook(fromFile).model);

    const sheets = outputsOf(fromExcel);
    fx.syncCount = 0;
    await new ExcelWorkbook(fx.context, { pageLayout: true }).writeOutputs(sheets);
    // The check, one request of content (the sample's output is far below 4 MB), the swap.
    expect(fx.syncCount).toBe(3);
    for (const sheet of sheets) {
      const written = fx.sheet(sheet.name)!;
      expect(written.visibility).toBe("Visible");
      sheet.cells.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell) return;
          const got = written.cell(`${letters(c + 1)}${r + 1}`);
          if (cell.f !== undefined) expect(got?.formula).toBe(`=${cell.f.replace(/^=/, "")}`);
          else expect(got?.value ?? null).toBe(cell.v ?? null);
        }),
      );
    }

    // A second run finds its sheets marked as ours and replaces them.
    const again = await new ExcelWorkbook(fx.context).readInputs();
    expect(again.ownedSheets).toEqual(sheets.map((s) => s.name));
    await new ExcelWorkbook(fx.context).writeOutputs(outputsOf(again));
    expect(fx.sheets.map((s) => s.name)).toEqual([
      ...fromFile.sheets.map((s) => s.name),
      ...sheets.map((s) => s.name),
    ]);
  });

  it("writes the Run records hidden, and reads them back for the next run, which compares with the one before", async () => {
    const fromFile = await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs();
    const fx = excelFrom(fromFile);
    const run = async () => {
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      const analysis = analyseWorkbook(grids);
      const plan = planRun(
        { allocation: analysis.allocation!, model: analysis.model!, history: analysis.history },
        grids,
        new Date("2026-11-27T20:00:00Z"),
      );
      await new ExcelWorkbook(fx.context).writeOutputs(plan.sheets);
      return plan;
    };
    const first = await run();
    expect(first.run).toBe(1);
    expect(fx.sheet("Run records")!.visibility).toBe("Hidden");
    expect(fx.sheet("Changes")!.visibility).toBe("Visible");
    const second = await run();
    expect(second.run).toBe(2);
    expect(second.inputsChanged).toBe("Since run 1: none.");
    expect(second.comparison.previous?.against.run).toBe(1);
    expect(fx.sheet("Run records")!.visibility).toBe("Hidden");
  });

  it("reads a UN scale rate typed into a cell formatted as a percentage as it shows (6.10% is 6.1, not 0.061)", async () => {
    const fromFile = await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs();
    const fx = excelFrom(fromFile);
    // Germany (AEWA) is on row 13 of the sample's Parties sheet, at 6.1 in a plain number cell.
    const germany = fx.sheet("Parties")!.at(13, 3);
    expect(germany.value).toBe(6.1);
    germany.value = 0.061;
    germany.numberFormat = "0.00%";
    const read = readWorkbook(await new ExcelWorkbook(fx.context).readInputs());
    const plain = readWorkbook(fromFile);
    expect(read.problems).toEqual(plain.problems);
    expect(read.model?.parties).toEqual(plain.model?.parties);
  });

  it("reads merged cells in the same syncs, and a problem at one says why it reads blank", async () => {
    const fromFile = await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs();
    const plain = excelFrom(fromFile);
    await new ExcelWorkbook(plain.context).readInputs();
    const fx = excelFrom(fromFile);
    // Executive management, merged over its three posts (rows 6 to 8) as Excel keeps it: in D6 only.
    const posts = fx.sheet("Posts")!;
    expect(posts.at(6, 4).value).toBe("Executive management");
    posts.at(7, 4).value = null;
    posts.at(8, 4).value = null;
    posts.props["merge.D6:D8"] = true;
    const grids = await new ExcelWorkbook(fx.context).readInputs();
    expect(fx.syncCount).toBe(plain.syncCount);
    expect(grids.mergedAreas).toEqual({ Posts: ["D6:D8"] });
    const problems = analyseWorkbook(grids).problems;
    expect(problems.map((p) => p.cell)).toEqual(["D7", "D8"]);
    expect(problems[0].message).toMatch(/D7 is part of the merged cells D6:D8, whose value only D6 holds/);
  });
});
