import type { OutCell } from "./grid";

/** Leading characters that make a spreadsheet read text as a formula (OWASP CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A text cell from the user's data, kept as text. Text that a spreadsheet could take for a
 * formula gets the text number format "@": ExcelJS writes strings as strings anyway, but the
 * Office.js adapter sets the format before the value, and Excel then stores what it is given.
 * The string itself is never altered (no leading apostrophe), so a reader sees exactly the title.
 */
export function safeText(text: string, style?: Partial<OutCell>): OutCell {
  const cell: OutCell = { ...style, v: text };
  delete cell.f;
  if (FORMULA_START.test(text)) cell.fmt = "@";
  return cell;
}
