/**
 * True when a number format code shows a percentage ("0%", "0.00%", "#,##0.0%"): a % sign,
 * outside quoted text and escapes (which print it without scaling the number), in the section for
 * positive numbers. Such a cell holds a fraction: 6.10% is 0.061.
 */
export function isPercentFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return (bare.split(";")[0] ?? "").includes("%");
}
