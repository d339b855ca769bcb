import { XlsxPackageError } from "../errors";
import type { ZipEntry } from "./readZip";

/** A file to put in the archive: its compressed bytes and what the directory says of them. */
export interface ZipItem {
  name: string;
  method: number;
  crc: number;
  size: number;
  /** The compressed data, in pieces. */
  chunks: Uint8Array[];
  time: number;
  date: number;
}

/** An entry copied from another archive as it is: its compressed bytes are not touched. */
export interface CopiedItem {
  entry: ZipEntry;
  source: Uint8Array;
}

/**
 * A zip archive of the items in order: copied entries keep their compressed bytes, new ones are
 * stored as given. No zip64: an archive past 4 GB or 65,535 files is refused.
 */
export function writeZip(items: (ZipItem | CopiedItem)[]): Uint8Array {
  if (items.length > 0xffff) throw new XlsxPackageError("the workbook would hold more than 65,535 parts");
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const item of items) {
    const copied = "entry" in item;
    const name = encoder.encode(copied ? item.entry.name : item.name);
    const method = copied ? item.entry.method : item.method;
    const crc = copied ? item.entry.crc : item.crc;
    const size = copied ? item.entry.size : item.size;
    const time = copied ? item.entry.time : item.time;
    const date = copied ? item.entry.date : item.date;
    const chunks = copied
      ? [item.source.subarray(item.entry.dataOffset, item.entry.dataOffset + item.entry.compressedSize)]
      : item.chunks;
    const compressed = chunks.reduce((n, c) => n + c.length, 0);
    if (offset > 0xfffffffe || compressed > 0xfffffffe || size > 0xfffffffe) {
      throw new XlsxPackageError("the workbook would be larger than 4 GB");
    }
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(8, 0x800, true);
    dv.setUint16(10, method, true);
    dv.setUint16(12, time, true);
    dv.setUint16(14, date, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, compressed, true);
    dv.setUint32(24, size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    pieces.push(local, ...chunks);
    central.push(dir);
    offset += local.length + compressed;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, items.length, true);
  ev.setUint16(10, items.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let p = 0;
  for (const piece of [...pieces, ...central, end]) {
    out.set(piece, p);
    p += piece.length;
  }
  return out;
}
