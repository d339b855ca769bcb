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
  // One entry per line and year with a cost (line·Y + year), sorted by the row key.
  const entries: number[] = [];
  const distinct = new Set<Split>();
  for (const k of unitLines) {
    for (let y = 0; y < Y; y++) {
      if (cost[k * Y + y] === 0) continue;
      entries.push(k * Y + y);
      distinct.add(splitOf(k, y));
    }
  }
  // Splits with the same weights (a post's own split equal to its unit's rule) share a rank, so
  // their lines make one row and no row order depends on the order of the lines in the sheet.
  const splitRank = new Map<Split, number>();
  const sorted = [...distinct].sort((a, b) => compareSplits(a, b, canonical));
  sorted.forEach((s, r) => {
    const same = r > 0 && compareSplits(sorted[r - 1], s, canonical) === 0;
    splitRank.set(s, same ? (splitRank.get(sorted[r - 1]) as number) : r);
  });
  // Each entry's sort keys, worked out once: the comparison below runs n·log n times.
  const count = entries.length;
  const yearOf = new Int32Array(count);
  const categoryOf = new Int32Array(count);
  const rankOf = new Int32Array(count);
  const splitOfEntry: Split[] = new Array<Split>(count);
  for (let j = 0; j < count; j++) {
    const e = entries[j];
    const k = Math.floor(e / Y);
    const y = e - k * Y;
    const split = splitOf(k, y);
    yearOf[j] = y;
    categoryOf[j] = categoryRank[lines.category[k]];
    rankOf[j] = splitRank.get(split) as number;
    splitOfEntry[j] = split;
  }
  const order = new Int32Array(count);
  for (let j = 0; j < count; j++) order[j] = j;
  order.sort(
    (a, b) =>
      yearOf[a] - yearOf[b] ||
      categoryOf[a] - categoryOf[b] ||
      rankOf[a] - rankOf[b] ||
      cost[entries[a]] - cost[entries[b]] ||
      entries[a] - entries[b],
  );
  const rows: Row[] = [];
  let last: Row | undefined;
  let lastRank = -1;
  for (const j of order) {
    const e = entries[j];
    const k = Math.floor(e / Y);
    const y = yearOf[j];
    const split = splitOfEntry[j];
    const total = cost[e];
    if (
      last !== undefined &&
      last.year === y &&
      last.category === lines.category[k] &&
      lastRank === rankOf[j] &&
      last.total === total
    ) {
      last.members.push(k);
      continue;
    }
    last = { members: [k], year: y, category: lines.category[k], split, total, firstArc: -1 };
    lastRank = rankOf[j];
    rows.push(last);
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
