import { START, XmlScanner } from "../xml/XmlScanner";
import { readStringItem } from "./readStringItem";

/** The shared string table: item i is the text of cells of type "s" whose value is i. */
export function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  const sc = new XmlScanner(xml);
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k === START && sc.local === "si") strings.push(readStringItem(sc));
  }
  return strings;
}
