import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ValueType, Workbook } from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ROOT, SAMPLE, runCli, tempDir } from "./cliHarness";

const INPUT_SHEETS = [
  "Settings",
  "Instruments",
  "Grades",
  "Posts",
  "Budget",
  "Rules",
  "Support",
  "Baseline",
  "Parties",
  "Scales",
];
/** The sample compares the seed's four options (Options after Settlement) and has Parties (Contributions). */
const OUTPUT_SHEETS = [
  "Allocation",
  "Savings",
  "Settlement",
  "Options",
  "Contributions",
  "Changes",
  "Annex",
  "Log",
  "Run records",
];

function sha(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

async function load(path: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Data rows of the Log sheet: rows below its header whose Time cell (after Run) holds a time. */
function logRows(wb: Workbook): number {
  const ws = wb.getWorksheet("Log");
  let n = 0;
  ws?.eachRow((row) => {
    const v = row.getCell(2).value;
    if (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v)) n++;
  });
  return n;
}

interface ResultJson {
  currency: string;
  years: number[];
  instruments: string[];
  units: { unit: string; total: number; shares: Record<string, number> }[];
  instrumentTotals: Record<
    string,
    { byYear: Record<string, number>; direct: number; psc: number; total: number }
  >;
  grandTotal: { direct: number; psc: number; total: number };
}

describe("main", () => {
  it("prints the usage with --help and the package version with --version", async () => {
    const help = await runCli("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("costshare allocate IN.xlsx --out OUT.xlsx");
    const version = await runCli("--version");
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version).toEqual({ code: 0, out: `${pkg.version}\n`, err: "" });
  });

  it("answers a usage mistake with one line and exit 2, never a stack", async () => {
    for (const argv of [
      [],
      ["frobnicate"],
      ["allocate", SAMPLE, "--bogus"],
      ["allocate", SAMPLE],
      ["validate"],
      ["validate", SAMPLE, "--json", "x.json"],
    ]) {
      const run = await runCli(...argv);
      expect(run.code).toBe(2);
      expect(run.err).not.toMatch(/\n\s+at /);
    }
  });

  it("names a missing input, a file that is not .xlsx, and a workbook that is not a zip", async () => {
    const dir = tempDir();
    const missing = await runCli("validate", join(dir, "nothere.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nothere.xlsx: no such file");
    writeFileSync(join(dir, "budget.csv"), "a,b\n");
    const csv = await runCli("validate", join(dir, "budget.csv"));
    expect(csv.code).toBe(2);
    expect(csv.err).toContain("not an Excel workbook (.xlsx or .xlsm)");
    writeFileSync(join(dir, "budget.xlsx"), "a,b\n");
    const fake = await runCli("validate", join(dir, "budget.xlsx"));
    expect(fake.code).toBe(2);
    expect(fake.err).toContain("not an .xlsx workbook");
  });

  it("refuses --out equal to the input, or in a folder that does not exist, and changes nothing", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    copyFileSync(SAMPLE, input);
    const before = sha(input);
    const same = await runCli("allocate", input, "--out", join(dir, ".", "in.xlsx"));
    expect(same.code).toBe(2);
    expect(same.err).toContain("is the same file as the input");
    const noFolder = await runCli("allocate", input, "--out", join(dir, "missing", "out.xlsx"));
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toContain("does not exist");
    expect(sha(input)).toBe(before);
  });

  it("writes OUT as the input with its output sheets added, the input's bytes unchanged", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    copyFileSync(SAMPLE, input);
    const before = sha(input);
    const run = await runCli(
      "allocate",
      input,
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "result.json"),
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(sha(input)).toBe(before);

    const out = await load(join(dir, "out.xlsx"));
    expect(out.worksheets.map((w) => w.name)).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS]);
    const inGrids = await (await XlsxWorkbook.fromBuffer(readFileSync(input))).readInputs();
    const outGrids = await (await XlsxWorkbook.fromBuffer(readFileSync(join(dir, "out.xlsx")))).readInputs();
    for (const name of INPUT_SHEETS) {
      expect(outGrids.sheets.find((s) => s.name === name)).toEqual(
        inGrids.sheets.find((s) => s.name === name),
      );
    }
    expect(outGrids.ownedSheets).toEqual(OUTPUT_SHEETS);
    expect(logRows(out)).toBe(1);

    const result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as ResultJson;
    expect(result.currency).toBe("EUR");
    expect(result.years).toEqual([2015, 2016, 2017]);
    expect(result.grandTotal.total).toBe(result.grandTotal.direct + result.grandTotal.psc);
    const direct = Object.values(result.instrumentTotals).reduce((a, t) => a + t.direct, 0);
    expect(direct).toBe(result.grandTotal.direct);
  });

  it("re-run on its own output replaces only its sheets and appends one Log row", async () => {
    const dir = tempDir();
    const first = join(dir, "first.xlsx");
    const second = join(dir, "second.xlsx");
    expect((await runCli("allocate", SAMPLE, "--out", first)).code).toBe(0);
    const wb = await load(first);
    wb.addWorksheet("My notes").getCell("A1").value = "kept across runs";
    await wb.xlsx.writeFile(first);
    const run = await runCli("allocate", first, "--out", second);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const out = await load(second);
    // Our sheets are replaced where they stand; the user's sheet keeps its place after them.
    expect(out.worksheets.map((w) => w.name)).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS, "My notes"]);
    expect(out.getWorksheet("My notes")?.getCell("A1").value).toBe("kept across runs");
    expect(logRows(out)).toBe(2);
    // Writing over the previous output of its own is allowed without --force.
    expect((await runCli("allocate", first, "--out", second)).code).toBe(0);
    expect(logRows(await load(second))).toBe(2);
  });

  it("stops with exit 2 and writes nothing when a sheet of the user's is named Allocation", async () => {
    const dir = tempDir();
    const input = join(ROOT, "tests", "fixtures", "invalid-output-sheet-taken.xlsx");
    const run = await runCli(
      "allocate",
      input,
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "r.json"),
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^Allocation!A1: This workbook already has a sheet named 'Allocation'/m);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "r.json"))).toBe(false);
  });

  it("replaces an existing OUT that it did not write only with --force", async () => {
    const dir = tempDir();
    const out = join(dir, "out.xlsx");
    copyFileSync(SAMPLE, out);
    const before = sha(out);
    const refused = await runCli("allocate", SAMPLE, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("was not written by costshare");
    expect(sha(out)).toBe(before);
    writeFileSync(join(dir, "r.json"), '{"mine": true}');
    const json = await runCli(
      "allocate",
      SAMPLE,
      "--out",
      join(dir, "new.xlsx"),
      "--json",
      join(dir, "r.json"),
    );
    expect(json.code).toBe(2);
    expect(existsSync(join(dir, "new.xlsx"))).toBe(false);
    const forced = await runCli("allocate", SAMPLE, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect((await load(out)).getWorksheet("Allocation")).toBeDefined();
  });

  it("keeps formula-looking titles as text in the output", async () => {
    const dir = tempDir();
    const wb = await load(SAMPLE);
    const posts = wb.getWorksheet("Posts");
    if (!posts) throw new Error("The sample has no Posts sheet.");
    const titles = ["=SUM(1,2)", "+44 Liaison Officer", "@Conference Officer", "-Associate Officer"];
    let row = 0;
    posts.eachRow((r, n) => {
      if (row === 0 && r.getCell(1).value === "EM-02") row = n;
    });
    titles.forEach((t, i) => {
      posts.getCell(row + i, 2).value = t;
    });
    const input = join(dir, "in.xlsx");
    await wb.xlsx.writeFile(input);
    const run = await runCli("allocate", input, "--out", join(dir, "out.xlsx"));
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const out = await load(join(dir, "out.xlsx"));
    const found = new Map<string, number>();
    out.getWorksheet("Allocation")?.eachRow((r) =>
      r.eachCell((c) => {
        if (typeof c.value === "string" && titles.includes(c.value)) found.set(c.value, c.type);
        if (c.formula && titles.some((t) => c.formula.includes(t.slice(1))))
          throw new Error(`${c.address} became a formula`);
      }),
    );
    expect([...found.keys()].sort()).toEqual([...titles].sort());
    for (const type of found.values()) expect(type).toBe(ValueType.String);
  });

  it("turns a fault of its own into one line and exit 1, writing nothing", async () => {
    const dir = tempDir();
    const spy = jest.spyOn(XlsxWorkbook.prototype, "toBuffer").mockRejectedValue(new Error("disk on fire"));
    try {
      const run = await runCli("allocate", SAMPLE, "--out", join(dir, "out.xlsx"));
      expect(run.code).toBe(1);
      expect(run.err).toBe(
        "costshare: internal error: disk on fire. Please report it with the input workbook.\n",
      );
      expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  it("carries the input's charts, pivot tables and named formulas into OUT as they were, with no warning", async () => {
    const dir = tempDir();
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    zip.file("xl/charts/chart1.xml", '<?xml version="1.0"?><c:chartSpace/>');
    zip.file("xl/pivotTables/pivotTable1.xml", '<?xml version="1.0"?><pivotTableDefinition/>');
    const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    zip.file(
      "xl/workbook.xml",
      workbookXml.replace(
        "</workbook>",
        '<definedNames><definedName name="PscRate">0.13</definedName><definedName name="PostsArea">Posts!$A$5:$L$29</definedName></definedNames></workbook>',
      ),
    );
    writeFileSync(join(dir, "in.xlsx"), await zip.generateAsync({ type: "uint8array" }));
    const run = await runCli("allocate", join(dir, "in.xlsx"), "--out", join(dir, "out.xlsx"));
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const out = await JSZip.loadAsync(readFileSync(join(dir, "out.xlsx")));
    expect(await out.file("xl/charts/chart1.xml")?.async("string")).toBe(
      '<?xml version="1.0"?><c:chartSpace/>',
    );
    expect(await out.file("xl/pivotTables/pivotTable1.xml")?.async("string")).toBe(
      '<?xml version="1.0"?><pivotTableDefinition/>',
    );
    const names = (await out.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(names).toContain('<definedName name="PscRate">0.13</definedName>');
    expect(names).toContain('<definedName name="PostsArea">Posts!$A$5:$L$29</definedName>');
  });

  it("names the file when the system refuses to write it, with exit 1", async () => {
    const dir = tempDir();
    const spy = jest.spyOn(XlsxWorkbook.prototype, "toBuffer").mockRejectedValue(
      Object.assign(new Error(`EACCES: permission denied, open '${join(dir, "out.xlsx")}'`), {
        code: "EACCES",
        path: join(dir, "out.xlsx"),
      }),
    );
    try {
      const run = await runCli("allocate", SAMPLE, "--out", join(dir, "out.xlsx"));
      expect(run.code).toBe(1);
      expect(run.err).toBe(
        `costshare: ${join(dir, "out.xlsx")}: permission denied, open '${join(dir, "out.xlsx")}'\n`,
      );
    } finally {
      spy.mockRestore();
    }
  });

  it("writes the annex as a Word document with --docx", async () => {
    const dir = tempDir();
    const run = await runCli(
      "allocate",
      SAMPLE,
      "--out",
      join(dir, "out.xlsx"),
      "--docx",
      join(dir, "annex.docx"),
    );
    expect(run.code).toBe(0);
    expect([...readFileSync(join(dir, "annex.docx")).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    // A second run may replace the annex it wrote.
    expect(
      (await runCli("allocate", SAMPLE, "--out", join(dir, "out.xlsx"), "--docx", join(dir, "annex.docx")))
        .code,
    ).toBe(0);
  });

  it("writes the sample workbook, and will not overwrite another file without --force", async () => {
    const dir = tempDir();
    const out = join(dir, "sample.xlsx");
    expect((await runCli("sample", out)).code).toBe(0);
    expect(sha(out)).toBe(sha(SAMPLE));
    expect((await runCli("sample", out)).code).toBe(0);
    writeFileSync(join(dir, "other.xlsx"), "not mine");
    const refused = await runCli("sample", join(dir, "other.xlsx"));
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, "other.xlsx"), "utf8")).toBe("not mine");
    expect((await runCli("sample", join(dir, "other.xlsx"), "--force")).code).toBe(0);
  });

  it("validates the sample with no problem", async () => {
    const run = await runCli("validate", SAMPLE);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    // Every row of the sheets counts, in every option (not only the lines of the option written).
    expect(run.out).toContain(
      "no problems found (9 instruments, 44 posts and budget lines in 4 options, 3 years).",
    );
  });
});
