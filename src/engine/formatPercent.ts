/** A fraction as a percentage with at most two decimals, the way officers write it (0.125 → "12.5%"). */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}
