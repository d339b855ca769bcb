import { InvariantError } from "../errors";
import { FlowBuilder, sum } from "../flowBuilder";
import type { Split } from "../makeSplit";
import { roundFlow } from "../roundFlow";
import type { CategoryTable } from "./CategoryTable";
import type { Lines } from "./costLines";
import { dealRow } from "./dealRow";
import type { InstrumentIndex } from "./indexInstruments";
import { figureKey, type Headline, ON_ITS_OWN, type Steering } from "../headline";
import { addPsc, type PscShares } from "./addPsc";
import { addRows } from "./addRows";
import type { SupportLinks } from "./linkSupport";
import { compareNames, rankNames } from "./rankNames";
import { rowsOf, type Row } from "./rowsOf";
import { headlineOf, RANK, sameAs, steerByRank, type SteeredFigure, steeredFigure } from "./steeredFigures";
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
  /** Programme support costs, rounded with the direct shares (addPsc.ts). */
  psc: PscShares;
  /** The operating lines' shares over the period by category: byCategory[c·n + i]. */
  byCategory: Float64Array;
  /** The published figures, exact and rounded, to steer another computation's by (see Headline). */
  headline: Headline;
}

/**
 * Splits every operating line and every support unit's cost over the instruments and rounds the
 * whole table at once, by controlled rounding (roundFlow.ts), the costs themselves included. The
 * network:
 *
 *   root → grand total → period → year → unit-year → line → unit-year-category-instrument → unit-year-instrument
 *                                 year → support unit-year → passed on to a unit ─────────→ unit-year-instrument
 *   unit-year-instrument → year-instrument → instrument → instrument's total with PSC → root
 *   grand total → PSC … → instrument's total with PSC (programme support costs: addPsc.ts)
 *
 * Every arc carries the floor or the ceiling of its exact value. So the grand total, each year's,
 * each unit's cost in each year, every line's cost and its share of each instrument, the support
 * passed on to each unit each year, each cell of the yearly annex tables (unit × instrument,
 * support received included), and each instrument's total per year and for the period are within
 * one rounding step of their exact values — computed from the unrounded costs — and every sum
 * holds; so are the PSC figures and the totals with PSC that addPsc.ts lists. (Rounding each
 * line's cost first would make the totals those of the rounded costs: off the exact ones by up to
 * half a step per line.) Sets lines.totals to the rounded costs; a support unit's lines share its
 * rounded cost each year by largest remainder, each within a step. Figures that add up cells
 * across this chain carry the sum of their bounds: a unit over the period is within Y steps (one
 * per year); a category over the period, within one step per unit-year that holds it.
 *
 * Rows and instruments enter the network in a canonical order (units and instruments by name,
 * then year, category, split and cost), so reordering the input's lines or instruments changes
 * no total.
 *
 * `steer`: figures computed before (headline.ts): the options before this one in the run, then
 * what earlier runs published. A published figure — an instrument's direct share, PSC or total,
 * for the period or a year; a grand total; a unit's cost in a year, an instrument's share of it,
 * what a support unit passed on to it — whose exact value is that of the same figure computed
 * before is steered to that computation's rounded value (steerFlow.ts: moves along cycles, so
 * every bound above still holds), so that an option or an edit that leaves a figure alone shows
 * it unchanged. First by the options, then by what was published, holding the first pass's
 * figures where the second has none to give.
 */
export function roundShares(
  input: ShareInputs,
  pscRate: number,
  steer: Steering = ON_ITS_OWN,
): RoundedShares {
  const steered = steer.options.length > 0 || steer.published.length > 0;
  const table = new ShareTable(input, pscRate);
  for (const u of table.operatingByName) table.addOperatingUnit(u);
  for (const t of table.supportByName) table.addSupportUnit(t);
  table.addMargins();
  const net = table.net.build();
  const flow = roundFlow(net);
  if (steered) {
    // Steered within the bounds as the walk had them: an arc the block stage made integral stays
    // (its exact value is no longer at hand). Searching from the exact values instead keeps as
    // many figures (2, 8 and 70 apart either way in optionsSteering.property.test.ts) and
    // searches six times as many arcs.
    const byOptions = sameAs(table.figures, steer.options);
    if (byOptions.length > 0) steerByRank(net, flow, byOptions);
    const published = sameAs(table.figures, steer.published);
    if (published.length > 0) {
      const given = new Set(published.map((p) => p.group));
      const held = byOptions
        .filter((t) => !given.has(t.group))
        .map((t) => ({ ...t, targets: t.targets.map(({ arc }) => ({ arc, value: flow[arc] })) }));
      steerByRank(net, flow, [...published, ...held]);
    }
  }
  return table.read(flow);
}

/** The network of roundShares, built unit by unit, and read back once rounded. */
class ShareTable {
  readonly net: FlowBuilder;
  /** Operating units with a split (UnitTable numbers), by name. */
  readonly operatingByName: number[];
  /** Support units (links.providers positions), by name. */
  readonly supportByName: number[];
  private readonly Y: number;
  private readonly n: number;
  /** UnitTable number → place in operatingByName (−1: not an operating unit with a split). */
  private readonly place: Int32Array;
  private readonly root: number;
  /** The period's cost node; year y's is yearCostNode + y. */
  private readonly periodNode: number;
  private readonly yearCostNode: number;
  // Exact cost of each year, as floor + fraction.
  private readonly costFloor: Float64Array;
  private readonly costFraction: Float64Array;
  /** The arc carrying each support unit's cost in a year. */
  private readonly supportCostArcs: { t: number; y: number; arc: number }[] = [];
  private readonly instrumentNode: number;
  private readonly yearNode: number;
  /** Node of the unit-year-instrument cell (o·Y + y)·n + i is cellNode + that index. */
  private readonly cellNode: number;
  // Exact flow into each cell, as floor + fraction (kept apart so that sums stay exact).
  private readonly cellFloor: Float64Array;
  private readonly cellFraction: Float64Array;
  private readonly cellArc: Int32Array;
  private readonly yearArc: Int32Array;
  private readonly rows: Row[] = [];
  /** Pairs (arc, c·n + i): the arcs carrying a category's figure into a cell. */
  private readonly categoryArcs: number[] = [];
  private readonly passedArcs: { t: number; u: number; y: number; arc: number }[] = [];
  private readonly supportArcs: { t: number; y: number; i: number; arc: number }[] = [];
  private readonly categoryRank: Int32Array;
  private readPsc: (flow: Float64Array) => PscShares = () => {
    throw new InvariantError("The margins were not added.");
  };
  /** The figures published from the network's arcs, to steer by (steeredFigures.ts). */
  readonly figures: SteeredFigure[] = [];

  constructor(
    private readonly input: ShareInputs,
    private readonly pscRate: number,
  ) {
    const { lines, units, links, index, categories } = input;
    this.Y = lines.years;
    this.n = index.codes.length;
    const byName = (a: string, b: string): number => compareNames(a, b);
    this.operatingByName = input.operating
      .filter((u) => units.list[u].split !== undefined)
      .sort((a, b) => byName(units.list[a].name, units.list[b].name));
    this.supportByName = links.providers
      .map((_, t) => t)
      .sort((a, b) => byName(units.list[links.providers[a]].name, units.list[links.providers[b]].name));
    this.place = new Int32Array(units.list.length).fill(-1);
    this.operatingByName.forEach((u, o) => (this.place[u] = o));
    const cells = this.operatingByName.length * this.Y * this.n;
    this.net = new FlowBuilder(lines.count * this.Y * 8 + 64);
    this.root = this.net.node();
    this.periodNode = this.net.node();
    this.yearCostNode = this.net.nodes(this.Y);
    this.costFloor = new Float64Array(this.Y);
    this.costFraction = new Float64Array(this.Y);
    this.instrumentNode = this.net.nodes(this.n);
    this.yearNode = this.net.nodes(this.Y * this.n);
    this.cellNode = this.net.nodes(cells);
    this.cellFloor = new Float64Array(cells);
    this.cellFraction = new Float64Array(cells);
    this.cellArc = new Int32Array(cells).fill(-1);
    this.yearArc = new Int32Array(this.Y * this.n).fill(-1);
    this.categoryRank = rankNames(categories.names);
  }

  /** An operating unit's lines: year → unit-year → row → (year, category, instrument) block → unit-year-instrument cell. */
  addOperatingUnit(u: number): void {
    const { lines, units, index } = this.input;
    const { Y, n, net } = this;
    const o = this.place[u];
    const unitSplit = units.list[u].split as Split;
    const unitRows = rowsOf(
      units.list[u].lines,
      lines,
      lines.exact,
      (k) => lines.own[k] ?? unitSplit,
      this.categoryRank,
      index.canonical,
    );
    // The unit's cost each year: one node the year's rows draw from, fed from the year's cost node.
    const unitFloor = new Float64Array(Y);
    const unitFraction = new Float64Array(Y);
    for (const r of unitRows) {
      const exact = r.members.length * r.total;
      const f = Math.floor(exact);
      unitFloor[r.year] += f;
      unitFraction[r.year] += exact - f;
    }
    const unitYear = net.nodes(Y);
    for (let y = 0; y < Y; y++) {
      if (unitFloor[y] === 0 && unitFraction[y] === 0) continue;
      const cost = sum(unitFloor[y], unitFraction[y]);
      const arc = net.arc(this.yearCostNode + y, unitYear + y, cost.floor, cost.fraction);
      this.publish(figureKey("unit", "cost", y, units.list[u].name), RANK.unit, arc, cost);
      this.addToCost(y, cost.floor, cost.fraction);
    }
    addRows(net, unitRows, n, index.canonical, {
      source: (y) => unitYear + y,
      node: (y, i) => this.cellNode + (o * Y + y) * n + i,
      add: (y, category, i, floor, fraction, arc) => {
        this.addToCell((o * Y + y) * n + i, floor, fraction);
        this.categoryArcs.push(arc, category * n + i);
      },
    });
    for (const r of unitRows) this.rows.push(r);
  }

  /** A support unit's cost each year: root → support unit-year → passed on to a unit → its cells. */
  addSupportUnit(t: number): void {
    const { lines, units, links, operating, reach, index } = this.input;
    const { Y, n, net } = this;
    const unit = units.list[links.providers[t]];
    for (let y = 0; y < Y; y++) {
      let total = 0;
      for (const k of unit.lines) total += lines.exact[k * Y + y];
      if (total === 0) continue;
      const node = net.node();
      const costArc = net.arcOf(this.yearCostNode + y, node, total);
      this.supportCostArcs.push({ t, y, arc: costArc });
      const f = Math.floor(total);
      this.publish(figureKey("unit", "cost", y, unit.name), RANK.unit, costArc, {
        floor: f,
        fraction: total - f,
      });
      this.addToCost(y, f, total - f);
      for (const u of this.operatingByName) {
        const share = reach[t][operating.indexOf(u)];
        if (!(share > 0)) continue;
        const split = units.list[u].split as Split;
        const passed = net.node();
        let floors = 0;
        let fractions = 0;
        for (const i of split.participants) {
          const exact = (total * share * split.weights[i]) / split.sum;
          const cell = (this.place[u] * Y + y) * n + i;
          const arc = net.arcOf(passed, this.cellNode + cell, exact);
          this.supportArcs.push({ t, y, i, arc });
          const f = Math.floor(exact);
          // Each part of what the support unit passed on to an instrument: kept, they keep its row.
          const key = figureKey("support", "direct", y, unit.name, units.list[u].name, index.codes[i]);
          this.publish(key, RANK.support, arc, { floor: f, fraction: exact - f });
          this.addToCell(cell, f, exact - f);
          floors += f;
          fractions += exact - f;
        }
        // What is passed on is exactly the sum of what it becomes in each instrument's cell.
        const passedOn = sum(floors, fractions);
        const arc = net.arc(node, passed, passedOn.floor, passedOn.fraction);
        this.passedArcs.push({ t, u, y, arc });
        this.publish(
          figureKey("passed", "cost", y, unit.name, units.list[u].name),
          RANK.passed,
          arc,
          passedOn,
        );
      }
    }
  }

  /** The table's margins: unit-year-instrument → year-instrument → instrument → root; root → period → year. */
  addMargins(): void {
    const { Y, n, net } = this;
    let costFloor = 0;
    let costFraction = 0;
    for (let y = 0; y < Y; y++) {
      const cost = sum(this.costFloor[y], this.costFraction[y]);
      const arc = net.arc(this.periodNode, this.yearCostNode + y, cost.floor, cost.fraction);
      this.publish(figureKey("grand", "direct", y), RANK.grand, arc, cost);
      costFloor += cost.floor;
      costFraction += cost.fraction;
    }
    const period = sum(costFloor, costFraction);
    const { canonical, codes } = this.input.index;
    const yearFloor = new Float64Array(Y * n);
    const yearFraction = new Float64Array(Y * n);
    for (let o = 0; o < this.operatingByName.length; o++) {
      for (let y = 0; y < Y; y++) {
        for (const i of canonical) {
          const cell = (o * Y + y) * n + i;
          if (this.cellFloor[cell] === 0 && this.cellFraction[cell] === 0) continue;
          const total = sum(this.cellFloor[cell], this.cellFraction[cell]);
          this.cellArc[cell] = net.arc(
            this.cellNode + cell,
            this.yearNode + y * n + i,
            total.floor,
            total.fraction,
          );
          const unit = this.input.units.list[this.operatingByName[o]].name;
          this.publish(
            figureKey("share", "direct", y, unit, codes[i]),
            RANK.share,
            this.cellArc[cell],
            total,
          );
          yearFloor[y * n + i] += total.floor;
          yearFraction[y * n + i] += total.fraction;
        }
      }
    }
    const periodFloor = new Float64Array(n);
    const periodFraction = new Float64Array(n);
    for (let y = 0; y < Y; y++) {
      for (const i of canonical) {
        const total = sum(yearFloor[y * n + i], yearFraction[y * n + i]);
        this.yearArc[y * n + i] = net.arc(
          this.yearNode + y * n + i,
          this.instrumentNode + i,
          total.floor,
          total.fraction,
        );
        this.publish(
          figureKey("instrument", "direct", y, codes[i]),
          RANK.year,
          this.yearArc[y * n + i],
          total,
        );
        periodFloor[i] += total.floor;
        periodFraction[i] += total.fraction;
      }
    }
    const instrumentFloor = new Float64Array(n);
    const instrumentFraction = new Float64Array(n);
    for (const i of canonical) {
      const total = sum(periodFloor[i], periodFraction[i]);
      instrumentFloor[i] = total.floor;
      instrumentFraction[i] = total.fraction;
    }
    // Programme support costs close the circuit: root → grand total → period …, and each
    // instrument's direct share → its total with PSC → root.
    const psc = addPsc(net, this.pscRate, {
      root: this.root,
      period: this.periodNode,
      periodExact: period,
      instrument: this.instrumentNode,
      instrumentFloor,
      instrumentFraction,
      yearFloor,
      yearFraction,
      years: Y,
      canonical,
      codes,
    });
    this.readPsc = psc.read;
    this.figures.push(...psc.figures);
  }

  /** The rounded figures, read off the rounded flow. */
  read(flow: Float64Array): RoundedShares {
    const { lines, units, links, categories } = this.input;
    const { Y, n } = this;
    const lineShares = new Float64Array(lines.count * Y * n);
    for (const row of this.rows) dealRow(row, flow, lineShares, lines.totals, Y, n);
    for (const { t, y, arc } of this.supportCostArcs) {
      apportionCost(flow[arc], units.list[links.providers[t]].lines, y, lines);
    }
    const unitShares = new Array<Float64Array | undefined>(units.list.length).fill(undefined);
    const received = new Array<number[] | undefined>(units.list.length).fill(undefined);
    this.operatingByName.forEach((u, o) => {
      const shares = new Float64Array(Y * n);
      for (let c = 0; c < Y * n; c++) {
        const arc = this.cellArc[o * Y * n + c];
        if (arc >= 0) shares[c] = flow[arc];
      }
      unitShares[u] = shares;
      received[u] = new Array<number>(Y).fill(0);
    });
    const passedOn = links.providers.map(() => new Map<number, number[]>());
    for (const { t, u, y, arc } of this.passedArcs) {
      const amounts = passedOn[t].get(u) ?? new Array<number>(Y).fill(0);
      passedOn[t].set(u, amounts);
      amounts[y] += flow[arc];
      (received[u] as number[])[y] += flow[arc];
    }
    const supportShares = links.providers.map(() => new Float64Array(Y * n));
    for (const { t, y, i, arc } of this.supportArcs) supportShares[t][y * n + i] += flow[arc];
    const direct = new Float64Array(Y * n);
    for (let c = 0; c < Y * n; c++) if (this.yearArc[c] >= 0) direct[c] = flow[this.yearArc[c]];
    const byCategory = new Float64Array(categories.names.length * n);
    for (let j = 0; j < this.categoryArcs.length; j += 2)
      byCategory[this.categoryArcs[j + 1]] += flow[this.categoryArcs[j]];
    checkUnitsAddUp(unitShares, direct, Y, n);
    const psc = this.readPsc(flow);
    const headline = headlineOf(this.figures, flow);
    return { lineShares, unitShares, received, supportShares, passedOn, direct, psc, byCategory, headline };
  }

  /** A published figure, carried by `arc`, each steered on its own. */
  private publish(key: string, rank: number, arc: number, exact: { floor: number; fraction: number }): void {
    this.figures.push(steeredFigure(key, rank, arc, exact));
  }

  private addToCost(y: number, floor: number, fraction: number): void {
    this.costFloor[y] += floor;
    this.costFraction[y] += fraction;
  }

  private addToCell(cell: number, floor: number, fraction: number): void {
    this.cellFloor[cell] += floor;
    this.cellFraction[cell] += fraction;
  }
}

/**
 * A support unit's rounded cost in year y, shared over its lines by largest remainder: each line
 * gets the floor of its exact cost, and the quanta left go one each to the largest fractions
 * (the earlier line on a tie). The rounded cost is the floor or the ceiling of the exact sum, so
 * there are never more quanta left than fractional lines: each line is within a step.
 */
function apportionCost(rounded: number, unitLines: readonly number[], y: number, lines: Lines): void {
  const Y = lines.years;
  let left = rounded;
  const fractional: number[] = [];
  for (const k of unitLines) {
    const exact = lines.exact[k * Y + y];
    const f = Math.floor(exact);
    lines.totals[k * Y + y] = f;
    left -= f;
    if (exact > f) fractional.push(k);
  }
  if (left < 0 || left > fractional.length) {
    throw new InvariantError(`A support unit's cost of ${rounded} cannot be shared over its lines.`);
  }
  const frac = (k: number): number => lines.exact[k * Y + y] - Math.floor(lines.exact[k * Y + y]);
  fractional.sort((a, b) => frac(b) - frac(a) || a - b);
  for (let j = 0; j < left; j++) lines.totals[fractional[j] * Y + y] += 1;
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
