import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { SystemFileError, UserError } from "./errors";

/** One output file to write, with the words that name it to the user ("--out r1.xlsx"). */
export interface OutputFile {
  /** How the user named it: "--out r1.xlsx", or the path alone for a positional argument. */
  label: string;
  path: string;
  data: Uint8Array | string;
}

/** Error codes that mean the folder does not let costshare create a file in it: the user's choice of place. */
const FOLDER_REFUSED: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "a read-only file system",
  ENOENT: "it does not take new files",
  ENOTDIR: "it does not take new files",
};

/**
 * Writes every output so that each is either its old file or the complete new one, and a folder
 * that refuses a file stops the run before any output is replaced: each file's bytes go first to
 * a temporary file beside it (same file system, so the rename is atomic), and only when all are
 * written do they replace their targets. A refusal names the user's path, never the temporary
 * file's: a folder that cannot be written to is a UserError (exit 2, a place the user chose), a
 * system failure (a full disk, an I/O error) a SystemFileError (exit 1).
 */
export async function writeOutputFiles(files: readonly OutputFile[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const file of files) {
      const temp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        await writeFile(temp, file.data, { flag: "wx" });
        temps.push(temp);
      } catch (err) {
        temps.push(temp); // a partly written temporary file is removed below
        throw describeFailure(file, err, "nothing was written");
      }
    }
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw err;
  }
  for (const [k, file] of files.entries()) {
    try {
      await rename(temps[k], file.path);
    } catch (err) {
      await Promise.all(temps.slice(k).map((t) => rm(t, { force: true })));
      const written = files.slice(0, k).map((f) => f.path);
      throw describeFailure(
        file,
        err,
        written.length === 0
          ? "nothing was written"
          : `only ${written.join(" and ")} ${written.length === 1 ? "was" : "were"} written`,
      );
    }
  }
}

/** The error to report for a file the system would not write, in the user's terms. */
function describeFailure(file: OutputFile, err: unknown, outcome: string): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return err instanceof Error ? err : new Error(String(err));
  const folder = dirname(resolve(file.path));
  const refused = FOLDER_REFUSED[code];
  if (refused !== undefined) {
    return new UserError(
      `${file.label}: the folder ${folder} cannot be written to (${refused}); ${outcome}. Choose a file in a folder you can write to.`,
    );
  }
  // "ENOSPC: no space left on device, open '/x/.y.tmp'": the system's words, without the code and the temporary path.
  const words = (err instanceof Error ? err.message : code)
    .replace(/^[A-Z]+: /, "")
    .replace(/, \w+ '.*'$/, "");
  return new SystemFileError(`${file.label}: the system could not write it (${words}); ${outcome}.`);
}
