import { readFile, stat } from "node:fs/promises";
import { UserError } from "./errors";

/** The first bytes of every .xlsx file: it is a zip archive. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads an input workbook's bytes, turning every way a path can be wrong into a clear UserError. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  if (!/\.xlsx$/i.test(path)) {
    throw new UserError(`${path}: not an .xlsx file. Save the workbook as an Excel Workbook (.xlsx) first.`);
  }
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(
      `${path}: ${err.code === "ENOENT" ? "no such file" : `cannot be read (${err.code ?? err.message})`}.`,
    );
  });
  if (!info.isFile()) throw new UserError(`${path}: not a file.`);
  const data = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`${path}: cannot be read (${err.code ?? err.message}).`);
  });
  if (!ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new UserError(
      `${path}: not an .xlsx workbook (the file is not a zip archive; is it an old .xls or a CSV?).`,
    );
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
