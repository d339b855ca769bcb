/** A number read from text, and whether it carried a percent sign ("12.5%" → 12.5, percent). */
export interface NumberText {
  value: number;
  percent: boolean;
}

const SPACES = /[\u00a0\u2007\u2009\u202f]/g;
const CURRENCY_BEFORE = /^(?:US\$|[€$£]|EUR|USD|CHF|GBP)\s*/i;
const CURRENCY_AFTER = /\s*(?:[€$£]|EUR|USD|CHF|GBP)$/i;

/**
 * Reads a number that was typed as text ("140,000", "€140 000", "1.234,56", "(2,000)", "12.5%"),
 * or undefined when the text is not a number or its separators are ambiguous ("1,2,3").
 * Thousands may be grouped by commas, dots, spaces or apostrophes; the decimal mark is the last
 * of "." or "," when both appear, and a lone comma followed by other than three digits ("12,5").
 */
export function parseNumberText(text: string): NumberText | undefined {
  let s = text.replace(SPACES, " ").trim();
  let negative = false;
  const inParentheses = /^\((.*)\)$/.exec(s);
  if (inParentheses) {
    negative = true;
    s = inParentheses[1].trim();
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(CURRENCY_BEFORE, "").replace(CURRENCY_AFTER, "");
  if (/^[-\u2212+]/.test(s)) {
    if (negative && s[0] !== "+") return undefined;
    negative = negative || s[0] !== "+";
    s = s.slice(1).trim().replace(CURRENCY_BEFORE, "");
  }
  const plain = plainDigits(s);
  if (plain === undefined) return undefined;
  const value = Number(plain);
  if (!Number.isFinite(value)) return undefined;
  return { value: negative ? -value : value, percent };
}

/** The text as a JavaScript number literal, with grouping removed and a "." decimal mark. */
function plainDigits(s: string): string | undefined {
  if (/^\d+$/.test(s) || /^\d*\.\d+$/.test(s)) return s;
  if (/[ ']/.test(s)) {
    const m = /^(\d{1,3}(?:[ ']\d{3})+)(?:[.,](\d+))?$/.exec(s);
    return m ? m[1].replace(/[ ']/g, "") + (m[2] !== undefined ? `.${m[2]}` : "") : undefined;
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return s.replace(/,/g, "");
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(s) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(s)) {
    return s.replace(/\./g, "").replace(",", ".");
  }
  if (/^\d*,\d+$/.test(s)) return s.replace(",", ".");
  return undefined;
}
