import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `data` to `path` so that the file is either the old one or the complete new one, never
 * half-written: the bytes go to a temporary file in the same folder (same file system, so the
 * rename is atomic), which then replaces the target.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, path);
  } catch (err) {
    // Leave no temporary file behind, then let the caller report the original fault.
    await rm(temp, { force: true });
    throw err;
  }
}
