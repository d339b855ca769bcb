import { nameKey } from "./nameKey";

/** Compares two names by nameKey, then as written, by code unit (no locale can change the order). */
export function compareNames(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rank of each name in the canonical order (compareNames, then position). */
export function rankNames(names: readonly string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => compareNames(names[a], names[b]) || a - b);
  const rank = new Int32Array(names.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}
