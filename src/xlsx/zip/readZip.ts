import { XlsxPackageError } from "../errors";

/** One file of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header in the archive. */
  headerOffset: number;
  /** Offset of its (compressed) data. */
  dataOffset: number;
  /** The entry is a folder (its name ends with "/"). */
  dir: boolean;
  /** Last modification, as DOS time and date fields (kept as they were). */
  time: number;
  date: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip archive, from its central directory (zip64 included). Encrypted entries
 * are refused: a workbook with a password to open it is not a plain zip anyway.
 */
export function readZip(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEocd(data, view);
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR)
      throw bad("its zip64 directory is missing");
    const at = safeNumber(view.getBigUint64(locator + 8, true));
    if (at + 56 > data.length || view.getUint32(at, true) !== ZIP64_EOCD)
      throw bad("its zip64 directory is damaged");
    count = safeNumber(view.getBigUint64(at + 32, true));
    dirSize = safeNumber(view.getBigUint64(at + 40, true));
    dirOffset = safeNumber(view.getBigUint64(at + 48, true));
  }
  if (dirOffset + dirSize > data.length) throw bad("its directory points past its end");
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== CENTRAL) throw bad("its directory is damaged");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let headerOffset = view.getUint32(p + 42, true);
    const nameBytes = data.subarray(p + 46, p + 46 + nameLength);
    const name = flags & 0x800 ? new TextDecoder("utf-8").decode(nameBytes) : latin1(nameBytes);
    // Zip64: the sizes and offset that overflowed 32 bits are in the extra field, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = safeNumber(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = safeNumber(view.getBigUint64(q, true));
          q += 8;
        }
        if (headerOffset === 0xffffffff) headerOffset = safeNumber(view.getBigUint64(q, true));
      }
      e += 4 + len;
    }
    if (flags & 0x1)
      throw bad(`${name} is encrypted (a workbook with a password to open it); save it without the password`);
    if (headerOffset + 30 > data.length || view.getUint32(headerOffset, true) !== LOCAL) {
      throw bad(`the entry ${name} is damaged`);
    }
    const dataOffset =
      headerOffset + 30 + view.getUint16(headerOffset + 26, true) + view.getUint16(headerOffset + 28, true);
    if (dataOffset + compressedSize > data.length)
      throw bad(`the entry ${name} runs past the end of the file`);
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size,
      headerOffset,
      dataOffset,
      dir: name.endsWith("/"),
      time,
      date,
    });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** The offset of the end-of-central-directory record, searched from the end (a comment may follow it). */
function findEocd(data: Uint8Array, view: DataView): number {
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let p = data.length - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === EOCD) return p;
  }
  throw bad("it has no zip directory (is it a zip archive at all?)");
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw bad("a zip64 size is out of range");
  return Number(n);
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function bad(what: string): XlsxPackageError {
  return new XlsxPackageError(`the file is not a zip archive that can be opened: ${what}`);
}
