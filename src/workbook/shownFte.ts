import { largestRemainder } from "../engine/largestRemainder";

/**
 * Staff time to two decimals, as the Options sheet and the annex show it, rounded by the largest
 * remainder so that the instruments' figures add up to the total rounded (a joint post shared in
 * thirds shows 0.34 + 0.33 + 0.33 = 1, not 0.99): the sheet and the annex show the same figures.
 */
export function shownFte(fte: readonly number[]): number[] {
  const hundredths = Math.round(fte.reduce((a, b) => a + b, 0) * 100);
  if (hundredths === 0) return fte.map(() => 0);
  return largestRemainder(hundredths, Float64Array.from(fte)).map((h) => h / 100);
}
