import type { Language } from "../../engine/model";
import { InvalidArgumentError } from "../../engine/errors";
import { SEPARATORS, formatNumber } from "./formatNumber";

/**
 * Formats an amount held as integer quanta of `rounding` (Allocation amounts) in the language's
 * style, with as many decimals as the rounding unit has (2 for cents, none for whole units or thousands).
 */
export function formatAmount(quanta: number, rounding: number, language: Language): string {
  if (!Number.isInteger(quanta))
    throw new InvalidArgumentError(`Amount ${quanta} is not a whole number of quanta.`);
  const decimals = roundingDecimals(rounding);
  if (decimals === 0) return formatNumber(quanta * rounding, language, 0);
  // Integer arithmetic on the quanta keeps 0.1 + 0.2 noise out of printed cents.
  const scale = 10 ** decimals;
  const perQuantum = Math.round(rounding * scale);
  const minor = quanta * perQuantum;
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = formatNumber(Math.floor(abs / scale), language, 0);
  const fraction = String(abs % scale).padStart(decimals, "0");
  return `${sign}${whole}${SEPARATORS[language].decimal}${fraction}`;
}

/** Number of decimals a rounding unit needs: 0 for 1 or 1000, 2 for 0.01. */
export function roundingDecimals(rounding: number): number {
  if (!(rounding > 0) || !Number.isFinite(rounding)) {
    throw new InvalidArgumentError(`Rounding must be a positive number, not ${rounding}.`);
  }
  for (let d = 0; d <= 10; d++) {
    const scaled = rounding * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  throw new InvalidArgumentError(`Rounding ${rounding} has more than 10 decimals.`);
}
