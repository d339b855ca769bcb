import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A python3 that can import openpyxl, for tests that have openpyxl read what we write: the one on
 * the PATH, else the system's (Debian's python3-openpyxl, which .ci/run installs, is only on
 * /usr/bin/python3 when another python3, such as pyenv's, comes first on the PATH).
 */
export function openpyxlPython(): string {
  for (const python of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(python, ["-c", "import openpyxl"], { stdio: "ignore" });
      return python;
    } catch {
      // not this one
    }
  }
  throw new Error("No python3 here can import openpyxl (Debian: apt-get install python3-openpyxl).");
}

/**
 * A copy of a workbook edited and saved by openpyxl, as an officer's script would: `edit` is
 * Python run with the workbook loaded as `wb`. Returns the copy's path.
 */
export function openpyxlCopy(from: string, edit: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "openpyxl-")), "edited.xlsx");
  const script = [
    "import openpyxl, sys",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    ...edit,
    "wb.save(sys.argv[2])",
  ];
  execFileSync(openpyxlPython(), ["-c", script.join("\n"), from, file]);
  return file;
}
