import fc from "fast-check";
import { type BlockRow, cancelBlockCycles } from "../../src/engine/cancelBlockCycles";
import { roundFlow } from "../../src/engine/roundFlow";

/** A block: rows of arcs to some of `width` columns, each arc's exact flow as floor + fraction. */
interface Block {
  width: number;
  rows: BlockRow[];
  floor: Float64Array;
  fraction: Float64Array;
}

/** Row r's arcs: one to each column in `columns`, with the exact flows given. */
function block(width: number, rows: { columns: number[]; exact: number[] }[]): Block {
  const arcs = rows.reduce((a, r) => a + r.columns.length, 0);
  const floor = new Float64Array(arcs);
  const fraction = new Float64Array(arcs);
  let k = 0;
  const out: BlockRow[] = rows.map((r) => {
    const firstArc = k;
    for (const x of r.exact) {
      floor[k] = Math.floor(x);
      fraction[k] = x - Math.floor(x);
      k++;
    }
    return { firstArc, columns: r.columns, sourceArc: -1 };
  });
  return { width, rows: out, floor, fraction };
}

/** Each row's sum and each column's sum of the block's exact flows. */
function sums(b: Block): { rows: number[]; columns: number[] } {
  const columns = new Array<number>(b.width).fill(0);
  const rows = b.rows.map((r) => {
    let s = 0;
    for (let j = 0; j < r.columns.length; j++) {
      const x = b.floor[r.firstArc + j] + b.fraction[r.firstArc + j];
      s += x;
      columns[r.columns[j]] += x;
    }
    return s;
  });
  return { rows, columns };
}

const fractional = (b: Block): number => b.fraction.filter((f) => f > 0).length;

/** Random blocks: rows over distinct columns (in a random order), exact flows to 1/1000. */
const blocks = fc.integer({ min: 2, max: 8 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    rows: fc.array(
      fc
        .uniqueArray(fc.integer({ min: 0, max: width - 1 }), { minLength: 1, maxLength: width })
        .chain((columns) =>
          fc.record({
            columns: fc.constant(columns),
            exact: fc.array(
              fc.integer({ min: 0, max: 100000 }).map((v) => v / 1000),
              {
                minLength: columns.length,
                maxLength: columns.length,
              },
            ),
          }),
        ),
      { minLength: 1, maxLength: 12 },
    ),
  }),
);

describe("cancelBlockCycles", () => {
  it("keeps every row's and column's sum, moves each arc only between its floor and ceiling, and leaves no more fractional arcs", () => {
    fc.assert(
      fc.property(blocks, ({ width, rows }) => {
        const b = block(width, rows);
        const before = sums(b);
        const floors = Float64Array.from(b.floor);
        const count = fractional(b);
        cancelBlockCycles(b.rows, b.width, b.floor, b.fraction);
        const after = sums(b);
        before.rows.forEach((s, r) => expect(after.rows[r]).toBeCloseTo(s, 6));
        before.columns.forEach((s, c) => expect(after.columns[c]).toBeCloseTo(s, 6));
        for (let k = 0; k < b.floor.length; k++) {
          expect(b.fraction[k] >= 0 && b.fraction[k] < 1).toBe(true);
          // The floor, or the ceiling (floor + 1, fraction 0): never outside the exact value's bounds.
          if (b.floor[k] !== floors[k]) expect([b.floor[k], b.fraction[k]]).toEqual([floors[k] + 1, 0]);
        }
        expect(fractional(b)).toBeLessThanOrEqual(count);
      }),
      { numRuns: 2000 },
    );
  });

  it("with the rows fed by one source: keeps every row in balance and the source's total, each arc between its floor and ceiling", () => {
    fc.assert(
      fc.property(blocks, ({ width, rows }) => {
        // Each row's source arc carries the row's cost (the sum of its shares), laid out before its shares.
        const arcs = rows.reduce((a, r) => a + r.columns.length + 1, 0);
        const floor = new Float64Array(arcs);
        const fraction = new Float64Array(arcs);
        let k = 0;
        const put = (x: number): number => {
          floor[k] = Math.floor(x);
          fraction[k] = x - Math.floor(x);
          return k++;
        };
        const blockRows: BlockRow[] = rows.map((r) => {
          const sourceArc = put(r.exact.reduce((a, x) => a + x, 0));
          const firstArc = k;
          r.exact.forEach(put);
          return { firstArc, columns: r.columns, sourceArc };
        });
        const value = (a: number): number => floor[a] + fraction[a];
        const columnSums = (): number[] => {
          const c = new Array<number>(width).fill(0);
          for (const r of blockRows)
            for (let j = 0; j < r.columns.length; j++) c[r.columns[j]] += value(r.firstArc + j);
          return c;
        };
        const sourceTotal = (): number => blockRows.reduce((a, r) => a + value(r.sourceArc), 0);
        const before = { columns: columnSums(), source: sourceTotal(), floors: Float64Array.from(floor) };
        const count = fraction.filter((f) => f > 0).length;
        cancelBlockCycles(blockRows, width, floor, fraction);
        for (const r of blockRows) {
          let out = 0;
          for (let j = 0; j < r.columns.length; j++) out += value(r.firstArc + j);
          expect(out).toBeCloseTo(value(r.sourceArc), 6);
        }
        columnSums().forEach((s, c) => expect(s).toBeCloseTo(before.columns[c], 6));
        expect(sourceTotal()).toBeCloseTo(before.source, 6);
        for (let a = 0; a < arcs; a++) {
          expect(fraction[a] >= 0 && fraction[a] < 1).toBe(true);
          if (floor[a] !== before.floors[a])
            expect([floor[a], fraction[a]]).toEqual([before.floors[a] + 1, 0]);
        }
        expect(fraction.filter((f) => f > 0).length).toBeLessThanOrEqual(count);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves few fractional arcs in a staffing table: 200 posts of odd cost split equally by 30", () => {
    const columns = Array.from({ length: 30 }, (_, i) => i);
    const b = block(
      30,
      Array.from({ length: 200 }, (_, r) => ({ columns, exact: columns.map(() => (100001 + 2 * r) / 30) })),
    );
    const before = fractional(b);
    cancelBlockCycles(b.rows, b.width, b.floor, b.fraction);
    expect(before).toBe(6000);
    // A forest over 200 rows and 30 columns has at most 229 arcs; the sweeps come near it.
    expect(fractional(b)).toBeLessThan(before / 5);
  });

  it("leaves a flow that roundFlow rounds with every arc at its floor or ceiling", () => {
    // root → row r (its cost) → column c → root: the block inside a circulation.
    const width = 3;
    const exact = [
      [3.9, 6.3, 1.1],
      [1.3, 2.1, 0.4],
      [0.7, 0.2, 5.5],
    ];
    const b = block(
      width,
      exact.map((x) => ({ columns: [0, 1, 2], exact: x })),
    );
    cancelBlockCycles(b.rows, b.width, b.floor, b.fraction);
    const tail: number[] = [];
    const head: number[] = [];
    const floor: number[] = [];
    const fraction: number[] = [];
    const arc = (t: number, h: number, x: number, f = Math.floor(x), fr = x - Math.floor(x)): void => {
      tail.push(t);
      head.push(h);
      floor.push(f);
      fraction.push(fr);
    };
    // Nodes: 0 root, 1..3 rows, 4..6 columns.
    exact.forEach((x, r) =>
      arc(
        0,
        1 + r,
        x.reduce((a, v) => a + v, 0),
      ),
    );
    b.rows.forEach((row, r) =>
      Array.from(row.columns).forEach((c, j) =>
        arc(1 + r, 4 + Number(c), 0, b.floor[row.firstArc + j], b.fraction[row.firstArc + j]),
      ),
    );
    [0, 1, 2].forEach((c) =>
      arc(
        4 + c,
        0,
        exact.reduce((a, x) => a + x[c], 0),
      ),
    );
    const flow = roundFlow({
      nodeCount: 7,
      arcCount: tail.length,
      tail: Int32Array.from(tail),
      head: Int32Array.from(head),
      floor: Float64Array.from(floor),
      fraction: Float64Array.from(fraction),
    });
    exact.flat().forEach((x, k) => {
      const v = flow[3 + k];
      expect(v === Math.floor(x) || v === Math.ceil(x)).toBe(true);
    });
  });
});
