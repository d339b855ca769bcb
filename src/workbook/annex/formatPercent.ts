import type { Language } from "../../engine/model";
import { formatNumber } from "./formatNumber";

/**
 * Formats a fraction as a percentage with at most `maxDecimals` decimals, trailing zeros
 * dropped down to `minDecimals`, as each language writes it: en "12.5%", fr "12,5 %" (no-break
 * space), es "12,5%" (UN Spanish documents write the sign close up, as in "Gastos de apoyo a los
 * programas (13%)").
 */
export function formatPercent(
  fraction: number,
  language: Language,
  maxDecimals = 1,
  minDecimals = 0,
): string {
  const percent = Number((fraction * 100).toFixed(maxDecimals));
  const decimals = Math.max(minDecimals, Math.min(maxDecimals, decimalsOf(percent)));
  const text = formatNumber(percent, language, decimals);
  return language === "fr" ? `${text}\u00a0%` : `${text}%`;
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
