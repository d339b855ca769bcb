/* eslint-disable no-control-regex -- matching the characters XML 1.0 cannot hold is the point here. */

/** Characters that XML text cannot hold as they are (a carriage return would read back as a line feed). */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g;
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;

/**
 * Text as XML character data or as an attribute value (quoted with "): the markup characters as
 * entities, and the characters XML 1.0 cannot hold (control characters, and the carriage return
 * that XML would turn into a line feed) in the OOXML `_xHHHH_` escape, as Excel writes them; a
 * literal "_x" that looks like such an escape is escaped itself, so that it reads back as written.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(UNSAFE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}
