import fc from "fast-check";
import { FlowBuilder, sum } from "../../src/engine/flowBuilder";
import { type FlowNetwork, roundFlow } from "../../src/engine/roundFlow";
import { type ArcTargets, steerFlow } from "../../src/engine/steerFlow";

/** A table of exact cells as a circulation: root → row → cell → column → root. */
function tableNetwork(cells: number[][]): FlowNetwork {
  const net = new FlowBuilder();
  const root = net.node();
  const rows = net.nodes(cells.length);
  const columns = net.nodes(cells[0].length);
  const colFloor = new Array<number>(cells[0].length).fill(0);
  const colFraction = new Array<number>(cells[0].length).fill(0);
  cells.forEach((row, r) => {
    let f = 0;
    let fr = 0;
    const rowArcs: [number, number, number][] = [];
    row.forEach((x, c) => {
      const xf = Math.floor(x);
      rowArcs.push([c, xf, x - xf]);
      f += xf;
      fr += x - xf;
      colFloor[c] += xf;
      colFraction[c] += x - xf;
    });
    const total = sum(f, fr);
    net.arc(root, rows + r, total.floor, total.fraction);
    for (const [c, xf, xfr] of rowArcs) net.arc(rows + r, columns + c, xf, xfr);
  });
  colFloor.forEach((f, c) => {
    const total = sum(f, colFraction[c]);
    net.arc(columns + c, root, total.floor, total.fraction);
  });
  return net.build();
}

/** The same network with its arcs in reverse order: roundFlow finds other cycles, so another rounding. */
function otherRounding(net: FlowNetwork): Float64Array {
  const m = net.arcCount;
  const rev = <T extends Int32Array | Float64Array>(a: T): T => a.slice(0, m).reverse() as T;
  const flow = roundFlow({
    nodeCount: net.nodeCount,
    arcCount: m,
    tail: rev(net.tail),
    head: rev(net.head),
    floor: rev(net.floor),
    fraction: rev(net.fraction),
  });
  return flow.reverse();
}

/** Every arc at its floor or ceiling, every node in balance. */
function expectValid(net: FlowNetwork, flow: Float64Array): void {
  const balance = new Float64Array(net.nodeCount);
  for (let a = 0; a < net.arcCount; a++) {
    const lo = net.floor[a];
    const hi = net.fraction[a] > 0 ? lo + 1 : lo;
    expect(flow[a] === lo || flow[a] === hi).toBe(true);
    balance[net.tail[a]] -= flow[a];
    balance[net.head[a]] += flow[a];
  }
  for (const b of balance) expect(b).toBe(0);
}

const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 2, max: 6 }) })
  .chain(({ rows, columns }) =>
    fc.array(
      fc.array(fc.double({ min: 0, max: 50, noNaN: true, noDefaultInfinity: true }), {
        minLength: columns,
        maxLength: columns,
      }),
      { minLength: rows, maxLength: rows },
    ),
  );

describe("steerFlow", () => {
  it("reaches any other valid rounding when every arc is given its value in it", () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const net = tableNetwork(cells);
        const flow = roundFlow(net);
        const wanted = otherRounding(net);
        const groups: ArcTargets[] = Array.from(wanted, (value, arc) => [{ arc, value }]);
        steerFlow(net, flow, [groups]);
        expect(Array.from(flow)).toEqual(Array.from(wanted));
      }),
      { numRuns: 1000 },
    );
  });

  it("moves a group all together or not at all, keeps every bound and sum, and never undoes a group it met", () => {
    fc.assert(
      fc.property(
        tables,
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (cells, picks) => {
          const net = tableNetwork(cells);
          const flow = roundFlow(net);
          const before = Float64Array.from(flow);
          // Groups of arcs (no arc in two groups, as an instrument's figures are its own) wanted
          // at their other bound, or where they are.
          const used = new Set<number>();
          const groups: ArcTargets[] = picks
            .map((g) =>
              g.flatMap((p) => {
                const arc = p % net.arcCount;
                if (used.has(arc)) return [];
                used.add(arc);
                const other = flow[arc] === net.floor[arc] ? net.floor[arc] + 1 : net.floor[arc];
                return [{ arc, value: net.fraction[arc] > 0 && p % 2 === 0 ? other : flow[arc] }];
              }),
            )
            .filter((g) => g.length > 0);
          const met = (f: Float64Array, g: ArcTargets) => g.every(({ arc, value }) => f[arc] === value);
          const metBefore = groups.map((g) => met(before, g));
          const moved = steerFlow(net, flow, [groups]);
          expectValid(net, flow);
          groups.forEach((g, k) => {
            if (metBefore[k]) expect(met(flow, g)).toBe(true);
          });
          // A group that cannot be met is put back as it was (later groups may move its arcs,
          // as any other arc: so this is seen with one group).
          if (groups.length === 1 && !met(flow, groups[0]))
            for (const { arc } of groups[0]) expect(flow[arc]).toBe(before[arc]);
          expect(moved).toBeLessThanOrEqual(metBefore.filter((m) => !m).length);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("puts a group back as it was when only part of it can move", () => {
    // Three rows of 0.4 make 1.2: one row at least is rounded down to 0, both its cells too.
    const net = tableNetwork([
      [0.2, 0.2],
      [0.2, 0.2],
      [0.2, 0.2],
    ]);
    const flow = roundFlow(net);
    const before = Float64Array.from(flow);
    const arcOf = (tail: number, head: number) =>
      Array.from({ length: net.arcCount }, (_, a) => a).find(
        (a) => net.tail[a] === tail && net.head[a] === head,
      ) as number;
    // Nodes: root 0, rows 1-3, columns 4-5.
    const row = [1, 2, 3].find((r) => flow[arcOf(0, r)] === 0) as number;
    const [total, cell, other] = [arcOf(0, row), arcOf(row, 4), arcOf(row, 5)];
    expect([flow[total], flow[cell], flow[other]]).toEqual([0, 0, 0]);
    // Each cell may go up to 1, but not both: the row's total (0.4) can only go up by one. The
    // first cell goes up with the total; the second cannot then; the group is put back as it was.
    const group = [
      { arc: cell, value: 1 },
      { arc: other, value: 1 },
    ];
    expect(steerFlow(net, flow, [[group]])).toBe(0);
    expect(Array.from(flow)).toEqual(Array.from(before));
    // Either alone can.
    expect(steerFlow(net, flow, [[[group[0]]]])).toBe(1);
    expect([flow[total], flow[cell], flow[other]]).toEqual([1, 1, 0]);
    expectValid(net, flow);
  });

  it("moves one cell of a table and its row and column with another cell", () => {
    // 0.5 everywhere: each row and column total is 1, each cell 0 or 1.
    const net = tableNetwork([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    const flow = roundFlow(net);
    // The arc row 0 → column 0 (nodes: root 0, rows 1-2, columns 3-4).
    const arc = Array.from({ length: net.arcCount }, (_, a) => a).find(
      (a) => net.tail[a] === 1 && net.head[a] === 3,
    ) as number;
    expect(arc).toBeDefined();
    const wanted = 1 - flow[arc];
    expect(steerFlow(net, flow, [[[{ arc, value: wanted }]]])).toBe(1);
    expect(flow[arc]).toBe(wanted);
    expectValid(net, flow);
  });

  it("lets a tier move a later tier's arcs, and never a group an earlier tier met", () => {
    // 0.5 everywhere: the cells of a row, and of a column, can only move together, crosswise.
    const net = tableNetwork([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    const arcOf = (tail: number, head: number) =>
      Array.from({ length: net.arcCount }, (_, a) => a).find(
        (a) => net.tail[a] === tail && net.head[a] === head,
      ) as number;
    const [a, b] = [arcOf(1, 3), arcOf(2, 3)];
    const flow = roundFlow(net);
    const keep = [{ arc: b, value: flow[b] }];
    const flip = [{ arc: a, value: 1 - flow[a] }];
    // Flipping a flips b: first, a later tier's b at its value does not hold it.
    const first = Float64Array.from(flow);
    expect(steerFlow(net, first, [[flip], [keep]])).toBe(1);
    expect([first[a], first[b]]).toEqual([1 - flow[a], 1 - flow[b]]);
    // Then an earlier tier's b, met, holds: a cannot flip.
    const second = Float64Array.from(flow);
    expect(steerFlow(net, second, [[keep], [flip]])).toBe(0);
    expect(Array.from(second)).toEqual(Array.from(flow));
  });
});
