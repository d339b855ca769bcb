/** One change to a text: the characters from `at` up to `to` become `text` (at === to inserts). */
export interface TextEdit {
  at: number;
  to: number;
  text: string;
}

/**
 * A text with edits applied, each at its offset in the original text; edits must not overlap, and
 * an insertion at the offset where a replacement starts goes before it.
 */
export function spliceText(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at || a.to - b.to);
  let out = "";
  let cursor = 0;
  for (const e of sorted) {
    out += source.slice(cursor, e.at) + e.text;
    cursor = e.to;
  }
  return out + source.slice(cursor);
}
