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
  const compare = (a: number, b: number): number => {
    const ka = Math.floor(a / Y);
    const kb = Math.floor(b / Y);
    const ya = a - ka * Y;
    const yb = b - kb * Y;
    return (
      ya - yb ||
      categoryRank[lines.category[ka]] - categoryRank[lines.category[kb]] ||
      (splitRank.get(splitOf(ka, ya)) as number) - (splitRank.get(splitOf(kb, yb)) as number) ||
      cost[a] - cost[b] ||
      ka - kb
    );
  };
  entries.sort(compare);
  const rows: Row[] = [];
  let last: Row | undefined;
  for (const e of entries) {
    const k = Math.floor(e / Y);
    const y = e - k * Y;
    const split = splitOf(k, y);
    const total = cost[e];
    if (
      last !== undefined &&
      last.year === y &&
      last.category === lines.category[k] &&
      splitRank.get(last.split) === splitRank.get(split) &&
      last.total === total
    ) {
      last.members.push(k);
      continue;
    }
    last = { members: [k], year: y, category: lines.category[k], split, total, firstArc: -1 };
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
