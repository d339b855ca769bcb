import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { SIZE_LIMITS } from "../../src/workbook/sizeProblems";
import { LIMITS } from "../../src/xlsx/limits";
import { runCli, SAMPLE, tempDir } from "./cliHarness";

/**
 * The exit-code contract at every size: 0 when done, 2 for input beyond a stated limit (said
 * before any work starts, at the cell where the limit is passed), never an internal error or a
 * process killed for memory. Large sizes are measured in `npm run bench`; here they are made small
 * by lowering the limits, except where the real size is cheap to make.
 */

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The sample with an extra worksheet of `rows` rows (a ledger, a data dump) that no input needs. */
function withLedger(rows: number): Uint8Array {
  const parts: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = unzipSync(
    new Uint8Array(readFileSync(SAMPLE)),
  );
  const xml: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  ];
  for (let r = 1; r <= rows; r++) xml.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  xml.push("</sheetData></worksheet>");
  // Stored, not deflated: the test need not spend its time packing what the command never unpacks.
  parts["xl/worksheets/ledger.xml"] = [strToU8(xml.join("")), { level: 0 }];
  const edit = (name: string, from: string, to: string) => {
    parts[name] = strToU8(strFromU8(parts[name] as Uint8Array).replace(from, to));
  };
  edit("xl/workbook.xml", "</sheets>", '<sheet name="Ledger" sheetId="99" r:id="rIdLedger"/></sheets>');
  edit(
    "xl/_rels/workbook.xml.rels",
    "</Relationships>",
    `<Relationship Id="rIdLedger" Type="${REL}/worksheet" Target="worksheets/ledger.xml"/></Relationships>`,
  );
  edit(
    "[Content_Types].xml",
    "</Types>",
    '<Override PartName="/xl/worksheets/ledger.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  return zipSync(parts);
}

/** The sample edited with ExcelJS, written to a temporary file. */
async function sampleWith(edit: (wb: Workbook) => void): Promise<string> {
  const wb = new Workbook();
  await wb.xlsx.readFile(SAMPLE);
  edit(wb);
  const path = join(tempDir(), "in.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

/** Appends `n` instruments to the sample's Instruments sheet; returns the row of the first one added. */
function addInstruments(wb: Workbook, n: number): number {
  const ws = wb.getWorksheet("Instruments");
  if (!ws) throw new Error("no Instruments sheet");
  const first = ws.rowCount + 1;
  for (let i = 0; i < n; i++) ws.getRow(first + i).values = [`X${i}`, `Extra ${i}`, "MOU", "Bonn", 5, 1000];
  return first;
}

async function sampleResult(): Promise<unknown> {
  const dir = tempDir();
  expect(
    (await runCli("allocate", SAMPLE, "--out", join(dir, "o.xlsx"), "--json", join(dir, "r.json"))).code,
  ).toBe(0);
  return JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
}

describe("sizes", () => {
  it("reads past a million-row ledger sheet that no input needs, and gives the sample's figures", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "in.xlsx"), withLedger(1_048_576));
    expect((await runCli("validate", join(dir, "in.xlsx"))).code).toBe(0);
    const run = await runCli(
      "allocate",
      join(dir, "in.xlsx"),
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "r.json"),
    );
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: "" });
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8"))).toEqual(await sampleResult());
  });

  it("refuses 17,000 instruments at the first one past the limit, with exit 2 (it ended in an internal error)", async () => {
    let first = 0;
    const input = await sampleWith((wb) => {
      first = addInstruments(wb, 17_000);
    });
    const run = await runCli("allocate", input, "--out", join(tempDir(), "out.xlsx"));
    expect(run.code).toBe(2);
    // The sample has nine instruments: the 1,001st is the 992nd added.
    expect(run.err).toMatch(
      new RegExp(
        `^Instruments!A${first + SIZE_LIMITS.instruments - 9}: The workbook lists 17,009 instruments; costshare shares costs among at most 1,000`,
        "m",
      ),
    );
  });

  it("refuses a driver of 1e308 at its cell, with exit 2 (it ended in an internal error)", async () => {
    const input = await sampleWith((wb) => {
      wb.getWorksheet("Instruments")?.eachRow((row) => {
        if (row.getCell(1).value === "AEWA" || row.getCell(1).value === "CMS") row.getCell(5).value = 1e308;
      });
    });
    const run = await runCli("validate", input);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^Instruments!E6: Parties must be below 1,000,000,000,000,000/m);
    expect(run.err).toMatch(/^Instruments!E7: Parties must be below/m);
  });

  it("refuses more posts and budget lines than it allocates, before any work, at the first line past the limit", async () => {
    const restore = jest.replaceProperty(SIZE_LIMITS, "lines", 20);
    try {
      const run = await runCli("validate", SAMPLE);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(
        /^Posts!A\d+: The workbook has \d+ posts and budget lines; costshare allocates at most 20 in one run/m,
      );
    } finally {
      restore.restore();
    }
  });

  it("refuses more shares than it computes, naming how many instruments would fit", async () => {
    const restore = jest.replaceProperty(SIZE_LIMITS, "shares", 500);
    try {
      const run = await runCli("validate", SAMPLE);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(
        /^Instruments!A\d+: .* make [\d,]+ shares to compute; costshare computes at most 500 in one run, so with these lines and years at most \d+ instruments/m,
      );
    } finally {
      restore.restore();
    }
  });

  it("refuses an input sheet with more cells than it reads, naming the sheet, before reading on", async () => {
    const restore = jest.replaceProperty(LIMITS, "maxCells", 100);
    try {
      const run = await runCli("validate", SAMPLE);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(
        /: the sheet '\w+' holds more than 100 filled cells, the most costshare reads in one input sheet\.\n$/,
      );
    } finally {
      restore.restore();
    }
  });
});
