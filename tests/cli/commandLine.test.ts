import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { SAMPLE, runCli, tempDir } from "./cliHarness";

describe("the command line", () => {
  it("suggests the nearest option for a misspelt one", async () => {
    const run = await runCli("allocate", SAMPLE, "--out", "o.xlsx", "--jsn", "r.json");
    expect(run).toEqual({
      code: 2,
      out: "",
      err: "costshare: Unknown option '--jsn'. Did you mean '--json'? Run costshare --help for the usage.\n",
    });
    expect((await runCli("validate", SAMPLE, "-json")).err).toBe(
      "costshare: Unknown option '-json'. Did you mean '--json'? Run costshare --help for the usage.\n",
    );
  });

  it("names an unknown option with no near one plainly", async () => {
    expect((await runCli("validate", SAMPLE, "--bogus")).err).toBe(
      "costshare: Unknown option '--bogus'. Run costshare --help for the usage.\n",
    );
    expect((await runCli("validate", SAMPLE, "-x")).err).toBe(
      "costshare: Unknown option '-x'. Run costshare --help for the usage.\n",
    );
  });

  it("says in a sentence that an option needs its file, also when another option follows", async () => {
    for (const argv of [
      ["allocate", SAMPLE, "--out", "o.xlsx", "--json"],
      ["allocate", SAMPLE, "--out", "o.xlsx", "--json", "--force"],
      ["allocate", SAMPLE, "--out", "o.xlsx", "--json="],
    ]) {
      expect(await runCli(...argv)).toEqual({
        code: 2,
        out: "",
        err: "costshare: Option --json needs a file name after it, as in --json RESULT.json. Run costshare --help for the usage.\n",
      });
    }
    expect((await runCli("allocate", SAMPLE, "-o")).err).toBe(
      "costshare: Option -o needs a file name after it, as in -o OUT.xlsx. Run costshare --help for the usage.\n",
    );
  });

  it("refuses a value given to a switch, and an option given twice with different files", async () => {
    expect((await runCli("sample", "s.xlsx", "--force=yes")).err).toBe(
      "costshare: Option --force takes no value: write --force alone. Run costshare --help for the usage.\n",
    );
    expect((await runCli("allocate", SAMPLE, "--out", "a.xlsx", "-o", "b.xlsx")).err).toBe(
      "costshare: Option --out is given twice (a.xlsx and b.xlsx): give it once.\n",
    );
  });

  it("still takes a file name that starts with a dash when written --json=-name", async () => {
    const dir = tempDir();
    const run = await runCli(
      "allocate",
      SAMPLE,
      `--out=${join(dir, "o.xlsx")}`,
      `--json=${join(dir, "-r.json")}`,
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "-r.json"))).toBe(true);
  });
});

describe("what the command prints", () => {
  /** The sample with one post's grade set to `grade`, encoded the way Excel stores control characters. */
  async function sampleWithGrade(dir: string, grade: string): Promise<string> {
    const wb = new Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const posts = wb.getWorksheet("Posts")!;
    let row = 0;
    posts.eachRow((r, n) => {
      if (row === 0 && r.getCell(1).value === "EM-02") row = n;
    });
    // ExcelJS drops characters XML cannot hold; Excel writes them as _xHHHH_, as a hostile file would.
    // eslint-disable-next-line no-control-regex -- marking control characters is the point
    const marked = grade.replace(/[\u0000-\u001f]/g, (c) => `@${c.charCodeAt(0)}@`);
    posts.getCell(row, 3).value = marked;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file(
      "xl/sharedStrings.xml",
      strings.replace(
        /@(\d+)@/g,
        (_, n: string) => `_x${Number(n).toString(16).toUpperCase().padStart(4, "0")}_`,
      ),
    );
    const path = join(dir, "hostile.xlsx");
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
    return path;
  }

  it("shows control characters from a cell as their codes: no escape sequence, no fake line", async () => {
    const dir = tempDir();
    const input = await sampleWithGrade(dir, "P4\u001b]0;pwned\u0007\nPosts!A1: all fine\u202e");
    const run = await runCli("validate", input);
    expect(run.code).toBe(2);
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(run.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const lines = run.err.split("\n").filter((l) => l !== "");
    expect(lines).toEqual([
      "Posts!C7: Grade 'P4\\x1B]0;pwned\\x07\\nPosts!A1: all fine\\u202E' of post 'EM-02' is not in the Grades sheet.",
      `${input}: 1 problem to fix.`,
    ]);
  });
});

describe("output paths", () => {
  it("refuses an output that is a symbolic link, with or without --force, and leaves both alone", async () => {
    const dir = tempDir();
    const target = join(dir, "target.xlsx");
    writeFileSync(target, "not ours");
    const link = join(dir, "link.xlsx");
    symlinkSync(target, link);
    for (const force of [[], ["--force"]]) {
      const run = await runCli("allocate", SAMPLE, "--out", link, ...force);
      expect(run.code).toBe(2);
      expect(run.err).toBe(
        `costshare: --out ${link} is a symbolic link: costshare writes only regular files, so nothing was written. Name the file it points to, or another file.\n`,
      );
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(target, "utf8")).toBe("not ours");
    }
    const json = await runCli("allocate", SAMPLE, "--out", join(dir, "o.xlsx"), "--json", link, "--force");
    expect(json.err).toContain(`--json ${link} is a symbolic link`);
    const sample = await runCli("sample", link, "--force");
    expect(sample.err).toContain(`${link} is a symbolic link`);
    expect(existsSync(join(dir, "o.xlsx"))).toBe(false);
  });

  it("refuses a device or a folder as the output, with --force too", async () => {
    const dir = tempDir();
    const folder = join(dir, "folder.xlsx");
    mkdirSync(folder);
    const device = await runCli(
      "allocate",
      SAMPLE,
      "--out",
      join(dir, "o.xlsx"),
      "--json",
      "/dev/null",
      "--force",
    );
    expect(device.code).toBe(2);
    expect(device.err).toBe(
      "costshare: --json /dev/null is not a regular file (a folder, a device or a pipe): nothing was written. Choose a file name.\n",
    );
    const asFolder = await runCli("sample", folder, "--force");
    expect(asFolder.code).toBe(2);
    expect(asFolder.err).toContain("is not a regular file");
    expect(existsSync(join(dir, "o.xlsx"))).toBe(false);
  });
});
