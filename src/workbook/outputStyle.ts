import type { OutCell } from "./grid";

/** The shared look of our output sheets, so that every sheet reads the same way. */
export const OUTPUT_STYLE = {
  /** Column headers: bold with a bottom border, wrapped so long headings do not widen columns. */
  header: { bold: true, borderBottom: true, wrap: true } satisfies Partial<OutCell>,
  /** Totals rows: bold with a top border. */
  total: { bold: true, borderTop: true } satisfies Partial<OutCell>,
  /** Notes under a table. */
  note: { italic: true, color: "595959" } satisfies Partial<OutCell>,
  /** Tab colour of our sheets (a UN blue), so officers can tell them from their own at a glance. */
  tabColor: "1F4E79",
  /** Header label of every check: a check shows 0 when the figures add up. */
  checkLabel: "Check (0 = adds up)",
} as const;
