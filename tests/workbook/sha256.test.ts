import { createHash } from "node:crypto";
import fc from "fast-check";
import { Sha256 } from "../../src/workbook/sha256";

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, "utf8"));

describe("Sha256", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(new Sha256().update(bytes("")).hex()).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(new Sha256().update(bytes("abc")).hex()).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(new Sha256().update(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).hex()).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with Node's crypto on any bytes, fed in any pieces", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat({ max: 300 }), (data, cut) => {
        const k = Math.min(cut, data.length);
        const ours = new Sha256().update(data.subarray(0, k)).update(data.subarray(k)).hex();
        expect(ours).toBe(createHash("sha256").update(data).digest("hex"));
      }),
    );
  });

  it("refuses more bytes after the digest", () => {
    const h = new Sha256();
    h.hex();
    expect(() => h.update(bytes("x"))).toThrow("update() after hex()");
  });
});
