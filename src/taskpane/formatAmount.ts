/**
 * Formats a published figure for the pane: whole currency units with thousands separators, or
 * two decimals when the workbook rounds to cents. Shown in en-GB style, the secretariats' default.
 */
export function formatAmount(value: number, rounding = 1): string {
  const decimals = rounding > 0 && rounding < 1 ? Math.min(4, Math.ceil(-Math.log10(rounding) - 1e-9)) : 0;
  return value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
