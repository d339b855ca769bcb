import { decodeOoxmlText } from "../xml/decodeOoxmlText";
import { END, START, TEXT, type XmlScanner } from "../xml/XmlScanner";

/**
 * The text of a string item — a shared string `<si>` or an inline string `<is>` — on which the
 * scanner stands: plain `<t>` or rich-text runs `<r><t>`, leaving out phonetic guides (`<rPh>`),
 * which are not part of the cell's text. Leaves the scanner on the item's end tag.
 */
export function readStringItem(sc: XmlScanner): string {
  if (sc.selfClosing) return "";
  let depth = 1;
  let text = "";
  let inT = false;
  let skipDepth = 0;
  while (depth > 0) {
    const k = sc.next();
    if (k === START) {
      if (sc.selfClosing) continue;
      depth++;
      if (skipDepth === 0 && sc.local === "rPh") skipDepth = depth;
      else if (skipDepth === 0 && sc.local === "t") inT = true;
    } else if (k === END) {
      if (sc.local === "t") inT = false;
      if (depth === skipDepth) skipDepth = 0;
      depth--;
    } else if (k === TEXT) {
      if (inT && skipDepth === 0) text += sc.text();
    } else {
      break;
    }
  }
  return decodeOoxmlText(text);
}
