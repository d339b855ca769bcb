/**
 * Reduces a sheet, table, column or code name to what officers mean by it: case, accents, spaces
 * and punctuation are ignored, so "Post No.", "post_no" and "POST NO" all become "postno".
 */
export function normalizeName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}
