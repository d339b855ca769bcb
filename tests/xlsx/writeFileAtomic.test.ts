import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../../src/xlsx/writeFileAtomic";

describe("writeFileAtomic", () => {
  it("writes a new file and replaces an existing one, leaving no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    const path = join(dir, "out.xlsx");
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    writeFileSync(path, "old");
    await writeFileAtomic(path, "new");
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("fails without leaving a temporary file when the target cannot be replaced", async () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    const path = join(dir, "taken");
    mkdirSync(join(path, "inside"), { recursive: true });
    await expect(writeFileAtomic(path, "data")).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["taken"]);
  });

  it("fails when the folder does not exist", async () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    await expect(writeFileAtomic(join(dir, "missing", "out.xlsx"), "data")).rejects.toThrow(/ENOENT/);
  });
});
