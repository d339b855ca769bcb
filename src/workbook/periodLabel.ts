/** The period as officers write it: "2015–2017", or "2015" for a single year. */
export function periodLabel(years: readonly number[]): string {
  if (years.length === 0) return "";
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? String(first) : `${first}–${last}`;
}
