import { execFileSync } from "node:child_process";

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
