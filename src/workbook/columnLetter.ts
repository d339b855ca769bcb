import { InvalidArgumentError } from "../engine/errors";

/** The Excel column letters of a 1-based column index (1 → "A", 27 → "AA", 16384 → "XFD"). */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 1) {
    throw new InvalidArgumentError(`A column index is a whole number from 1, got ${index}.`);
  }
  let n = index;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
