/** The PSC row's label with its rate, as UN budget tables print it: "Programme support costs (13%)". */
export function pscLabel(rate: number): string {
  const percent = Math.round(rate * 100 * 100) / 100;
  return `Programme support costs (${percent}%)`;
}
