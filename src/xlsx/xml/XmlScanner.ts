import { XlsxPackageError } from "../errors";
import { decodeXml } from "./decodeXml";

/** What XmlScanner.next() found. */
export const EOF = 0;
/** A start tag, `<a ...>` or `<a .../>` (then `selfClosing`). */
export const START = 1;
/** An end tag, `</a>`. */
export const END = 2;
/** Character data between tags, or a CDATA section. */
export const TEXT = 3;

/**
 * A pull tokenizer over one XML part held as a string: tags, attributes and text, with the
 * offset of every token so that an editor can splice the source. Names are matched by their
 * local part (`x:c` and `c` are both "c"), as the OPC standard lets a producer choose any prefix.
 * Comments and processing instructions are skipped; a document type declaration is refused
 * (no spreadsheet part has one, and refusing it rules out entity expansion).
 */
export class XmlScanner {
  /** The kind of the current token: EOF, START, END or TEXT. */
  kind = EOF;
  /** Qualified name of the current tag ("x:c"). */
  name = "";
  /** Local name of the current tag ("c"). */
  local = "";
  /** The current START tag closes itself (`<a/>`). */
  selfClosing = false;
  /** Offset of the current token's first character. */
  start = 0;
  /** Offset just past the current token. */
  end = 0;
  private pos: number;
  private attrFrom = 0;
  private attrTo = 0;
  private cdata = false;
  private parsed = false;
  private readonly attrNames: string[] = [];
  private readonly attrValues: string[] = [];

  constructor(
    readonly xml: string,
    from = 0,
  ) {
    this.pos = from;
  }

  /** Moves to the next token and returns its kind. */
  next(): number {
    const xml = this.xml;
    for (;;) {
      const p = this.pos;
      if (p >= xml.length) {
        this.start = this.end = p;
        return (this.kind = EOF);
      }
      if (xml.charCodeAt(p) !== 60) {
        const lt = xml.indexOf("<", p);
        const e = lt < 0 ? xml.length : lt;
        this.start = p;
        this.end = this.pos = e;
        this.cdata = false;
        return (this.kind = TEXT);
      }
      const c1 = xml.charCodeAt(p + 1);
      if (c1 === 47) return this.endTag(p);
      if (c1 === 33) {
        if (xml.startsWith("<!--", p)) {
          this.pos = this.after("-->", p + 4);
          continue;
        }
        if (xml.startsWith("<![CDATA[", p)) {
          const close = xml.indexOf("]]>", p + 9);
          if (close < 0) throw this.fault("an unterminated CDATA section");
          this.start = p;
          this.end = this.pos = close + 3;
          this.cdata = true;
          return (this.kind = TEXT);
        }
        throw this.fault("a document type declaration, which no spreadsheet part may hold");
      }
      if (c1 === 63) {
        this.pos = this.after("?>", p + 2);
        continue;
      }
      return this.startTag(p);
    }
  }

  /** The value of an attribute of the current START tag by qualified name ("r", "r:id"), or undefined. */
  attr(name: string): string | undefined {
    this.parseAttributes();
    const i = this.attrNames.indexOf(name);
    return i < 0 ? undefined : this.attrValues[i];
  }

  /** The value of the first attribute whose local name is `local`, whatever its prefix ("id" finds "r:id"). */
  attrLocal(local: string): string | undefined {
    this.parseAttributes();
    for (let i = 0; i < this.attrNames.length; i++) {
      const n = this.attrNames[i];
      if (n === local || (n.endsWith(local) && n.charCodeAt(n.length - local.length - 1) === 58)) {
        return this.attrValues[i];
      }
    }
    return undefined;
  }

  /** Every attribute of the current START tag, in source order, as [qualified name, value]. */
  attributes(): [string, string][] {
    this.parseAttributes();
    return this.attrNames.map((n, i) => [n, this.attrValues[i]]);
  }

  /** The decoded text of the current TEXT token. */
  text(): string {
    if (this.cdata) return this.xml.slice(this.start + 9, this.end - 3);
    return decodeXml(this.xml.slice(this.start, this.end));
  }

  /**
   * The decoded text content of the current START element (its text and CDATA, tags left out),
   * leaving the scanner on its END tag.
   */
  readText(): string {
    if (this.selfClosing) return "";
    let depth = 1;
    let out = "";
    while (depth > 0) {
      const k = this.next();
      if (k === TEXT) out += this.text();
      else if (k === START) depth += this.selfClosing ? 0 : 1;
      else if (k === END) depth--;
      else throw this.fault(`an element <${this.name}> that is never closed`);
    }
    return out;
  }

  /** Moves past the whole current START element, leaving the scanner on its END tag (or on itself when self-closing). */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    while (depth > 0) {
      const k = this.next();
      if (k === START) depth += this.selfClosing ? 0 : 1;
      else if (k === END) depth--;
      else if (k === EOF) throw this.fault("an element that is never closed");
    }
  }

  /**
   * Moves to the next START tag whose local name is `local`, and returns true; false at the end
   * of the part or at the END tag of the element the search started in.
   */
  seek(local: string): boolean {
    let depth = 0;
    for (;;) {
      const k = this.next();
      if (k === EOF) return false;
      if (k === START) {
        if (this.local === local) return true;
        if (!this.selfClosing) depth++;
      } else if (k === END && --depth < 0) return false;
    }
  }

  private endTag(p: number): number {
    const gt = this.xml.indexOf(">", p + 2);
    if (gt < 0) throw this.fault("an unterminated end tag");
    this.setName(this.xml.slice(p + 2, gt).trim());
    this.start = p;
    this.end = this.pos = gt + 1;
    this.selfClosing = false;
    return (this.kind = END);
  }

  private startTag(p: number): number {
    const xml = this.xml;
    let i = p + 1;
    for (;;) {
      const c = xml.charCodeAt(i);
      if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c)) break;
      i++;
    }
    this.setName(xml.slice(p + 1, i));
    this.attrFrom = i;
    // Attribute values may hold ">" (legal, if rare): find the tag's end outside quotes.
    let quote = 0;
    for (;;) {
      const c = xml.charCodeAt(i);
      if (Number.isNaN(c)) throw this.fault(`an unterminated tag <${this.name}`);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
      i++;
    }
    this.selfClosing = xml.charCodeAt(i - 1) === 47;
    this.attrTo = this.selfClosing ? i - 1 : i;
    this.start = p;
    this.end = this.pos = i + 1;
    this.parsed = false;
    return (this.kind = START);
  }

  private setName(name: string): void {
    this.name = name;
    const colon = name.indexOf(":");
    this.local = colon < 0 ? name : name.slice(colon + 1);
  }

  private parseAttributes(): void {
    if (this.parsed) return;
    this.parsed = true;
    this.attrNames.length = 0;
    this.attrValues.length = 0;
    const xml = this.xml;
    let i = this.attrFrom;
    const to = this.attrTo;
    while (i < to) {
      const eq = xml.indexOf("=", i);
      if (eq < 0 || eq >= to) break;
      const name = xml.slice(i, eq).trim();
      let q = eq + 1;
      while (q < to && xml.charCodeAt(q) !== 34 && xml.charCodeAt(q) !== 39) q++;
      const close = xml.indexOf(xml[q], q + 1);
      if (q >= to || close < 0 || close > to) throw this.fault(`a malformed attribute in <${this.name}>`);
      const raw = xml.slice(q + 1, close);
      this.attrNames.push(name);
      // XML normalises a literal tab or line break in an attribute value to a space.
      this.attrValues.push(decodeXml(/[\t\n\r]/.test(raw) ? raw.replace(/[\t\n\r]/g, " ") : raw));
      i = close + 1;
    }
  }

  private after(marker: string, from: number): number {
    const at = this.xml.indexOf(marker, from);
    if (at < 0)
      throw this.fault(`an unterminated ${marker === "-->" ? "comment" : "processing instruction"}`);
    return at + marker.length;
  }

  private fault(what: string): XlsxPackageError {
    return new XlsxPackageError(`malformed XML: ${what}`);
  }
}
