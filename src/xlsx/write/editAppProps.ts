import { escapeXml } from "../xml/escapeXml";
import { spliceText } from "../xml/spliceText";
import { END, START, TEXT, XmlScanner } from "../xml/XmlScanner";

interface Vector {
  /** Offsets of the vector's open tag and of its end tag. */
  openStart: number;
  openEnd: number;
  closeStart: number;
  /** The qualified tag name of the vector ("vt:vector"), for its children's prefix. */
  tag: string;
  /** Each child: its text and where it ends. */
  items: { text: string; start: number; end: number }[];
}

/**
 * docProps/app.xml with our new sheets' names added to the list of worksheet titles Excel keeps
 * there (TitlesOfParts, counted in HeadingPairs), when the part has that list and it matches the
 * workbook's worksheets; otherwise the part is left as it is (Excel rebuilds it on saving).
 * Returns undefined when nothing changes.
 */
export function editAppProps(
  xml: string,
  worksheets: readonly string[],
  added: readonly string[],
): string | undefined {
  if (added.length === 0) return undefined;
  const heading = findVector(xml, "HeadingPairs");
  const titles = findVector(xml, "TitlesOfParts");
  if (!heading || !titles) return undefined;
  // HeadingPairs alternates a group's name and its count; the titles list each group's members in turn.
  let offset = 0;
  for (let i = 0; i + 1 < heading.items.length; i += 2) {
    const count = Number(heading.items[i + 1].text.trim());
    if (!Number.isInteger(count) || count < 0) return undefined;
    const members = titles.items.slice(offset, offset + count).map((t) => t.text);
    if (count === worksheets.length && members.every((m, j) => m === worksheets[j])) {
      const countItem = heading.items[i + 1];
      const lastTitleEnd = count > 0 ? titles.items[offset + count - 1].end : titles.openEnd;
      return spliceText(xml, [
        { at: lastTitleEnd, to: lastTitleEnd, text: added.map((n) => titleXml(titles.tag, n)).join("") },
        {
          at: titles.openStart,
          to: titles.openEnd,
          text: withSize(xml.slice(titles.openStart, titles.openEnd), titles.items.length + added.length),
        },
        {
          at: countItem.start,
          to: countItem.end,
          text: countXml(xml.slice(countItem.start, countItem.end), count + added.length),
        },
      ]);
    }
    offset += count;
  }
  return undefined;
}

/** The first vt:vector inside the element `parent`, with its children's text. */
function findVector(xml: string, parent: string): Vector | undefined {
  const sc = new XmlScanner(xml);
  if (!sc.seek(parent) || !sc.seek("vector") || sc.selfClosing) return undefined;
  const v: Vector = { openStart: sc.start, openEnd: sc.end, closeStart: -1, tag: sc.name, items: [] };
  let depth = 0;
  let itemStart = 0;
  let text = "";
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k === START) {
      if (depth === 0) {
        itemStart = sc.start;
        text = "";
      }
      if (!sc.selfClosing) depth++;
      else if (depth === 0) v.items.push({ text: "", start: itemStart, end: sc.end });
    } else if (k === TEXT) {
      text += sc.text();
    } else if (k === END) {
      if (depth === 0) {
        v.closeStart = sc.start;
        return v;
      }
      if (--depth === 0) v.items.push({ text, start: itemStart, end: sc.end });
    }
  }
  return undefined;
}

/** A vector's open tag with its size attribute set. */
function withSize(open: string, size: number): string {
  return open.replace(/\ssize\s*=\s*("[^"]*"|'[^']*')/, ` size="${size}"`);
}

/** A HeadingPairs count item (`<vt:variant><vt:i4>8</vt:i4></vt:variant>`) with a new count. */
function countXml(item: string, count: number): string {
  return item.replace(/>\s*\d+\s*</, `>${count}<`);
}

/** One title, written as the vector's own lpstr items are. */
function titleXml(vectorTag: string, name: string): string {
  const colon = vectorTag.indexOf(":");
  const prefix = colon < 0 ? "" : vectorTag.slice(0, colon + 1);
  return `<${prefix}lpstr>${escapeXml(name)}</${prefix}lpstr>`;
}
