/**
 * Rounds to the nearest integer, halves away from zero, immune to float noise: a value within a
 * hair of a half (1.005 × 100 = 100.49999…) is cleaned to 15 significant digits first, the
 * precision a double holds for any amount typed into a cell, so it rounds as the officer typed it.
 */
export function roundHalfAway(x: number): number {
  let a = x < 0 ? -x : x;
  const f = Math.floor(a);
  const d = a - f - 0.5;
  // Far from a half, plain rounding cannot be fooled by noise; only near one is cleaning needed.
  if (d > 1e-6 || d < -1e-6) {
    const r = d > 0 ? f + 1 : f;
    return x < 0 && r !== 0 ? -r : r;
  }
  a = Number(a.toPrecision(15));
  const r = Math.floor(a + 0.5);
  return x < 0 && r !== 0 ? -r : r;
}
