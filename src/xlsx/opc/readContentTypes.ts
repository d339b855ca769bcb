import { START, XmlScanner } from "../xml/XmlScanner";
import type { OpcPackage } from "./OpcPackage";

/** The content types a package declares: by extension (Default) and by part (Override). */
export interface ContentTypes {
  /** The content type of a part ("xl/workbook.xml"), or undefined when none is declared. */
  of(part: string): string | undefined;
}

/** Reads [Content_Types].xml. */
export function readContentTypes(pkg: OpcPackage): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const sc = new XmlScanner(pkg.text("[Content_Types].xml"));
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k !== START) continue;
    if (sc.local === "Default") {
      defaults.set((sc.attr("Extension") ?? "").toLowerCase(), sc.attr("ContentType") ?? "");
    } else if (sc.local === "Override") {
      overrides.set(partKey(sc.attr("PartName") ?? ""), sc.attr("ContentType") ?? "");
    }
  }
  return {
    of(part: string) {
      const override = overrides.get(partKey(part));
      if (override !== undefined) return override;
      const dot = part.lastIndexOf(".");
      return dot < 0 ? undefined : defaults.get(part.slice(dot + 1).toLowerCase());
    },
  };
}

/** A part name as compared in [Content_Types].xml: without the leading "/", decoded, any case. */
function partKey(name: string): string {
  let n = name.startsWith("/") ? name.slice(1) : name;
  try {
    n = decodeURIComponent(n);
  } catch {
    // A lone "%" stays as it is.
  }
  return n.toLowerCase();
}
