const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The text an XML text node or attribute value stands for: the five named entities and character references decoded. */
export function decodeXml(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(
    ENTITY,
    (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (named !== undefined) return NAMED[named];
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    },
  );
}
