import type { Split } from "../makeSplit";
import type { Lines } from "./costLines";

/** A row of the rounding network: lines of one unit, year, category and split with the same cost. */
export interface Row {
  /** The lines (line numbers), in sheet order. */
  members: number[];
  year: number;
  category: number;
  split: Split;
  /** The cost of each member that year, in quanta (exact: possibly fractional). */
  total: number;
  /** The row's first share arc in the network; one per split participant follows. */
  firstArc: number;
}

/**
 * The rows of one operating unit's lines, in canonical order: year, category (by rank), split
 * (the unit's rule first, then own splits by their weights in instrument order), cost, line.
 *
 * `cost` holds each line's cost per year (lines.exact, or rounded costs where those are fixed).
 * Lines with the same year, category, split and cost make one row: k lines of equal cost are one
 * row of k times that cost, dealt back to the lines by dealRow. A staffing table of standard
 * costs (many posts of one grade in one unit) becomes a handful of rows.
 */
export function rowsOf(
  unitLines: readonly number[],
  lines: Lines,
  cost: Float64Array,
  splitOf: (line: number, year: number) => Split,
  categoryRank: Int32Array,
  canonical: Int32Array,
): Row[] {
  const Y = lines.years;
  const distinct = new Set<Split>();
  for (const k of unitLines)
    for (let y = 0; y < Y; y++) if (cost[k * Y + y] !== 0) distinct.add(splitOf(k, y));
  // Splits with the same weights (a post's own split equal to its unit's rule) share a rank, so
  // their lines make one row and no row order depends on the order of the lines in the sheet.
  const splitRank = new Map<Split, number>();
  const sorted = [...distinct].sort((a, b) => compareSplits(a, b, canonical));
  sorted.forEach((s, r) => {
    const same = r > 0 && compareSplits(sorted[r - 1], s, canonical) === 0;
    splitRank.set(s, same ? (splitRank.get(sorted[r - 1]) as number) : r);
  });
  // Lines with the same year, category, split and cost gather in one row, found by a map keyed
  // on the first three (as one number) and then on the cost; only the keys are sorted after.
  // (A comparator sort of every line-year on the five keys cost 6 ms of the engine benchmark; this, 4.)
  const ranks = Math.max(1, sorted.length);
  const groupKey = (y: number, category: number, rank: number): number =>
    (y * categoryRank.length + categoryRank[category]) * ranks + rank;
  const groups = new Map<number, Map<number, Row>>();
  // Each group's costs as they first appear, to be sorted as numbers (quicker than the map's keys).
  const costs = new Map<number, number[]>();
  // unitLines are in line order, so each row's members are too.
  for (const k of unitLines) {
    const category = lines.category[k];
    for (let y = 0; y < Y; y++) {
      const total = cost[k * Y + y];
      if (total === 0) continue;
      const split = splitOf(k, y);
      const key = groupKey(y, category, splitRank.get(split) as number);
      let byCost = groups.get(key);
      if (byCost === undefined) {
        groups.set(key, (byCost = new Map<number, Row>()));
        costs.set(key, []);
      }
      const row = byCost.get(total);
      if (row === undefined) {
        byCost.set(total, { members: [k], year: y, category, split, total, firstArc: -1 });
        (costs.get(key) as number[]).push(total);
      } else row.members.push(k);
    }
  }
  const rows: Row[] = [];
  for (const key of Float64Array.from(groups.keys()).sort()) {
    const byCost = groups.get(key) as Map<number, Row>;
    for (const total of Float64Array.from(costs.get(key) as number[]).sort())
      rows.push(byCost.get(total) as Row);
  }
  return rows;
}

/** Orders two splits by their normalised weights, instrument by instrument in canonical order. */
function compareSplits(a: Split, b: Split, canonical: Int32Array): number {
  for (const i of canonical) {
    const d = a.weights[i] / a.sum - b.weights[i] / b.sum;
    // Weights equal but for float noise (the same split computed in another order) are equal.
    if (Math.abs(d) > 1e-12) return d;
  }
  return 0;
}
