import { plainNumber } from "./plainNumber";

/** The smallest rate of the UN scale of assessments (0.001%), as a fraction. */
export const UN_MINIMUM_RATE = 0.00001;

/**
 * Why a rate read for the UN scale (a fraction) cannot be one, or undefined when it can: it is
 * not negative, at most 100%, and 0 or at least the UN minimum of 0.001%. A rate under the minimum
 * is almost always a percentage typed as a fraction in a plain number cell (0.00001 for 0.001%):
 * read as the UN publishes the scale, in percent, that figure would silently be a hundred times
 * too small. (A cell formatted as a percentage is read as it shows: CellReader.unRate.)
 */
export function unRateProblem(field: string, rate: number): string | undefined {
  const shown = plainNumber(rate * 100);
  if (rate < 0) return `${field} cannot be negative, found ${shown}`;
  if (rate > 1) return `${field} must be at most 100 (percent), found ${shown}`;
  if (rate > 0 && rate < UN_MINIMUM_RATE * (1 - 1e-9)) {
    return (
      `${field} ${shown} is below the UN minimum of 0.001 (percent). Type rates as the UN publishes them, in ` +
      `percent: 0.001 for 0.001%, 22 for 22% (or in cells formatted as percentages, where 0.001% shows as 0.001%); ` +
      `a plain 0.00001 is a hundred times less than the minimum`
    );
  }
  return undefined;
}
