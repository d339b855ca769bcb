/** Formats a fraction as a percentage with up to two decimals (0.125 → "12.5%"). */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;
}
