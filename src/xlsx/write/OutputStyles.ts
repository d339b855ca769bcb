import type { OutCell } from "../../workbook/grid";
import { escapeXml } from "../xml/escapeXml";
import { spliceText, type TextEdit } from "../xml/spliceText";
import { END, START, XmlScanner } from "../xml/XmlScanner";

/** Number formats Excel knows by id, which need no numFmt element. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** The collections of a style sheet we add to, in the order the schema puts them. */
const COLLECTIONS = ["numFmts", "fonts", "fills", "borders", "cellXfs"] as const;
type Collection = (typeof COLLECTIONS)[number];
/** Every child of styleSheet, in schema order: where a missing collection goes. */
const SCHEMA_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
/** The entry a collection needs at index 0 when we have to create it: the defaults cells without a format use. */
const DEFAULT_ENTRY: Record<Collection, string> = {
  numFmts: "",
  fonts: '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  fills: '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>',
  borders: "<border><left/><right/><top/><bottom/><diagonal/></border>",
  cellXfs: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
};

interface Found {
  /** Offsets of the open tag, and of the end tag (equal to the open tag's for a self-closing one). */
  openStart: number;
  openEnd: number;
  closeStart: number;
  closeEnd: number;
  selfClosing: boolean;
  /** The children's XML, exactly as written. */
  children: string[];
}

/** The OOXML main namespace, for a style sheet we create. */
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The cell formats our output sheets need, added to the workbook's style sheet: each distinct
 * look (number format, font, fill, border, alignment) becomes one cell format appended after the
 * workbook's own, reusing an identical entry when the sheet already has one (a second run adds
 * nothing). Every existing entry keeps its index, so the user's cells look as they did.
 */
export class OutputStyles {
  private readonly found = new Map<string, Found>();
  private readonly added: Record<Collection, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellXfs: [],
  };
  private readonly index: Record<Collection, Map<string, number>> = {
    numFmts: new Map(),
    fonts: new Map(),
    fills: new Map(),
    borders: new Map(),
    cellXfs: new Map(),
  };
  private readonly formats = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  /** Looks with no alignment, fill, size or colour: by number format, then by their flags. */
  private readonly plain = new Map<string, number[]>();
  private nextFormatId = 164;
  private prefix = "";
  private hasCellStyleXfs = false;
  /** Offset of the style sheet's end tag. */
  private rootClose = -1;
  /** The style sheet's children in order, with their offsets. */
  private readonly seen: { name: string; start: number }[] = [];

  /** Reads the workbook's style sheet (undefined when the package has none: one is created). */
  constructor(private readonly xml: string | undefined) {
    if (xml !== undefined) this.parse(xml);
    for (const c of COLLECTIONS) {
      if (c === "numFmts" || this.found.has(c)) continue;
      // A collection that is missing gets its defaults first, so that index 0 keeps meaning "no format".
      this.added[c].push(...splitEntries(this.prefixed(DEFAULT_ENTRY[c])));
    }
  }

  /** True when the package had no style sheet and this one must be added to it. */
  get created(): boolean {
    return this.xml === undefined;
  }

  /** The cell format index (`s`) of an output cell's look. */
  xfOf(oc: OutCell): number {
    // Most cells differ only by number format and a few flags: those are found without building a key.
    if (oc.align === undefined && oc.fill === undefined && oc.size === undefined && oc.color === undefined) {
      const flags =
        (oc.bold ? 1 : 0) |
        (oc.italic ? 2 : 0) |
        (oc.borderTop ? 4 : 0) |
        (oc.borderBottom ? 8 : 0) |
        (oc.wrap ? 16 : 0);
      const fmt = oc.fmt ?? "";
      let byFlags = this.plain.get(fmt);
      if (byFlags === undefined) this.plain.set(fmt, (byFlags = []));
      return (byFlags[flags] ??= this.xfOfKey(oc));
    }
    return this.xfOfKey(oc);
  }

  private xfOfKey(oc: OutCell): number {
    const key = lookKey(oc);
    let xf = this.byKey.get(key);
    if (xf === undefined) {
      xf = this.entry("cellXfs", this.xfXml(oc));
      this.byKey.set(key, xf);
    }
    return xf;
  }

  /**
   * The index of a cell format like `xf` (an index into cellXfs) but for its number format, which
   * becomes `fmt`: what setting a cell's number format changes, and nothing else.
   */
  withNumberFormat(xf: number, fmt: string): number {
    const existing =
      this.found.get("cellXfs")?.children[xf] ??
      this.added.cellXfs[xf - (this.found.get("cellXfs")?.children.length ?? 0)];
    const base = existing ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`;
    const id = this.numFmtId(fmt);
    const open = /^<[^>]*?\/?>/.exec(base)?.[0] ?? "";
    let tag = open
      .replace(/\snumFmtId\s*=\s*("[^"]*"|'[^']*')/, "")
      .replace(/\sapplyNumberFormat\s*=\s*("[^"]*"|'[^']*')/, "");
    tag = tag
      .replace(/^(<[^\s/>]+)/, `$1 numFmtId="${id}"`)
      .replace(/(\s*\/?>)$/, ` applyNumberFormat="1"$1`);
    return this.entry("cellXfs", tag + base.slice(open.length));
  }

  /** The style sheet with our entries added, or undefined when nothing was added. */
  toXml(): string | undefined {
    const any = COLLECTIONS.some((c) => this.added[c].length > 0);
    if (!any && this.xml !== undefined) return undefined;
    if (this.xml === undefined) return this.fresh();
    const edits: TextEdit[] = [];
    for (const c of COLLECTIONS) {
      if (this.added[c].length === 0) continue;
      const f = this.found.get(c);
      const tag = `${this.prefix}${c}`;
      if (f) {
        const count = f.children.length + this.added[c].length;
        const open = this.xml.slice(f.openStart, f.openEnd);
        const attrs = open
          .replace(/^<[^\s/>]+/, "")
          .replace(/\/?>$/, "")
          .replace(/\s+count\s*=\s*("[^"]*"|'[^']*')/, "");
        const inner = f.selfClosing ? "" : this.xml.slice(f.openEnd, f.closeStart);
        edits.push({
          at: f.openStart,
          to: f.closeEnd,
          text: `<${tag} count="${count}"${attrs}>${inner}${this.added[c].join("")}</${tag}>`,
        });
      } else {
        const at = this.insertionPoint(c);
        edits.push({
          at,
          to: at,
          text: `<${tag} count="${this.added[c].length}">${this.added[c].join("")}</${tag}>`,
        });
      }
    }
    return spliceText(this.xml, edits);
  }

  private fresh(): string {
    const parts = COLLECTIONS.filter((c) => this.added[c].length > 0).map(
      (c) => `<${c} count="${this.added[c].length}">${this.added[c].join("")}</${c}>`,
    );
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">${parts.join("")}</styleSheet>`;
  }

  private parse(xml: string): void {
    const sc = new XmlScanner(xml);
    if (!sc.seek("styleSheet")) return;
    const colon = sc.name.indexOf(":");
    this.prefix = colon < 0 ? "" : sc.name.slice(0, colon + 1);
    this.rootClose = -1;
    for (let k = sc.next(); k !== 0; k = sc.next()) {
      if (k === END) {
        if (sc.local === "styleSheet") this.rootClose = sc.start;
        continue;
      }
      if (k !== START) continue;
      const name = sc.local;
      this.seen.push({ name, start: sc.start });
      if (name === "cellStyleXfs") this.hasCellStyleXfs = true;
      if (!(COLLECTIONS as readonly string[]).includes(name)) {
        sc.skipElement();
        continue;
      }
      const f: Found = {
        openStart: sc.start,
        openEnd: sc.end,
        closeStart: sc.end,
        closeEnd: sc.end,
        selfClosing: sc.selfClosing,
        children: [],
      };
      if (!sc.selfClosing) {
        for (let c = sc.next(); c !== END; c = sc.next()) {
          if (c === 0) return;
          if (c !== START) continue;
          const from = sc.start;
          if (name === "numFmts") {
            const id = Number(sc.attr("numFmtId"));
            const code = sc.attr("formatCode") ?? "";
            if (!this.formats.has(code)) this.formats.set(code, id);
            if (id >= this.nextFormatId) this.nextFormatId = id + 1;
          }
          sc.skipElement();
          const raw = xml.slice(from, sc.end);
          const i = f.children.length;
          f.children.push(raw);
          if (!this.index[name as Collection].has(raw)) this.index[name as Collection].set(raw, i);
        }
        f.closeStart = sc.start;
        f.closeEnd = sc.end;
      }
      this.found.set(name, f);
    }
  }

  /** Where a missing collection goes: before the first element the schema puts after it. */
  private insertionPoint(c: Collection): number {
    const rank = SCHEMA_ORDER.indexOf(c);
    const later = this.seen.find(
      (s) => SCHEMA_ORDER.indexOf(s.name) > rank || SCHEMA_ORDER.indexOf(s.name) < 0,
    );
    return later?.start ?? this.rootClose;
  }

  /** The index of an entry in a collection, appending it when no identical one exists. */
  private entry(c: Collection, xml: string): number {
    const existing = this.index[c].get(xml);
    if (existing !== undefined) return existing;
    const i = (this.found.get(c)?.children.length ?? 0) + this.added[c].length;
    this.added[c].push(xml);
    this.index[c].set(xml, i);
    return i;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined || code === "General") return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formats.set(code, id);
    this.added.numFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private xfXml(oc: OutCell): string {
    const p = this.prefix;
    const numFmtId = this.numFmtId(oc.fmt);
    // Every look names its font, so our sheets read the same whatever the workbook's default font
    // (LibreOffice otherwise picks a face of its own, and widths fitted for Calibri show ###).
    const font = this.entry(
      "fonts",
      `<${p}font>${oc.bold ? `<${p}b/>` : ""}${oc.italic ? `<${p}i/>` : ""}<${p}sz val="${oc.size ?? 11}"/>` +
        `${oc.color !== undefined ? `<${p}color rgb="FF${oc.color}"/>` : ""}<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`,
    );
    const fill = this.entry(
      "fills",
      oc.fill !== undefined
        ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${oc.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
        : `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
    );
    const side = (name: string, on: boolean | undefined) =>
      on ? `<${p}${name} style="thin"><${p}color indexed="64"/></${p}${name}>` : `<${p}${name}/>`;
    const border = this.entry(
      "borders",
      `<${p}border>${side("left", false)}${side("right", false)}${side("top", oc.borderTop)}` +
        `${side("bottom", oc.borderBottom)}${side("diagonal", false)}</${p}border>`,
    );
    const alignment =
      oc.align !== undefined || oc.wrap
        ? `<${p}alignment${oc.align !== undefined ? ` horizontal="${oc.align}"` : ""}${oc.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const attrs =
      `numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="${border}"` +
      `${this.hasCellStyleXfs ? ' xfId="0"' : ""}${numFmtId !== 0 ? ' applyNumberFormat="1"' : ""} applyFont="1"` +
      `${oc.fill !== undefined ? ' applyFill="1"' : ""}${oc.borderTop || oc.borderBottom ? ' applyBorder="1"' : ""}` +
      `${alignment !== "" ? ' applyAlignment="1"' : ""}`;
    return alignment === "" ? `<${p}xf ${attrs}/>` : `<${p}xf ${attrs}>${alignment}</${p}xf>`;
  }

  private prefixed(xml: string): string {
    return this.prefix === "" ? xml : xml.replace(/<(\/?)([a-zA-Z])/g, `<$1${this.prefix}$2`);
  }
}

/** Top-level elements of a string of sibling elements ("<a/><b>..</b>" -> ["<a/>", "<b>..</b>"]). */
function splitEntries(xml: string): string[] {
  const out: string[] = [];
  const sc = new XmlScanner(xml);
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k !== START) continue;
    const from = sc.start;
    sc.skipElement();
    out.push(xml.slice(from, sc.end));
  }
  return out;
}

/** A key equal for output cells that look the same. */
export function lookKey(oc: OutCell): string {
  return `${oc.fmt ?? ""}\u0001${oc.bold ? 1 : 0}${oc.italic ? 1 : 0}${oc.borderTop ? 1 : 0}${oc.borderBottom ? 1 : 0}${oc.wrap ? 1 : 0}\u0001${oc.align ?? ""}\u0001${oc.fill ?? ""}\u0001${oc.size ?? ""}\u0001${oc.color ?? ""}`;
}
