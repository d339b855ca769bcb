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

// Scratch for the partners, grown as needed: a run has hundreds of blocks, and allocating two
// tables per block left megabytes of garbage.
let partnerA = new Int32Array(0);
let partnerB = new Int32Array(0);

/**
 * One row of a block: arc firstArc + j goes from the row to column columns[j]; sourceArc, if not
 * −1, comes into the row from the block's source, one node that feeds every row of the block.
 */
export interface BlockRow {
  firstArc: number;
  columns: ArrayLike<number>;
  sourceArc: number;
}

/**
 * Cancels four-arc cycles between the rows of a block. `floor` and `fraction` hold each arc's
 * exact flow (floor + fraction, fraction in [0, 1)); an arc made integral gets fraction 0, its
 * floor raised if it went up. Columns are numbered 0 .. width − 1.
 *
 * The source counts as one more column (number width) whose arcs point the other way: rows p and
 * r fed by the source s make the cycle p → a ← r ← s → p as well, where the push moves the arcs
 * from s the opposite way to the arcs out of the rows. It comes first in each row, so a row's
 * cost arc and its first fractional share are paired like any two columns.
 */
export function cancelBlockCycles(
  rows: readonly BlockRow[],
  width: number,
  floor: Float64Array,
  fraction: Float64Array,
): void {
  const source = width;
  const columns = width + 1;
  // partnerA/B[a·columns + b]: the arcs (to a and to b) of the last row left with both
  // fractional; partnerA is −1 when there is none.
  if (partnerA.length < columns * columns) {
    partnerA = new Int32Array(columns * columns);
    partnerB = new Int32Array(columns * columns);
  }
  const pA = partnerA;
  const pB = partnerB;
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    pA.fill(-1, 0, columns * columns);
    for (const row of rows) {
      const { firstArc, sourceArc } = row;
      // The previous fractional arc of the row, and its column.
      let ra = -1;
      let a = -1;
      for (let j = sourceArc >= 0 ? -1 : 0; j < row.columns.length; j++) {
        const rb = j < 0 ? sourceArc : firstArc + j;
        if (fraction[rb] === 0) continue;
        const b = j < 0 ? source : row.columns[j];
        if (ra >= 0) {
          const key = a * columns + b;
          const pa = pA[key];
          const pb = pB[key];
          if (pa >= 0 && fraction[pa] > 0 && fraction[pb] > 0) {
            push(pa, ra, rb, pb, a === source, floor, fraction);
          }
          if (fraction[ra] > 0 && fraction[rb] > 0) {
            pA[key] = ra;
            pB[key] = rb;
          }
          if (fraction[rb] === 0) continue;
        }
        ra = rb;
        a = b;
      }
    }
  }
}

/**
 * Pushes round p → a ← r → b ← p: +δ on pa and rb, −δ on ra and pb, in the direction out of the
 * rows. When a is the source (`fromSource`), pa and ra point into the rows and move the other way.
 */
function push(
  pa: number,
  ra: number,
  rb: number,
  pb: number,
  fromSource: boolean,
  floor: Float64Array,
  fraction: Float64Array,
): void {
  // Each arc's fraction as seen out of the row: an arc into the row carries −x, whose fraction is 1 − f.
  const fpa = fromSource ? 1 - fraction[pa] : fraction[pa];
  const fra = fromSource ? 1 - fraction[ra] : fraction[ra];
  const frb = fraction[rb];
  const fpb = fraction[pb];
  const up = Math.min(1 - fpa, fra, 1 - frb, fpb);
  const down = Math.min(fpa, 1 - fra, frb, 1 - fpb);
  const delta = up <= down + tie ? up : -down;
  const sa = fromSource ? -delta : delta;
  move(pa, sa, floor, fraction);
  move(ra, -sa, floor, fraction);
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
