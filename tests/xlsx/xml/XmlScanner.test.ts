import { XlsxPackageError } from "../../../src/xlsx/errors";
import { escapeXml } from "../../../src/xlsx/xml/escapeXml";
import { decodeOoxmlText } from "../../../src/xlsx/xml/decodeOoxmlText";
import { END, EOF, START, TEXT, XmlScanner } from "../../../src/xlsx/xml/XmlScanner";

/** Every token of a document, as [kind, name or text]. */
function tokens(xml: string): [number, string][] {
  const sc = new XmlScanner(xml);
  const out: [number, string][] = [];
  for (let k = sc.next(); k !== EOF; k = sc.next()) out.push([k, k === TEXT ? sc.text() : sc.local]);
  return out;
}

describe("XmlScanner", () => {
  it("gives tags by local name, text decoded, and skips the declaration, comments and processing instructions", () => {
    expect(tokens('<?xml version="1.0"?><!-- c --><x:a><b/>1 &lt; 2<![CDATA[<raw>]]><?pi x?></x:a>')).toEqual(
      [
        [START, "a"],
        [START, "b"],
        [TEXT, "1 < 2"],
        [TEXT, "<raw>"],
        [END, "a"],
      ],
    );
  });

  it("reads attributes that hold '>', quotes of either kind, entities and prefixes", () => {
    const sc = new XmlScanner(`<c r="A1" f='x>1' t="a &amp; &quot;b&quot;" r:id="rId7"/>`);
    sc.next();
    expect(sc.selfClosing).toBe(true);
    expect([sc.attr("r"), sc.attr("f"), sc.attr("t"), sc.attrLocal("id"), sc.attr("missing")]).toEqual([
      "A1",
      "x>1",
      'a & "b"',
      "rId7",
      undefined,
    ]);
  });

  it("refuses a document type declaration, which no spreadsheet part has", () => {
    expect(() => tokens('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toThrow(XlsxPackageError);
  });

  it("seeks an element by local name and skips whole elements", () => {
    const sc = new XmlScanner("<r><a><z/></a><b n='1'><z/></b></r>");
    expect(sc.seek("b")).toBe(true);
    expect(sc.attr("n")).toBe("1");
    sc.skipElement();
    expect([sc.kind, sc.local]).toEqual([END, "b"]);
  });
});

describe("escapeXml and decodeOoxmlText", () => {
  it("round-trip markup, control characters, carriage returns and a literal _x0041_", () => {
    for (const text of ['a < b & "c"', "tab\there", "cr\rlf\n", "bell\u0007", "_x0041_ stays", "plain"]) {
      const escaped = escapeXml(text);
      // eslint-disable-next-line no-control-regex -- control characters must not reach the XML as they are.
      expect(escaped).not.toMatch(/[\u0000-\u0008\r]/);
      const sc = new XmlScanner(`<t>${escaped}</t>`);
      sc.next();
      expect(decodeOoxmlText(sc.readText())).toBe(text);
    }
  });
});
