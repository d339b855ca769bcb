import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { nodeZipCodec } from "../../../src/cli/nodeZipCodec";
import { WorkbookTooLargeError, XlsxPackageError } from "../../../src/xlsx/errors";
import { OpcPackage } from "../../../src/xlsx/opc/OpcPackage";
import { jsCodec } from "../../../src/xlsx/zip/codec";
import { crc32 } from "../../../src/xlsx/zip/crc32";
import { readZip } from "../../../src/xlsx/zip/readZip";
import { zipOf } from "../handmade";

const SAMPLE = join(__dirname, "..", "..", "..", "assets", "cms-family-sample.xlsx");

describe("the zip layer", () => {
  it("computes the CRC-32 zip uses, in one go or in pieces", () => {
    const data = new TextEncoder().encode("The quick brown fox jumps over the lazy dog");
    expect(crc32(data)).toBe(0x414fa339);
    expect(crc32(data.subarray(9), crc32(data.subarray(0, 9)))).toBe(0x414fa339);
  });

  it.each([
    ["the browser's codec", jsCodec],
    ["Node's codec", nodeZipCodec],
  ])("packs a part in chunks into one valid DEFLATE stream with %s", (_name, codec) => {
    const pkg = OpcPackage.open(zipOf({ "a.txt": "x" }), codec);
    const edit = pkg.begin();
    const w = edit.writer("big.xml");
    let expected = "";
    for (let i = 0; i < 60_000; i++) {
      const line = `<row r="${i}"><c><v>${(i * 7919) % 1000}</v></c></row>`;
      expected += line;
      w.write(line);
    }
    w.close();
    edit.commit();
    const again = OpcPackage.open(pkg.generate());
    expect(again.text("big.xml")).toBe(expected);
    expect(again.text("a.txt")).toBe("x");
  });

  it("copies the parts it does not change with their very compressed bytes", () => {
    const source = new Uint8Array(readFileSync(SAMPLE));
    const pkg = OpcPackage.open(source);
    const edit = pkg.begin();
    edit.set("xl/new.xml", "<new/>");
    edit.commit();
    const out = pkg.generate();
    const before = new Map(readZip(source).map((e) => [e.name, e]));
    for (const e of readZip(out)) {
      const b = before.get(e.name);
      if (!b) continue;
      expect(Buffer.from(out.subarray(e.dataOffset, e.dataOffset + e.compressedSize))).toEqual(
        Buffer.from(source.subarray(b.dataOffset, b.dataOffset + b.compressedSize)),
      );
    }
  });

  it("reads zip64 archives, stored entries and a damaged part's CRC as Python's zipfile writes them", () => {
    const dir = mkdtempSync(join(tmpdir(), "zip64-"));
    try {
      const path = join(dir, "z.zip");
      execFileSync("python3", [
        "-c",
        "import zipfile,sys\n" +
          "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n" +
          "  with z.open('deflated.txt', 'w', force_zip64=True) as f: f.write(b'hello ' * 1000)\n" +
          "  z.writestr(zipfile.ZipInfo('stored.txt'), 'plain', compress_type=zipfile.ZIP_STORED)\n",
        path,
      ]);
      const bytes = new Uint8Array(readFileSync(path));
      const pkg = OpcPackage.open(bytes);
      expect(pkg.text("deflated.txt")).toBe("hello ".repeat(1000));
      expect(pkg.text("stored.txt")).toBe("plain");
      const entry = readZip(bytes).find((e) => e.name === "stored.txt");
      if (!entry) throw new Error("no stored.txt");
      bytes[entry.dataOffset] ^= 1;
      expect(() => OpcPackage.open(bytes).text("stored.txt")).toThrow(/damaged/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an encrypted entry and names what to do", () => {
    const bytes = zipOf({ "a.txt": "secret" });
    // Set the 'encrypted' flag in the central directory entry.
    const central = bytes.length - 22 - (46 + 5);
    bytes[central + 8] |= 1;
    expect(() => OpcPackage.open(bytes)).toThrow(XlsxPackageError);
    expect(() => OpcPackage.open(bytes)).toThrow(/encrypted/);
  });

  it.each([
    ["the browser's codec", jsCodec],
    ["Node's codec", nodeZipCodec],
  ])(
    "refuses a part that unpacks to more than its stated size, without unpacking it all, with %s",
    (_n, codec) => {
      const bytes = zipOf({ "bomb.xml": "a".repeat(5_000_000) });
      const entry = readZip(bytes)[0];
      const packed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      let unpacked: number;
      try {
        unpacked = codec.inflate(packed, 1000).length;
      } catch {
        unpacked = 0;
      }
      expect(unpacked).toBeLessThanOrEqual(1000);
      // The central directory's 'size' field of the only entry now claims 1,000 bytes.
      const central = bytes.length - 22 - (46 + "bomb.xml".length);
      new DataView(bytes.buffer, bytes.byteOffset).setUint32(central + 24, 1000, true);
      expect(readZip(bytes)[0].size).toBe(1000);
      expect(() => OpcPackage.open(bytes, codec).text("bomb.xml")).toThrow(XlsxPackageError);
    },
  );

  it("refuses, before unpacking, a part larger than costshare reads, saying how large", () => {
    const bytes = zipOf({ "big.xml": "x" });
    const central = bytes.length - 22 - (46 + "big.xml".length);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(central + 24, 300 * 1024 * 1024, true);
    expect(() => OpcPackage.open(bytes).text("big.xml")).toThrow(WorkbookTooLargeError);
    expect(() => OpcPackage.open(bytes).text("big.xml")).toThrow(
      /big\.xml\) is 315 MB once unpacked; costshare reads pieces of up to 256 MB/,
    );
  });

  it("inflates what the JavaScript codec deflates with zlib too", () => {
    const chunks: Uint8Array[] = [];
    const d = jsCodec.deflater((c) => chunks.push(c));
    d.push(new TextEncoder().encode("abc".repeat(1000)), false);
    d.push(new TextEncoder().encode("xyz"), true);
    expect(inflateRawSync(Buffer.concat(chunks)).toString()).toBe(`${"abc".repeat(1000)}xyz`);
  });
});
