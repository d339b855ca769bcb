import { WorkbookTooLargeError, XlsxPackageError } from "../errors";
import { LIMITS } from "../limits";
import { START, XmlScanner } from "../xml/XmlScanner";
import { jsCodec, type ZipCodec } from "../zip/codec";
import { readZip, type ZipEntry } from "../zip/readZip";
import { writeZip, type CopiedItem, type ZipItem } from "../zip/writeZip";

/** One relationship of a part: where it points and of what kind. */
export interface Relationship {
  id: string;
  /** The relationship type's last segment ("worksheet", "table", "officeDocument"): the same in transitional and strict OOXML. */
  kind: string;
  /** The full type URI. */
  type: string;
  /** The target as written. */
  target: string;
  /** The target part's name in the package (no leading "/"), or undefined for an external target. */
  part?: string;
}

/** A part as the package holds it: still in the source archive, or written by us. */
interface Stored {
  name: string;
  entry?: ZipEntry;
  item?: ZipItem;
}

/**
 * A zip package read through the Open Packaging Conventions: parts by name (matched without
 * regard to case, as OPC requires), relationships resolved from relative or absolute targets.
 * Parts are unpacked only when asked for; a part that is not replaced goes back into the archive
 * with its very compressed bytes. Changes are made through an edit (begin ... commit), so that a
 * fault halfway leaves the package as it was.
 */
export class OpcPackage {
  private readonly parts = new Map<string, Stored>();
  private readonly relsCache = new Map<string, Relationship[]>();

  private constructor(
    private readonly source: Uint8Array,
    readonly codec: ZipCodec,
  ) {
    for (const entry of readZip(source)) {
      this.parts.set(normalise(entry.name), { name: entry.name, entry });
    }
  }

  /** Opens the bytes of a zip archive; anything else is an XlsxPackageError. */
  static open(data: ArrayBuffer | Uint8Array, codec: ZipCodec = jsCodec): OpcPackage {
    return new OpcPackage(data instanceof Uint8Array ? data : new Uint8Array(data), codec);
  }

  /** The names of every part, as stored (folders left out). */
  partNames(): string[] {
    return [...this.parts.values()].filter((p) => !p.entry?.dir).map((p) => p.name);
  }

  /** The stored name of a part, or undefined when the package has no such part. */
  find(part: string): string | undefined {
    const p = this.parts.get(normalise(part));
    return p === undefined || p.entry?.dir ? undefined : p.name;
  }

  /** True when the package holds the part. */
  has(part: string): boolean {
    return this.find(part) !== undefined;
  }

  /** The size of a part once unpacked. */
  unpackedSize(part: string): number | undefined {
    const p = this.parts.get(normalise(part));
    return p?.item?.size ?? p?.entry?.size;
  }

  /** The part's content as text (UTF-8, or UTF-16 when it starts with a byte order mark). */
  text(part: string): string {
    const bytes = this.bytes(part);
    if (
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    ) {
      return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
    }
    return new TextDecoder("utf-8").decode(bytes);
  }

  /** The part's content as bytes, checked against its CRC. */
  bytes(part: string): Uint8Array {
    const p = this.parts.get(normalise(part));
    if (p === undefined || p.entry?.dir) throw new XlsxPackageError(`the part ${part} is missing`);
    const method = p.item?.method ?? p.entry?.method ?? 0;
    const size = p.item?.size ?? p.entry?.size ?? 0;
    const crc = p.item?.crc ?? p.entry?.crc ?? 0;
    const packed = p.item
      ? concat(p.item.chunks)
      : this.source.subarray(
          p.entry?.dataOffset ?? 0,
          (p.entry?.dataOffset ?? 0) + (p.entry?.compressedSize ?? 0),
        );
    let out: Uint8Array;
    if (size > LIMITS.maxPartBytes) {
      throw new WorkbookTooLargeError(
        `one piece of this workbook (${p.name}) is ${Math.round(size / 1e6)} MB once unpacked; costshare reads pieces of up to ${LIMITS.maxPartBytes / 1024 / 1024} MB.`,
      );
    }
    if (method === 0) out = packed;
    else if (method === 8) {
      try {
        out = this.codec.inflate(packed, size);
      } catch (err) {
        throw new XlsxPackageError(
          `the part ${p.name} cannot be unpacked (${err instanceof Error ? err.message : String(err)})`,
        );
      }
    } else {
      throw new XlsxPackageError(
        `the part ${p.name} is packed with a method (${method}) that costshare cannot unpack`,
      );
    }
    if (out.length !== size || this.codec.crc32(out, 0) !== crc)
      throw new XlsxPackageError(`the part ${p.name} is damaged`);
    return out;
  }

  /** The relationships part of a part ("" for the package itself): xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
  static relsPartOf(part: string): string {
    const slash = part.lastIndexOf("/");
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  }

  /** The relationships of a part ("" for the package's own), each target resolved to a part name. */
  rels(part: string): Relationship[] {
    const key = normalise(part);
    let rels = this.relsCache.get(key);
    if (rels === undefined) {
      const relsPart = OpcPackage.relsPartOf(part);
      rels = this.has(relsPart) ? parseRels(this.text(relsPart), part) : [];
      this.relsCache.set(key, rels);
    }
    return rels;
  }

  /** Starts a set of changes, applied together by its commit. */
  begin(): PackageEdit {
    return new PackageEdit(this);
  }

  /** Applies an edit's changes (called by PackageEdit.commit). */
  apply(written: Map<string, ZipItem>, removed: Set<string>): void {
    for (const [, item] of written) {
      const key = normalise(item.name);
      const existing = this.parts.get(key);
      this.parts.set(key, {
        name: existing?.name ?? item.name,
        item: { ...item, name: existing?.name ?? item.name },
      });
    }
    for (const name of removed) this.parts.delete(normalise(name));
    this.relsCache.clear();
  }

  /** The package as the bytes of a zip archive; untouched parts keep their compressed bytes. */
  generate(): Uint8Array {
    const items: (ZipItem | CopiedItem)[] = [];
    for (const p of this.parts.values()) {
      if (p.item) items.push(p.item);
      else if (p.entry) items.push({ entry: p.entry, source: this.source });
    }
    return writeZip(items);
  }
}

/** Changes to a package, applied only when committed. */
export class PackageEdit {
  private readonly written = new Map<string, ZipItem>();
  private readonly removed = new Set<string>();

  constructor(private readonly pkg: OpcPackage) {}

  /** Replaces (or adds) a part's content. */
  set(part: string, text: string): void {
    const w = this.writer(part);
    w.write(text);
    w.close();
  }

  /** A writer that packs a part's text as it comes, so that a large sheet is never held whole. */
  writer(part: string): PartWriter {
    return new PartWriter(this.pkg.codec, (item) => {
      this.written.set(normalise(part), { ...item, name: this.pkg.find(part) ?? part });
      this.removed.delete(normalise(part));
    });
  }

  /** Takes a part out of the package. */
  remove(part: string): void {
    this.removed.add(normalise(part));
    this.written.delete(normalise(part));
  }

  /** Applies every change at once. */
  commit(): void {
    this.pkg.apply(this.written, this.removed);
  }
}

/** Size of the buffer text is encoded into before it is packed. */
const CHUNK = 1 << 20;

/** Packs one part's text as it is written: UTF-8, checksummed and deflated a chunk at a time. */
export class PartWriter {
  private buf = new Uint8Array(CHUNK);
  private used = 0;
  private crc = 0;
  private size = 0;
  private readonly chunks: Uint8Array[] = [];
  private readonly stream;
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly codec: ZipCodec,
    private readonly done: (item: Omit<ZipItem, "name">) => void,
  ) {
    this.stream = codec.deflater((c) => this.chunks.push(c));
  }

  /** Appends text to the part. */
  write(text: string): void {
    let rest = text;
    while (rest.length > 0) {
      const { read, written } = this.encoder.encodeInto(rest, this.buf.subarray(this.used));
      this.used += written;
      rest = rest.slice(read);
      if (rest.length > 0) this.flush(false);
    }
  }

  /** Ends the part; its packed bytes go to the edit. */
  close(): void {
    this.flush(true);
    const now = new Date();
    this.done({
      method: 8,
      crc: this.crc,
      size: this.size,
      chunks: this.chunks,
      time: (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1),
      date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
    });
  }

  private flush(final: boolean): void {
    const chunk = this.buf.subarray(0, this.used);
    this.crc = this.codec.crc32(chunk, this.crc);
    this.size += this.used;
    this.stream.push(chunk, final);
    this.used = 0;
    if (!final) this.buf = new Uint8Array(CHUNK);
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** A part name as looked up: no leading "/", forward slashes, percent-escapes decoded, lower case. */
function normalise(name: string): string {
  let n = name.replace(/\\/g, "/");
  if (n.startsWith("/")) n = n.slice(1);
  try {
    n = decodeURIComponent(n);
  } catch {
    // A lone "%" is a literal character of the name.
  }
  return n.toLowerCase();
}

/** Parses a relationships part; targets are resolved against `source` (the part the relationships belong to). */
export function parseRels(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  const sc = new XmlScanner(xml);
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k !== START || sc.local !== "Relationship") continue;
    const id = sc.attr("Id") ?? "";
    const type = sc.attr("Type") ?? "";
    const target = sc.attr("Target") ?? "";
    const external = sc.attr("TargetMode") === "External";
    out.push({
      id,
      type,
      kind: type.slice(type.lastIndexOf("/") + 1),
      target,
      ...(external ? {} : { part: resolveTarget(source, target) }),
    });
  }
  return out;
}

/** A relationship's target as a part name: absolute ("/xl/tables/table1.xml") or relative to the source part's folder. */
export function resolveTarget(source: string, target: string): string {
  const clean = target.split("#")[0].replace(/\\/g, "/");
  const base = clean.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** A relationship's target written relative to the source part's folder (as Excel writes them). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
