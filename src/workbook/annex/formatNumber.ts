import type { Language } from "../../engine/model";
import { InvalidArgumentError } from "../../engine/errors";

/** Narrow no-break space: the French thousands separator. */
export const NARROW_NBSP = "\u202f";

/** Thousands and decimal separators of each annex language, as UN documents print them. */
export const SEPARATORS: Readonly<Record<Language, { group: string; decimal: string }>> = Object.freeze({
  en: { group: ",", decimal: "." },
  fr: { group: NARROW_NBSP, decimal: "," },
  es: { group: ".", decimal: "," },
});

/**
 * Formats a number with the given number of decimals in the usual style of the language
 * (en 1,234,567.5; fr 1 234 567,5; es 1.234.567,5), without relying on the host's locale data,
 * which Node builds without full ICU and browsers vary on.
 */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`Cannot format ${value} as a number.`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new InvalidArgumentError(`Decimals must be an integer from 0 to 10, not ${decimals}.`);
  }
  const { group, decimal } = SEPARATORS[language];
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  // "-0" after rounding a tiny negative reads as an error in a budget table: print plain zero.
  const negative = value < 0 && /[1-9]/.test(fixed);
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : decimal + fraction}`;
}
