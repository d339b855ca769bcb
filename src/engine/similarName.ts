import { editDistance } from "./editDistance";
import { nameKey } from "./stages/nameKey";

/**
 * Whether two names are likely one name written two ways (a slip, or a short form): within one
 * edit per eight letters of the longer ("Avian unt", "Avian unit"; not "Unit A", "Unit B"), or
 * word by word each word of one the start of, or an abbreviation of, the other's ("Exec. mgmt",
 * "Executive management": the same first letter, the other letters in order). Names with other
 * numbers in them are other names ("Marine unit 1", "Marine unit 2").
 */
export function similarName(a: string, b: string): boolean {
  const [x, y] = [nameKey(a), nameKey(b)];
  const digits = (s: string) => s.replace(/\D+/g, " ").trim();
  if (x === y || digits(x) !== digits(y)) return false;
  if (editDistance(x, y) <= Math.floor(Math.max(x.length, y.length) / 8)) return true;
  const words = (s: string) => s.split(/[\s.]+/).filter((w) => w.length > 0);
  const [wx, wy] = [words(x), words(y)];
  if (wx.length !== wy.length) return false;
  return wx.every((w, k) => shortFor(w, wy[k]) || shortFor(wy[k], w));
}

/** `short` is `long`, or its start, or its first letter and then some of its letters in order. */
function shortFor(short: string, long: string): boolean {
  if (short === long) return true;
  if (short[0] !== long[0] || short.length >= long.length) return false;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    while (j < long.length && long[j] !== short[i]) j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}
