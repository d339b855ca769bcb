import { readFile, stat } from "node:fs/promises";
import { UserError } from "./errors";

/** The first bytes of every .xlsx file: it is a zip archive. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The first bytes of an OLE compound file: an Excel 97-2003 .xls, or a password-protected workbook. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The largest input file read, in bytes: a workbook is held in memory whole. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Reads an input workbook's bytes, turning every way a path can be wrong into a clear UserError. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  if (!/\.xls[xm]$/i.test(path)) {
    throw new UserError(
      `${path}: not an Excel workbook (.xlsx or .xlsm). Save the workbook as an Excel Workbook (.xlsx) first.`,
    );
  }
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(
      `${path}: ${err.code === "ENOENT" ? "no such file" : `cannot be read (${err.code ?? err.message})`}.`,
    );
  });
  if (!info.isFile()) throw new UserError(`${path}: not a file.`);
  if (info.size > MAX_INPUT_BYTES) {
    throw new UserError(
      `${path}: the file is ${Math.round(info.size / 1024 / 1024)} MB; costshare reads workbooks of up to ${MAX_INPUT_BYTES / 1024 / 1024} MB. ` +
        `Move large data sheets to another workbook.`,
    );
  }
  const data = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`${path}: cannot be read (${err.code ?? err.message}).`);
  });
  if (data.length === 0) {
    throw new UserError(`${path}: the file is empty (0 bytes), not an Excel workbook.`);
  }
  if (OLE_MAGIC.every((b, i) => data[i] === b)) {
    throw new UserError(
      `${path}: not an .xlsx workbook: it is an Excel 97-2003 workbook (.xls) or a password-protected workbook. ` +
        `Save it as Excel Workbook (.xlsx), without a password to open it.`,
    );
  }
  if (!ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new UserError(
      `${path}: not an .xlsx workbook (the file is not a zip archive; is it an old .xls or a CSV?).`,
    );
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
