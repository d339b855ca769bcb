/**
 * Characters a terminal acts on instead of showing: C0 controls but the tab, DEL, C1 controls
 * (0x9B is an 8-bit escape sequence on some terminals), Unicode line separators, and the bidi
 * controls that reorder what is shown. Cell text decoded from a workbook (`_x001B_`) can carry
 * any of them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * Makes one message safe to print: every character a terminal would act on (an escape sequence
 * that sets the window title or moves the cursor, a line break that starts a fake message line)
 * is shown as its code, `\x1B`, `\n`, `\u202E`; only the message's own final line break is kept.
 */
export function terminalSafe(text: string): string {
  const ending = text.endsWith("\n") ? "\n" : "";
  return text.slice(0, text.length - ending.length).replace(UNSAFE, escapeCharacter) + ending;
}

function escapeCharacter(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  const code = c.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
