/**
 * A number read from text, and whether it carried a percent sign ("12.5%" → 12.5, percent); or,
 * when the separators leave its size open ("140.000": 140 or 140000), both readings.
 */
export type NumberText =
  { value: number; percent: boolean } | { readings: [number, number]; percent: boolean };

const SPACES = /[\u00a0\u2007\u2009\u202f]/g;
const CURRENCY_BEFORE = /^(?:US\$|[€$£]|EUR|USD|CHF|GBP)\s*/i;
const CURRENCY_AFTER = /\s*(?:[€$£]|EUR|USD|CHF|GBP)$/i;

/**
 * Reads a number that was typed as text ("1,400,000", "€140 000", "1.234,56", "(2,000.50)",
 * "12,5 %"), or undefined when the text is not a number or its separators do not fit together
 * ("1,2,3"). Thousands may be grouped by commas, dots, spaces or apostrophes; when both "." and
 * "," appear the last one is the decimal mark. A lone "." or "," followed by exactly three digits
 * ("140.000", "1,400") groups thousands in one convention and marks decimals in the other, so both
 * readings are returned, unless the integer part is 0 ("0,025": a decimal) or a currency is named
 * ("€140.000": money is never written to three decimals, so it groups thousands).
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
  const bare = s.replace(CURRENCY_BEFORE, "").replace(CURRENCY_AFTER, "");
  let money = bare !== s;
  s = bare;
  if (/^[-\u2212+]/.test(s)) {
    if (negative && s[0] !== "+") return undefined;
    negative = negative || s[0] !== "+";
    const rest = s.slice(1).trim();
    s = rest.replace(CURRENCY_BEFORE, "");
    money ||= s !== rest;
  }
  const sign = negative ? -1 : 1;
  const lone = /^([1-9]\d{0,2})([.,])(\d{3})$/.exec(s);
  if (lone && !money) {
    const decimal = Number(`${lone[1]}.${lone[3]}`);
    const grouped = Number(`${lone[1]}${lone[3]}`);
    return { readings: [sign * decimal, sign * grouped], percent };
  }
  const plain = lone ? `${lone[1]}${lone[3]}` : plainDigits(s);
  if (plain === undefined) return undefined;
  const value = Number(plain);
  if (!Number.isFinite(value)) return undefined;
  return { value: sign * value, percent };
}

/** The text as a JavaScript number literal, with grouping removed and a "." decimal mark. */
function plainDigits(s: string): string | undefined {
  if (/^\d+$/.test(s) || /^\d*\.\d+$/.test(s)) return s;
  if (/^\d*,\d+$/.test(s)) return s.replace(",", ".");
  if (/[ ']/.test(s)) {
    const m = /^(\d{1,3}(?:[ ']\d{3})+)(?:[.,](\d+))?$/.exec(s);
    return m ? m[1].replace(/[ ']/g, "") + (m[2] !== undefined ? `.${m[2]}` : "") : undefined;
  }
  // Two groups or more ("1,400,000"), or a group and a decimal part after the other mark.
  if (/^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(s) && /,.*[,.]/.test(s)) return s.replace(/,/g, "");
  if (/^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/.test(s) && /\..*[.,]/.test(s)) {
    return s.replace(/\./g, "").replace(",", ".");
  }
  return undefined;
}
