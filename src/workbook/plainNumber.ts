/** A number as an officer would write it, without float noise (0.30000000000000004 → 0.3). */
export function plainNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}
