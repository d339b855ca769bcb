import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli, tempDir } from "./cliHarness";

/** Writes an .xlsx of plain sheets, each given as rows from A1. */
async function workbook(path: string, sheets: Record<string, (string | number | null)[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(path);
}

/** Runs allocate with every output and returns RESULT.json. */
async function allocate(input: string): Promise<{ grandTotal: { direct: number; total: number } }> {
  const dir = tempDir();
  const run = await runCli(
    "allocate",
    input,
    "--out",
    join(dir, "out.xlsx"),
    "--json",
    join(dir, "r.json"),
    "--docx",
    join(dir, "a.docx"),
  );
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: "" });
  return JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as {
    grandTotal: { direct: number; total: number };
  };
}

describe("costshare allocate on the smallest workbooks an officer may bring", () => {
  it("takes Instruments and Posts alone, each post split, its grades only labels beside their costs", async () => {
    const input = join(tempDir(), "in.xlsx");
    await workbook(input, {
      Instruments: [
        ["Code", "Name", "Type"],
        ["CMS", "Convention", "Convention"],
        ["ASCOBANS", "Accord sur les petits cétacés", "Agreement"],
      ],
      Posts: [
        ["PostId", "Title", "Grade", "Unit", "FTE", "Cost", "FundedBy", "CMS", "ASCOBANS"],
        ["1", "Programme Officer", "P4", "Marine", 1, 140000, "CMS", 0.85, 0.15],
        ["2", "Assistant", "G5", "Marine", 1, 70000, "ASCOBANS", 50, 50],
      ],
    });
    const json = await allocate(input);
    // Three years at the defaults (no escalation), 13% programme support costs.
    expect(json.grandTotal.direct).toBe(3 * 210000);
    expect(json.grandTotal.total).toBe(711900);
  });

  it("shares among a single instrument", async () => {
    const input = join(tempDir(), "in.xlsx");
    await workbook(input, {
      Instruments: [
        ["Code", "Name", "Type"],
        ["CMS", "Convention", "Convention"],
      ],
      Posts: [
        ["PostId", "Title", "Grade", "Unit", "FTE", "Cost", "FundedBy"],
        ["1", "Executive Secretary", "D1", "Direction", 1, 190000, "CMS"],
      ],
      Rules: [
        ["Unit", "Method", "Basis", "Participants"],
        ["Direction", "equal", null, "all"],
      ],
      Baseline: [
        ["Instrument", "Item", "Category", "Grade", "FTE", "Cost"],
        ["CMS", "Executive Secretary", "Staff", "D1", 1, 200000],
      ],
    });
    expect((await allocate(input)).grandTotal.direct).toBe(570000);
  });
});
