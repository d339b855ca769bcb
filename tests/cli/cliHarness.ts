import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

/** What one in-process run of the command produced. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `costshare` in this process with its output captured. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

const made: string[] = [];

// Every test file that uses the harness removes its temporary folders when it is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder for one test's files, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "costshare-test-"));
  made.push(dir);
  return dir;
}

/** The repository's root. */
export const ROOT = join(__dirname, "..", "..");

/** The sample workbook. */
export const SAMPLE = join(ROOT, "assets", "cms-family-sample.xlsx");
