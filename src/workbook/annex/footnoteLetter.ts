/** a, b, …, z, aa, ab, …: letters never run out, however many units or Parties there are. */
export function footnoteLetter(index: number): string {
  let text = "";
  let i = index;
  do {
    text = String.fromCharCode(97 + (i % 26)) + text;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return text;
}
