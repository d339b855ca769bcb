import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { outputSheetNames } from "../../src/workbook/outputSheetNames";
import { SAMPLE, runCli, tempDir } from "./cliHarness";

function sha(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Opens a workbook with ExcelJS, lets `change` edit it, and saves it in place (as another producer would). */
async function edit(path: string, change: (wb: Workbook) => void): Promise<void> {
  const wb = new Workbook();
  await wb.xlsx.readFile(path);
  change(wb);
  await wb.xlsx.writeFile(path);
}

async function cell(path: string, sheet: string, address: string): Promise<unknown> {
  const wb = new Workbook();
  await wb.xlsx.readFile(path);
  return wb.getWorksheet(sheet)?.getCell(address).value;
}

/** A copy of the sample with a sheet of notes no input comes from, in a fresh folder. */
async function inputWithNotes(): Promise<{ dir: string; input: string; out: string }> {
  const dir = tempDir();
  const input = join(dir, "in.xlsx");
  copyFileSync(SAMPLE, input);
  await edit(input, (wb) => {
    wb.addWorksheet("Notes").getCell("A1").value = "from the input";
  });
  return { dir, input, out: join(dir, "r1.xlsx") };
}

describe("allocate over an earlier OUT", () => {
  it("refuses, naming the sheets, when the officer added a sheet and edited Posts in OUT; --force replaces it", async () => {
    const { input, out } = await inputWithNotes();
    expect((await runCli("allocate", input, "--out", out)).code).toBe(0);
    await edit(out, (wb) => {
      wb.addWorksheet("My notes").getCell("A1").value = "my own work";
      const posts = wb.getWorksheet("Posts");
      if (posts) posts.getCell("B6").value = "Edited by hand";
    });
    const before = sha(out);
    const refused = await runCli("allocate", input, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe("");
    expect(refused.err).toMatch(/^costshare: --out .*r1\.xlsx: it was changed after costshare wrote it/);
    expect(refused.err).toContain("the sheet 'My notes' is not in");
    expect(refused.err).toContain("the sheet 'Posts' differs from");
    expect(refused.err).toContain("Choose another --out, or add --force");
    expect(refused.err.split("\n")).toHaveLength(2);
    expect(sha(out)).toBe(before);

    const forced = await runCli("allocate", input, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(await cell(out, "Posts", "B6")).not.toBe("Edited by hand");
  });

  it("replaces an untouched OUT after the officer changed the input, keeping the input's change", async () => {
    const { input, out } = await inputWithNotes();
    expect((await runCli("allocate", input, "--out", out)).code).toBe(0);
    // The usual round: change the input, run again into the same OUT.
    await edit(input, (wb) => {
      const posts = wb.getWorksheet("Posts");
      if (posts) posts.getCell("B6").value = "Retitled in the input";
    });
    const run = await runCli("allocate", input, "--out", out);
    // Nothing but a note that the new Log starts from the input's: OUT's draft run 1 is not in it.
    expect(run.err.trimEnd().split("\n")).toEqual([
      `Note: ${out} recorded run 1, which ${input} does not have; its Log now starts from ${input}'s. ` +
        "To keep a history of runs (and a Changes sheet against the last one), make your edits in the last output and run on it.",
    ]);
    expect(run.code).toBe(0);
    expect(await cell(out, "Posts", "B6")).toBe("Retitled in the input");
    // And once more, with nothing changed anywhere.
    expect((await runCli("allocate", input, "--out", out)).code).toBe(0);
  });

  it("refuses when a sheet the fingerprint counts by name only was edited in OUT and the input changed too", async () => {
    const { input, out } = await inputWithNotes();
    expect((await runCli("allocate", input, "--out", out)).code).toBe(0);
    await edit(out, (wb) => {
      const notes = wb.getWorksheet("Notes");
      if (notes) notes.getCell("A1").value = "edited in OUT";
    });
    await edit(input, (wb) => {
      const posts = wb.getWorksheet("Posts");
      if (posts) posts.getCell("B6").value = "Retitled in the input";
    });
    const before = sha(out);
    const refused = await runCli("allocate", input, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("costshare cannot tell whether the sheet 'Notes' was changed by hand");
    expect(sha(out)).toBe(before);
  });

  it("judges an OUT whose Log records no fingerprint (an older costshare) by the input alone", async () => {
    const { input, out } = await inputWithNotes();
    expect((await runCli("allocate", input, "--out", out)).code).toBe(0);
    const dropFingerprint = (wb: Workbook): void => {
      wb.getWorksheet("Log")?.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === "string" && /^[0-9a-f]{12}$/.test(c.value)) c.value = null;
        }),
      );
    };
    await edit(out, dropFingerprint);
    // Its sheets of the officer's are those of the input: nothing can be lost.
    expect((await runCli("allocate", input, "--out", out)).code).toBe(0);
    await edit(out, dropFingerprint);
    await edit(input, (wb) => {
      const posts = wb.getWorksheet("Posts");
      if (posts) posts.getCell("B6").value = "Retitled in the input";
    });
    const refused = await runCli("allocate", input, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("its Log records no input fingerprint for the last run");
    expect(refused.err).toContain("the sheet 'Posts' differs from");
    expect((await runCli("allocate", input, "--out", out, "--force")).code).toBe(0);
  });
});

describe("messages of the trial", () => {
  it("sample over an allocate output says the real rule, named by its path", async () => {
    const dir = tempDir();
    const out = join(dir, "mine2.xlsx");
    expect((await runCli("allocate", SAMPLE, "--out", out)).code).toBe(0);
    const refused = await runCli("sample", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `costshare: ${out} exists and is not the sample workbook (sample replaces only an unchanged copy of the sample): ` +
        "nothing was written. Choose another name, or add --force to replace it.\n",
    );
  });

  const linux = process.platform === "linux" && existsSync("/proc/self") ? it : it.skip;
  linux(
    "names the user's --out, not a temporary file, when its folder cannot be written to (exit 2)",
    async () => {
      const proc = await runCli("allocate", SAMPLE, "--out", "/proc/x.xlsx");
      expect(proc.code).toBe(2);
      expect(proc.err).toBe(
        "costshare: --out /proc/x.xlsx: the folder /proc cannot be written to (it does not take new files); " +
          "nothing was written. Choose a file in a folder you can write to.\n",
      );
      const sys = await runCli("allocate", SAMPLE, "--out", "/sys/x.xlsx");
      expect(sys.code).toBe(2);
      expect(sys.err).toMatch(/^costshare: --out \/sys\/x\.xlsx: the folder \/sys cannot be written to \(/);
      expect(sys.err).not.toContain(".tmp");
    },
  );

  linux("writes no output when another output's folder cannot be written to", async () => {
    const dir = tempDir();
    const run = await runCli("allocate", SAMPLE, "--out", join(dir, "out.xlsx"), "--json", "/proc/r.json");
    expect(run.code).toBe(2);
    expect(run.err).toContain("--json /proc/r.json: the folder /proc cannot be written to");
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
  });

  it("lists every sheet allocate writes in --help, and states what each exit code means", async () => {
    const help = await runCli("--help");
    const text = help.out.replace(/\s+/g, " ");
    for (const name of outputSheetNames({ hasOptions: true, hasParties: true, ownedSheets: [] }))
      expect(text).toContain(name);
    expect(text).toContain("Options (for a workbook with options)");
    expect(text).toContain("an output folder that cannot be written to");
    expect(text).toContain("1 the system failed to write a file");
  });

  it("says an empty input file is empty", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.xlsx"), "");
    const run = await runCli("validate", join(dir, "empty.xlsx"));
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `costshare: ${join(dir, "empty.xlsx")}: the file is empty (0 bytes), not an Excel workbook.\n`,
    );
  });
});
