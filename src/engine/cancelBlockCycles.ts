import { EPS, TIE } from "./roundFlow";

/**
 * Rounds part of a flow early, where it is cheap: inside a block of rows that share columns.
 *
 * A block is a set of row nodes whose arcs go to the same column nodes (in roundShares, the
 * lines of one unit, year and category, each with an arc to each instrument of its split). Two
 * rows p and r with fractional arcs to two columns a and b make a cycle of four arcs:
 * p → a ← r → b ← p. Pushing δ round it (+δ on p→a and r→b, −δ on r→a and p→b) keeps every
 * node in balance, rows and columns alike, so it is one of the pushes roundFlow makes, found
 * without a walk. Pushing as far as the bounds allow makes at least one of the four arcs
 * integral; the move is chosen as roundFlow chooses it (the smaller of the two, a tie going up).
 *
 * Rows are taken in order. In each row, every two fractional arcs that follow one another (to
 * columns a and b) look for a partner: the last row left with fractional arcs to a and b. A
 * push makes one of the four integral, and a row left with both fractional is the partner of the
 * next. A sweep over the block pairs each row with the rows before it; three sweeps leave about
 * one fractional arc in seven in the benchmark's staffing tables (a fourth removes few more).
 * roundFlow walks the rest, and its proof covers these pushes as it covers its own: they keep
 * the flow in balance and every arc at its floor or ceiling, so no bound and no guarantee
 * changes, only which of two equally good roundings a cell gets. What this buys: the walk along
 * the fractional arcs, the engine's largest cost, has a seventh of the arcs to walk.
 */

const SWEEPS = 3;

// Copies of roundFlow's tolerances, read once: the pushes below read them about a million times
// a run, and an imported binding compiled to CommonJS (tsx, ts-jest) is read through a getter
// each time, which cost 15-19 ms a run of the engine benchmark.
const eps = EPS;
const tie = TIE;

/** One row of a block: arc firstArc + j goes from the row to column columns[j]. */
export interface BlockRow {
  firstArc: number;
  columns: ArrayLike<number>;
}

/**
 * Cancels four-arc cycles between the rows of a block. `floor` and `fraction` hold each arc's
 * exact flow (floor + fraction, fraction in [0, 1)); an arc made integral gets fraction 0, its
 * floor raised if it went up. Columns are numbered 0 .. width − 1.
 */
export function cancelBlockCycles(
  rows: readonly BlockRow[],
  width: number,
  floor: Float64Array,
  fraction: Float64Array,
): void {
  // partnerA/B[a·width + b]: the arcs (to a and to b) of the last row left with both
  // fractional; partnerA is −1 when there is none.
  const partnerA = new Int32Array(width * width);
  const partnerB = new Int32Array(width * width);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    partnerA.fill(-1);
    for (const { firstArc, columns } of rows) {
      let ja = -1;
      for (let jb = 0; jb < columns.length; jb++) {
        const rb = firstArc + jb;
        if (fraction[rb] === 0) continue;
        if (ja >= 0) {
          const ra = firstArc + ja;
          const key = columns[ja] * width + columns[jb];
          const pa = partnerA[key];
          const pb = partnerB[key];
          if (pa >= 0 && fraction[pa] > 0 && fraction[pb] > 0) push(pa, ra, rb, pb, floor, fraction);
          if (fraction[ra] > 0 && fraction[rb] > 0) {
            partnerA[key] = ra;
            partnerB[key] = rb;
          }
          if (fraction[rb] === 0) continue;
        }
        ja = jb;
      }
    }
  }
}

/** Pushes round p → a ← r → b ← p: +δ on pa and rb, −δ on ra and pb. */
function push(
  pa: number,
  ra: number,
  rb: number,
  pb: number,
  floor: Float64Array,
  fraction: Float64Array,
): void {
  const fpa = fraction[pa];
  const fra = fraction[ra];
  const frb = fraction[rb];
  const fpb = fraction[pb];
  const up = Math.min(1 - fpa, fra, 1 - frb, fpb);
  const down = Math.min(fpa, 1 - fra, frb, 1 - fpb);
  const delta = up <= down + tie ? up : -down;
  move(pa, delta, floor, fraction);
  move(ra, -delta, floor, fraction);
  move(rb, delta, floor, fraction);
  move(pb, -delta, floor, fraction);
}

/** Adds d to an arc's fraction; at 0 or 1 (give or take EPS) the arc is integral. */
function move(arc: number, d: number, floor: Float64Array, fraction: Float64Array): void {
  const f = fraction[arc] + d;
  if (f <= eps) fraction[arc] = 0;
  else if (f >= 1 - eps) {
    floor[arc] += 1;
    fraction[arc] = 0;
  } else fraction[arc] = f;
}
