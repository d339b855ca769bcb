import { XlsxPackageError } from "../errors";
import { spliceText } from "../xml/spliceText";
import { START, XmlScanner } from "../xml/XmlScanner";

/**
 * A part that is a flat list of elements ([Content_Types].xml, a relationships part) with some
 * entries dropped and others appended before its end tag; everything else stays as written.
 * `add` gets the root's namespace prefix ("" or "x:") to write its elements with.
 */
export function editListXml(
  xml: string,
  drop: (attr: (name: string) => string | undefined) => boolean,
  add: (prefix: string) => string,
): string {
  const sc = new XmlScanner(xml);
  let root: string | undefined;
  const cuts: [number, number][] = [];
  let close = -1;
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k === START) {
      if (root === undefined) {
        root = sc.name;
        if (sc.selfClosing) {
          // An empty list written as <Types/>: open it up.
          const colon = root.indexOf(":");
          const prefix = colon < 0 ? "" : root.slice(0, colon + 1);
          const open = xml.slice(sc.start, sc.end - 2).trimEnd();
          return `${xml.slice(0, sc.start)}${open}>${add(prefix)}</${root}>${xml.slice(sc.end)}`;
        }
        continue;
      }
      const from = sc.start;
      const gone = drop((n) => sc.attr(n));
      sc.skipElement();
      if (gone) cuts.push([from, sc.end]);
    } else if (k === 2 && sc.name === root) {
      close = sc.start;
    }
  }
  if (root === undefined || close < 0) throw new XlsxPackageError("a list part of the package is malformed");
  const colon = root.indexOf(":");
  const prefix = colon < 0 ? "" : root.slice(0, colon + 1);
  return spliceText(xml, [
    ...cuts.map(([at, to]) => ({ at, to, text: "" })),
    { at: close, to: close, text: add(prefix) },
  ]);
}
