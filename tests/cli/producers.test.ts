import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { outputSheetNames } from "../../src/workbook/outputSheetNames";
import { ROOT, SAMPLE, runCli, tempDir } from "./cliHarness";

/**
 * The producer corpus (npm run build:corpus): the sample as openpyxl, LibreOffice and hand-made
 * variants write it, and files that are not workbooks. Each gives the sample's very figures, or a
 * problem at the cells expected.json names, or a refusal that says what the file is; OUT keeps
 * every part of the input that is not ours byte for byte, and a second run changes only our sheets.
 */

const CORPUS = join(ROOT, "tests", "fixtures", "producers");
type Expectation =
  | { expect: "sample"; what: string }
  | { expect: "problems"; cells: string[]; what: string }
  | { expect: "refused"; message: string; what: string };
const expected = JSON.parse(readFileSync(join(CORPUS, "expected.json"), "utf8")) as Record<
  string,
  Expectation
>;
const files = Object.keys(expected);
const valid = files.filter((f) => expected[f].expect === "sample");
/** The sample compares options and has Parties, so every run on it writes the Options and Contributions sheets too. */
const OUTPUT_SHEETS = outputSheetNames({ hasOptions: true, hasParties: true, ownedSheets: [] });

/** The parts of a package with a digest of each one's bytes. */
async function digests(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    out.set(
      file.name,
      createHash("sha256")
        .update(await file.async("uint8array"))
        .digest("hex"),
    );
  }
  return out;
}

/** The parts that list the sheets or hold cell formats: the only parts of the input OUT may change. */
async function listingParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const target = (xml: string, kind: string) =>
    new RegExp(`<Relationship[^>]*Type="[^"]*/${kind}"[^>]*Target="([^"]+)"`).exec(xml)?.[1] ??
    new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Type="[^"]*/${kind}"`).exec(xml)?.[1];
  const rootRels = await read("_rels/.rels");
  const workbook = (target(rootRels, "officeDocument") ?? "").replace(/^\//, "");
  const folder = workbook.slice(0, workbook.lastIndexOf("/") + 1);
  const rels = `${folder}_rels/${workbook.slice(folder.length)}.rels`;
  const styles = target(await read(rels), "styles") ?? "";
  const app = (target(rootRels, "extended-properties") ?? "").replace(/^\//, "");
  return [
    workbook,
    rels,
    "[Content_Types].xml",
    styles.startsWith("/") ? styles.slice(1) : `${folder}${styles}`,
    ...(app !== "" ? [app] : []),
  ];
}

/** A problem line on stderr for `cell`. */
function namesCell(stderr: string, cell: string): boolean {
  return stderr.split("\n").some((line) => line.startsWith(`${cell}: `));
}

describe("the producer corpus", () => {
  let sampleResult: unknown;

  beforeAll(async () => {
    const dir = tempDir();
    const run = await runCli("allocate", SAMPLE, "--out", join(dir, "o.xlsx"), "--json", join(dir, "r.json"));
    expect(run.code).toBe(0);
    sampleResult = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
  });

  it("lists every file of the corpus, from several producers", () => {
    const onDisk = readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f));
    expect(onDisk.sort()).toEqual([...files].sort());
    const producers = new Set(Object.values(expected).map((e) => (e as { producer?: string }).producer));
    expect([...producers].sort()).toEqual(["ExcelJS", "LibreOffice", "hand-made", "openpyxl"]);
  });

  it.each(valid)("%s: reads, and gives the sample's very figures", async (file) => {
    const dir = tempDir();
    const out = join(dir, `out${file.slice(file.lastIndexOf("."))}`);
    const run = await runCli("allocate", join(CORPUS, file), "--out", out, "--json", join(dir, "r.json"));
    expect({ file, err: run.err, code: run.code }).toEqual({ file, err: "", code: 0 });
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8"))).toEqual(sampleResult);
  });

  it.each(valid)("%s: OUT keeps every part of the input that is not ours byte for byte", async (file) => {
    const dir = tempDir();
    const ext = file.slice(file.lastIndexOf("."));
    const input = new Uint8Array(readFileSync(join(CORPUS, file)));
    const first = join(dir, `first${ext}`);
    expect((await runCli("allocate", join(CORPUS, file), "--out", first)).code).toBe(0);
    const before = await digests(input);
    const after = await digests(new Uint8Array(readFileSync(first)));
    const mayChange = new Set(await listingParts(input));
    const changed = [...before.keys()].filter((p) => after.get(p) !== before.get(p));
    expect(changed.filter((p) => !mayChange.has(p))).toEqual([]);
    const added = [...after.keys()].filter((p) => !before.has(p));
    expect(added.length).toBe(OUTPUT_SHEETS.length);
    expect(added.every((p) => /worksheets\/sheet\d+\.xml$/.test(p))).toBe(true);

    // A second run on OUT replaces our sheets where they are and changes nothing else at all.
    const second = join(dir, `second${ext}`);
    const rerun = await runCli("allocate", first, "--out", second);
    expect({ code: rerun.code, err: rerun.err }).toEqual({ code: 0, err: "" });
    const again = await digests(new Uint8Array(readFileSync(second)));
    expect([...again.keys()].sort()).toEqual([...after.keys()].sort());
    const changedAgain = [...after.keys()].filter((p) => again.get(p) !== after.get(p));
    expect(changedAgain.every((p) => added.includes(p))).toBe(true);
  });

  it.each(files.filter((f) => expected[f].expect === "problems"))(
    "%s: exit 2, a problem at each cell expected, nothing written",
    async (file) => {
      const e = expected[file] as { cells: string[] };
      const dir = tempDir();
      const run = await runCli("allocate", join(CORPUS, file), "--out", join(dir, "out.xlsx"));
      expect(run.code).toBe(2);
      for (const cell of e.cells)
        expect({ cell, named: namesCell(run.err, cell) }).toEqual({ cell, named: true });
      expect(run.err).not.toMatch(/internal error/);
      expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    },
  );

  it.each(files.filter((f) => expected[f].expect === "refused"))(
    "%s: exit 2, saying what the file is",
    async (file) => {
      const e = expected[file] as { message: string };
      const run = await runCli("validate", join(CORPUS, file));
      expect(run.code).toBe(2);
      expect(run.err).toContain(e.message);
      expect(run.err).not.toMatch(/Instruments|internal error/);
    },
  );
});
