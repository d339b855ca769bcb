/**
 * An OOXML string (ST_Xstring) as the user typed it: `_xHHHH_` stands for the character HHHH
 * (Excel writes a carriage return as `_x000D_`), and `_x005F_` escapes a literal underscore.
 */
export function decodeOoxmlText(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
