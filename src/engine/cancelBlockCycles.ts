/**
 * Rounds part of a flow early, where it is cheap: inside a block of rows that share columns.
 *
 * A block is a set of row nodes whose arcs go to the same column nodes (in roundShares, the
 * lines of one unit, year and category, each with an arc to each instrument of its split). Two
 * rows p and r with fractional arcs to two columns a and b make a cycle of four arcs:
 * p → a ← r → b ← p. Pushing δ around it (+δ on p→a and r→b, −δ on r→a and p→b) keeps every
 * node in balance — rows and columns alike — so it is one of the pushes roundFlow makes, found
 * without a walk. Pushing as far as the bounds allow makes at least one of the four arcs
 * integral; the move is chosen as roundFlow chooses it (the smaller of the two, a tie going up).
 *
 * Rows are taken in order. Each row's first fractional arc is its anchor a; for each later
 * fractional arc b, the last row left with both a and b fractional (kept per pair of columns)
 * is its partner, and a push makes one of the four arcs integral. What remains fractional (about
 * one arc per row, plus one row per pair of columns) is left to roundFlow, whose proof covers
 * these pushes as it covers its own: they keep the flow within its bounds and in balance.
 *
 * This cuts the arcs roundFlow walks by about five in the benchmark's staffing tables (the
 * rounding stage's time by more than half); it changes no bound and no guarantee.
 */

/** Fractions within this of 0 or 1 are integral, as in roundFlow.ts. */
const EPS = 1e-7;
/** Moves closer than this are equal, as in roundFlow.ts. */
const TIE = 1e-6;
const SWEEPS = 3;

/** One row of a block: its first arc, and the column of each of its arcs (arc firstArc + j goes to column columns[j]). */
export interface BlockRow {
  firstArc: number;
  columns: ArrayLike<number>;
}

/**
 * Cancels the four-arc cycles between the rows of a block. `floor` and `fraction` hold each
 * arc's exact flow (floor + fraction, fraction in [0, 1)); an arc made integral gets fraction 0
 * and its floor raised where it went up. `width` bounds the column numbers (0 .. width − 1).
 */
export function cancelBlockCycles(
  rows: readonly BlockRow[],
  width: number,
  floor: Float64Array,
  fraction: Float64Array,
): void {
  // partner[a·width + b]: the arcs (to a and to b) of the last row left with both fractional.
  const partnerA = new Int32Array(width * width).fill(-1);
  const partnerB = new Int32Array(width * width);
  const live = (k: number): boolean => fraction[k] > 0;
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
  partnerA.fill(-1);
  for (const row of rows) {
    const { firstArc, columns } = row;
    const m = columns.length;
    let ja = -1;
    for (let jb = 0; jb < m; jb++) {
      const rb = firstArc + jb;
      if (!live(rb)) continue;
      if (ja >= 0) {
        const ra = firstArc + ja;
        const key = columns[ja] * width + columns[jb];
        const pa = partnerA[key];
        const pb = partnerB[key];
        if (pa >= 0 && live(pa) && live(pb)) push(pa, ra, rb, pb, floor, fraction);
        if (live(ra) && live(rb)) {
          partnerA[key] = ra;
          partnerB[key] = rb;
        }
        if (!live(rb)) continue;
      }
      ja = jb;
    }
  }
  }
}

/** Pushes around p → a ← r → b ← p: +δ on pa and rb, −δ on ra and pb. */
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
  const delta = up <= down + TIE ? up : -down;
  move(pa, delta, floor, fraction);
  move(ra, -delta, floor, fraction);
  move(rb, delta, floor, fraction);
  move(pb, -delta, floor, fraction);
}

function move(k: number, d: number, floor: Float64Array, fraction: Float64Array): void {
  const f = fraction[k] + d;
  if (f <= EPS) fraction[k] = 0;
  else if (f >= 1 - EPS) {
    floor[k] += 1;
    fraction[k] = 0;
  } else fraction[k] = f;
}
