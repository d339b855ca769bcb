import { InvariantError } from "../errors";
import { FlowBuilder, sum } from "../flowBuilder";
import type { Split } from "../makeSplit";
import { roundFlow } from "../roundFlow";
import type { CategoryTable } from "./CategoryTable";
import type { Lines } from "./costLines";
import { dealRow } from "./dealRow";
import type { InstrumentIndex } from "./indexInstruments";
import { addRows } from "./addRows";
import type { SupportLinks } from "./linkSupport";
import { compareNames, rankNames } from "./rankNames";
import { rowsOf, type Row } from "./rowsOf";
import type { UnitTable } from "./UnitTable";

/** What roundShares needs: the costed lines, the units with their splits, and where support lands. */
export interface ShareInputs {
  lines: Lines;
  units: UnitTable;
  links: SupportLinks;
  /** The operating units (UnitTable numbers), as `reach` numbers them. */
  operating: readonly number[];
  /** reach[t][o]: the fraction of support unit links.providers[t]'s cost reaching operating[o]. */
  reach: readonly (readonly number[])[];
  index: InstrumentIndex;
  categories: CategoryTable;
}

/** The rounded shares of the operating lines and units, and what the support units passed on. */
export interface RoundedShares {
  /** Line k's share of instrument i in year y at lineShares[(k·Y + y)·n + i]; support lines are 0 here. */
  lineShares: Float64Array;
  /** By UnitTable number: an operating unit's shares (own lines and support received), year-major (y·n + i). */
  unitShares: (Float64Array | undefined)[];
  /** By UnitTable number: the support an operating unit received, per year. */
  received: (number[] | undefined)[];
  /** By support unit (links.providers order): its cost as it reached the instruments, year-major. */
  supportShares: Float64Array[];
  /** By support unit, by UnitTable number of the receiving unit: the amount passed on each year. */
  passedOn: Map<number, number[]>[];
  /** Each instrument's direct share per year, year-major (y·n + i). */
  direct: Float64Array;
  /** The operating lines' shares over the period by category: byCategory[c·n + i]. */
  byCategory: Float64Array;
}

/**
 * Splits every operating line and every support unit's cost over the instruments and rounds the
 * whole table at once, by controlled rounding (roundFlow.ts). The network:
 *
 *   root → line (its cost, fixed) → unit-year-category-instrument → unit-year-instrument
 *   root → support unit-year (its cost, fixed) → passed on to a unit ──────────→ unit-year-instrument
 *   unit-year-instrument → year-instrument → instrument → root
 *
 * Every arc carries the floor or the ceiling of its exact value. So every line's share of each
 * instrument, the support passed on to each unit each year, each cell of the yearly annex tables
 * (unit × instrument, support received included), and each instrument's total per year and for
 * the period are within one rounding step of exact, and every sum holds. Figures that add up
 * cells across this chain carry the sum of their bounds: a unit over the period is within Y steps
 * (one per year); a category over the period, within one step per unit-year that holds it.
 *
 * Rows and instruments enter the network in a canonical order (units and instruments by name,
 * then year, category, split and cost), so reordering the input's lines or instruments changes
 * no total.
 */
export function roundShares(input: ShareInputs): RoundedShares {
  const { lines, units, links, index, categories } = input;
  const Y = lines.years;
  const n = index.codes.length;
  const operating = input.operating.filter((u) => units.list[u].split !== undefined);
  const opOrder = [...operating].sort((a, b) => compareNames(units.list[a].name, units.list[b].name));
  const O = opOrder.length;
  /** UnitTable number → place in opOrder (−1: not an operating unit with a split). */
  const place = new Int32Array(units.list.length).fill(-1);
  opOrder.forEach((u, o) => (place[u] = o));

  const net = new FlowBuilder(lines.count * Y * 8 + 64);
  const root = net.node();
  const instrumentNode = net.nodes(n);
  const yearNode = net.nodes(Y * n);
  const cellNode = net.nodes(O * Y * n);
  // Exact flow into each unit-year-instrument cell (o·Y + y)·n + i, as floor + fraction.
  const cellFloor = new Float64Array(O * Y * n);
  const cellFraction = new Float64Array(O * Y * n);

  // Operating lines, unit by unit.
  const rows: Row[] = [];
  const categoryArcs: number[] = [];
  const catRank = rankNames(categories.names);
  for (const u of opOrder) {
    const o = place[u];
    const unit = units.list[u];
    const unitSplit = unit.split as Split;
    const unitRows = rowsOf(unit.lines, lines, (k) => lines.own[k] ?? unitSplit, catRank, index.canonical);
    addRows(net, root, unitRows, n, index.canonical, {
      node: (y, i) => cellNode + (o * Y + y) * n + i,
      add(y, category, i, floor, fraction, arc) {
        const cell = (o * Y + y) * n + i;
        cellFloor[cell] += floor;
        cellFraction[cell] += fraction;
        categoryArcs.push(arc, category * n + i);
      },
    });
    for (const r of unitRows) rows.push(r);
  }

  // Support units, by name: each year's cost passed on to the operating units it reaches.
  const supportOrder = links.providers
    .map((_, t) => t)
    .sort((a, b) => compareNames(units.list[links.providers[a]].name, units.list[links.providers[b]].name));
  const opSlot = new Map(input.operating.map((u, o) => [u, o]));
  const passedArcs: { t: number; u: number; y: number; arc: number }[] = [];
  const supportArcs: { t: number; y: number; i: number; arc: number }[] = [];
  for (const t of supportOrder) {
    const unit = units.list[links.providers[t]];
    for (let y = 0; y < Y; y++) {
      let total = 0;
      for (const k of unit.lines) total += lines.totals[k * Y + y];
      if (total === 0) continue;
      const node = net.node();
      net.arc(root, node, total, 0);
      for (const u of opOrder) {
        const reach = input.reach[t][opSlot.get(u) as number];
        if (!(reach > 0)) continue;
        const split = units.list[u].split as Split;
        const passed = net.node();
        passedArcs.push({ t, u, y, arc: net.arcOf(node, passed, total * reach) });
        for (const i of split.participants) {
          const exact = (total * reach * split.weights[i]) / split.sum;
          const cell = (place[u] * Y + y) * n + i;
          const arc = net.arcOf(passed, cellNode + cell, exact);
          supportArcs.push({ t, y, i, arc });
          const f = Math.floor(exact);
          cellFloor[cell] += f;
          cellFraction[cell] += exact - f;
        }
      }
    }
  }

  // The table's margins: unit-year-instrument → year-instrument → instrument → root.
  const cellArc = new Int32Array(O * Y * n).fill(-1);
  const yearFloor = new Float64Array(Y * n);
  const yearFraction = new Float64Array(Y * n);
  for (let o = 0; o < O; o++) {
    for (let y = 0; y < Y; y++) {
      for (const i of index.canonical) {
        const cell = (o * Y + y) * n + i;
        if (cellFloor[cell] === 0 && cellFraction[cell] === 0) continue;
        const total = sum(cellFloor[cell], cellFraction[cell]);
        cellArc[cell] = net.arc(cellNode + cell, yearNode + y * n + i, total.floor, total.fraction);
        yearFloor[y * n + i] += total.floor;
        yearFraction[y * n + i] += total.fraction;
      }
    }
  }
  const yearArc = new Int32Array(Y * n).fill(-1);
  const periodFloor = new Float64Array(n);
  const periodFraction = new Float64Array(n);
  for (let y = 0; y < Y; y++) {
    for (const i of index.canonical) {
      const total = sum(yearFloor[y * n + i], yearFraction[y * n + i]);
      yearArc[y * n + i] = net.arc(yearNode + y * n + i, instrumentNode + i, total.floor, total.fraction);
      periodFloor[i] += total.floor;
      periodFraction[i] += total.fraction;
    }
  }
  for (const i of index.canonical) {
    const total = sum(periodFloor[i], periodFraction[i]);
    net.arc(instrumentNode + i, root, total.floor, total.fraction);
  }

  const flow = roundFlow(net.build());

  // Read the rounded table back.
  const lineShares = new Float64Array(lines.count * Y * n);
  for (const row of rows) dealRow(row, flow, lineShares, Y, n);
  const unitShares = new Array<Float64Array | undefined>(units.list.length).fill(undefined);
  const received = new Array<number[] | undefined>(units.list.length).fill(undefined);
  for (const u of opOrder) {
    const o = place[u];
    const shares = new Float64Array(Y * n);
    for (let c = 0; c < Y * n; c++) {
      const arc = cellArc[o * Y * n + c];
      if (arc >= 0) shares[c] = flow[arc];
    }
    unitShares[u] = shares;
    received[u] = new Array<number>(Y).fill(0);
  }
  const passedOn = links.providers.map(() => new Map<number, number[]>());
  for (const { t, u, y, arc } of passedArcs) {
    const amounts = passedOn[t].get(u) ?? new Array<number>(Y).fill(0);
    passedOn[t].set(u, amounts);
    amounts[y] += flow[arc];
    (received[u] as number[])[y] += flow[arc];
  }
  const supportShares = links.providers.map(() => new Float64Array(Y * n));
  for (const { t, y, i, arc } of supportArcs) supportShares[t][y * n + i] += flow[arc];
  const direct = new Float64Array(Y * n);
  for (let c = 0; c < Y * n; c++) if (yearArc[c] >= 0) direct[c] = flow[yearArc[c]];
  const byCategory = new Float64Array(categories.names.length * n);
  for (let j = 0; j < categoryArcs.length; j += 2) byCategory[categoryArcs[j + 1]] += flow[categoryArcs[j]];
  checkUnitsAddUp(unitShares, direct, Y, n);
  return { lineShares, unitShares, received, supportShares, passedOn, direct, byCategory };
}

/** The units' shares must add up to the instruments' (the flow balances; this guards the reading back). */
function checkUnitsAddUp(
  unitShares: readonly (Float64Array | undefined)[],
  direct: Float64Array,
  Y: number,
  n: number,
): void {
  const total = new Float64Array(Y * n);
  for (const s of unitShares) if (s !== undefined) for (let c = 0; c < Y * n; c++) total[c] += s[c];
  for (let c = 0; c < Y * n; c++) {
    if (total[c] !== direct[c])
      throw new InvariantError(`Units add up to ${total[c]}, instruments to ${direct[c]}.`);
  }
}
