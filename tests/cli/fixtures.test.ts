import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT, SAMPLE, runCli, tempDir } from "./cliHarness";

const FIXTURES = join(ROOT, "tests", "fixtures");
const expected = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8")) as Record<
  string,
  { exit: number; cells: string[]; what: string }
>;
const invalid = Object.keys(expected).filter((f) => f.startsWith("invalid-"));
const valid = Object.keys(expected).filter((f) => f.startsWith("valid-"));

/** A problem line on stderr for `cell`: "Posts!F12: ..." (or "warning: Posts!F12: ..."). */
function namesCell(stderr: string, cell: string): boolean {
  return stderr.split("\n").some((line) => line.startsWith(`${cell}: `));
}

describe("the fixture corpus", () => {
  it("holds at least 30 invalid workbooks, each listed in expected.json", () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"));
    expect(invalid.length).toBeGreaterThanOrEqual(30);
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(invalid)("%s: exit 2, the cell named on stderr, nothing written", async (file) => {
    const dir = tempDir();
    const run = await runCli(
      "allocate",
      join(FIXTURES, file),
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "r.json"),
    );
    expect(run.code).toBe(expected[file].exit);
    for (const cell of expected[file].cells)
      expect({ file, cell, named: namesCell(run.err, cell) }).toEqual({ file, cell, named: true });
    expect(run.err).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(valid)("%s: runs clean", async (file) => {
    const dir = tempDir();
    const run = await runCli(
      "allocate",
      join(FIXTURES, file),
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "r.json"),
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(true);
  });

  it("gives the sample's very figures when the sample is laid out differently", async () => {
    const result = async (input: string) => {
      const dir = tempDir();
      expect(
        (await runCli("allocate", input, "--out", join(dir, "o.xlsx"), "--json", join(dir, "r.json"))).code,
      ).toBe(0);
      return JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as unknown;
    };
    const sample = await result(SAMPLE);
    for (const file of [
      "valid-table-input.xlsx",
      "valid-headers-below-titles.xlsx",
      "valid-aliases.xlsx",
      "valid-percents-as-numbers.xlsx",
      "valid-total-named-line.xlsx",
    ]) {
      expect({ file, result: await result(join(FIXTURES, file)) }).toEqual({ file, result: sample });
    }
  });
});

describe("bin/costshare.js", () => {
  const bin = join(ROOT, "bin", "costshare.js");
  const exec = promisify(execFile);

  beforeAll(async () => {
    // The bin runs the compiled build/ (npm ci builds it through `prepare`); rebuild it when a source is newer.
    const built = join(ROOT, "build", "cli", "main.js");
    const newest = Math.max(
      ...["engine", "workbook", "xlsx", "cli", "annex"].flatMap((d) =>
        readdirSync(join(ROOT, "src", d), { recursive: true, encoding: "utf8" })
          .filter((f) => f.endsWith(".ts"))
          .map((f) => statSync(join(ROOT, "src", d, f)).mtimeMs),
      ),
    );
    if (!existsSync(built) || statSync(built).mtimeMs < newest) {
      // tsc exits 1 on a type error anywhere but still emits; what matters here is a fresh build/.
      const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
      const log = await exec(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.cli.json")]).then(
        (r) => r.stdout,
        (err: { stdout?: string }) => err.stdout ?? "",
      );
      if (!existsSync(built) || statSync(built).mtimeMs < newest)
        throw new Error(`npm run prepare did not build build/: ${log}`);
    }
  });

  /** Runs the real command in a child process; resolves to its exit code and output. */
  async function runBin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await exec(process.execPath, [bin, ...args]);
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it.each([
    "invalid-text-in-cost.xlsx",
    "invalid-floors-cannot-hold.xlsx",
    "invalid-missing-posts.xlsx",
    "invalid-not-a-workbook.xlsx",
  ])("exits 2 on %s, naming the cell, writing nothing", async (file) => {
    const dir = tempDir();
    const run = await runBin("allocate", join(FIXTURES, file), "--out", join(dir, "out.xlsx"));
    expect(run.code).toBe(2);
    for (const cell of expected[file].cells) expect(namesCell(run.stderr, cell)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("allocates the sample and writes the workbook and RESULT.json", async () => {
    const dir = tempDir();
    const run = await runBin(
      "allocate",
      SAMPLE,
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "r.json"),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Allocation, Savings, Settlement, Options, Contributions, Changes, Annex, Log (and the hidden Run records)",
    );
    // The sample compares the seed's four options and writes the joint secretariat.
    expect(run.stdout).toContain(
      "grand total EUR 12,992,093 for 2015-2017 (option 'Joint secretariat' of 4).",
    );
    expect(existsSync(join(dir, "out.xlsx"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8"))).toHaveProperty("grandTotal");
  });
});
