import { lstat, readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UserError } from "./errors";

/** What checkOutputPath needs to know about one output file. */
export interface OutputCheck {
  /** The option that named it ("--out", "--json"), for messages; none for a command's own argument. */
  option?: string;
  /** Paths it must differ from (the input, the other outputs), with their option names. */
  mustDiffer: { option: string; path: string }[];
  /** True when an existing file at the path may be replaced without --force (it is one of ours). */
  isOurs: (existing: Uint8Array) => Promise<boolean>;
  /** --force: replace an existing file even if it is not ours. */
  force: boolean;
  /** Why an existing file that isOurs rejects is not replaced, as the end of "PATH exists and ...". */
  notOurs?: string;
}

/**
 * Checks, before anything is computed or written, that an output path can be written safely:
 * its folder exists, it is not the input (the input is never changed), and an existing file there
 * is replaced only when this command wrote it earlier, or with --force. A symbolic link, a device,
 * a folder or a pipe is never replaced, --force or not: the atomic write would put a regular file
 * in the link's place (or fail on a device) instead of writing where the user meant.
 */
export async function checkOutputPath(path: string, check: OutputCheck): Promise<void> {
  const target = resolve(path);
  const label = check.option === undefined ? path : `${check.option} ${path}`;
  for (const other of check.mustDiffer) {
    if (resolve(other.path) === target || (await sameFile(other.path, target))) {
      throw new UserError(`${label} is the same file as ${other.option}: choose another name.`);
    }
  }
  const folder = dirname(target);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo?.isDirectory()) {
    throw new UserError(`${label}: the folder ${folder} does not exist.`);
  }
  const info = await lstat(target).catch(() => undefined);
  if (!info) return;
  if (info.isSymbolicLink()) {
    throw new UserError(
      `${label} is a symbolic link: costshare writes only regular files, so nothing was written. ` +
        `Name the file it points to, or another file.`,
    );
  }
  if (!info.isFile()) {
    throw new UserError(
      `${label} is not a regular file (a folder, a device or a pipe): nothing was written. ` +
        `Choose a file name.`,
    );
  }
  if (check.force) return;
  const existing = await readFile(target);
  if (!(await check.isOurs(new Uint8Array(existing.buffer, existing.byteOffset, existing.byteLength)))) {
    throw new UserError(
      `${label} exists and ${check.notOurs ?? "was not written by costshare"}: nothing was written. ` +
        `Choose another name, or add --force to replace it.`,
    );
  }
}

/** True when both paths exist and are the same file (through a link or a different spelling). */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}
