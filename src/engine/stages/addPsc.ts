import { type FlowBuilder, sum } from "../flowBuilder";
import { figureKey } from "../headline";
import { RANK, type SteeredFigure, steeredFigure } from "./steeredFigures";

/** Programme support costs per instrument and year, and their totals. */
export interface PscShares {
  /** PSC of instrument i in year y at psc[y·n + i], in quanta. */
  psc: Float64Array;
  /** PSC of each year, all instruments. */
  byYear: number[];
}

/** The direct costs' margins, as roundShares builds them, that programme support costs join. */
export interface DirectMargins {
  /** The network's root. */
  root: number;
  /** The node of the period's direct cost (root → period in a network without PSC). */
  period: number;
  /** The exact direct cost of the period, as floor + fraction. */
  periodExact: { floor: number; fraction: number };
  /** The node of instrument i's direct share for the period is instrument + i. */
  instrument: number;
  /** Instrument i's exact direct share for the period, as floor + fraction. */
  instrumentFloor: Float64Array;
  instrumentFraction: Float64Array;
  /** Instrument i's exact direct share in year y, at [y·n + i], as floor + fraction. */
  yearFloor: Float64Array;
  yearFraction: Float64Array;
  years: number;
  canonical: Int32Array;
  /** The instruments' codes, to name their figures. */
  codes: readonly string[];
}

/**
 * Programme support costs at `rate` on each instrument's direct share, rounded in the same
 * network as the direct costs (roundShares.ts), where they close the circuit:
 *
 *   root → grand total → period's direct cost → … → instrument's direct share → instrument's total → root
 *          grand total → period's PSC → year's PSC → (year, instrument) → instrument's PSC ↗
 *
 * A PSC's exact value is the rate times the exact direct share it is levied on. So, as every arc
 * carries the floor or the ceiling of its exact flow: each instrument's PSC in each year and over
 * the period, each year's PSC and the period's are within one step of exact, and so are each
 * instrument's total with PSC for the period and the grand total with PSC — the figures a
 * Standing Committee reads first — while the direct figures keep every bound they had.
 *
 * Figures that are not arcs carry the sum of their parts' bounds: an instrument's total with PSC
 * in one year, and a year's total with PSC, are a direct figure plus a PSC figure, within two
 * steps of exact; a PSC figure is within 1 + rate steps of the rate times the rounded direct
 * figure beside it. (Direct, PSC and total by instrument and year is a three-way table: no
 * rounding can hold every margin of it to one step, so the network holds the ones above.)
 *
 * Adds the arcs; returns the function that reads the PSC off the rounded flow, and the figures
 * published from them (each instrument's direct share, PSC and total for the period, its PSC each
 * year, the grand totals), to steer by.
 */
export function addPsc(
  net: FlowBuilder,
  rate: number,
  direct: DirectMargins,
): { read: (flow: Float64Array) => PscShares; figures: SteeredFigure[] } {
  const { years: Y, canonical, codes } = direct;
  const figures: SteeredFigure[] = [];
  const publish = (key: string, rank: number, arc: number, exact: { floor: number; fraction: number }) =>
    figures.push(steeredFigure(key, rank, arc, exact));
  const n = canonical.length;
  // Each PSC cell's exact value, floor and fraction apart, so that its sums stay exact.
  const cellFloor = new Float64Array(Y * n);
  const cellFraction = new Float64Array(Y * n);
  for (let c = 0; c < Y * n; c++) {
    const exact = rate * direct.yearFloor[c] + rate * direct.yearFraction[c];
    cellFloor[c] = Math.floor(exact);
    cellFraction[c] = exact - cellFloor[c];
  }
  const margin = (cells: Iterable<number>): { floor: number; fraction: number } => {
    let f = 0;
    let fr = 0;
    for (const c of cells) {
      f += cellFloor[c];
      fr += cellFraction[c];
    }
    return sum(f, fr);
  };
  // In the canonical instrument order, so that reordering the instruments changes nothing.
  const yearCells = (y: number): number[] => Array.from(canonical, (i) => y * n + i);
  const instrumentCells = (i: number): number[] => Array.from({ length: Y }, (_, y) => y * n + i);
  const all = margin(Array.from({ length: Y }, (_, y) => yearCells(y)).flat());

  const grand = net.node();
  const pscPeriod = net.node();
  const pscYear = net.nodes(Y);
  const pscInstrument = net.nodes(n);
  const total = net.nodes(n);
  const grandExact = sum(direct.periodExact.floor + all.floor, direct.periodExact.fraction + all.fraction);
  publish(
    figureKey("grand", "total", -1),
    RANK.grand,
    net.arc(direct.root, grand, grandExact.floor, grandExact.fraction),
    grandExact,
  );
  publish(
    figureKey("grand", "direct", -1),
    RANK.grand,
    net.arc(grand, direct.period, direct.periodExact.floor, direct.periodExact.fraction),
    direct.periodExact,
  );
  publish(figureKey("grand", "psc", -1), RANK.grand, net.arc(grand, pscPeriod, all.floor, all.fraction), all);
  const cellArc = new Int32Array(Y * n);
  for (let y = 0; y < Y; y++) {
    const m = margin(yearCells(y));
    publish(
      figureKey("grand", "psc", y),
      RANK.grand,
      net.arc(pscPeriod, pscYear + y, m.floor, m.fraction),
      m,
    );
    for (const c of yearCells(y)) {
      const exact = { floor: cellFloor[c], fraction: cellFraction[c] };
      cellArc[c] = net.arc(pscYear + y, pscInstrument + (c % n), exact.floor, exact.fraction);
      publish(figureKey("instrument", "psc", y, codes[c % n]), RANK.year, cellArc[c], exact);
    }
  }
  // An instrument's three period figures go together: the group is the instrument.
  const period = (i: number, part: string, arc: number, exact: { floor: number; fraction: number }) =>
    figures.push(
      steeredFigure(
        figureKey("instrument", part, -1, codes[i]),
        RANK.period,
        arc,
        exact,
        figureKey("instrument", "period", -1, codes[i]),
      ),
    );
  for (const i of canonical) {
    const psc = margin(instrumentCells(i));
    const own = { floor: direct.instrumentFloor[i], fraction: direct.instrumentFraction[i] };
    // The PSC arc first: the order of the arcs decides which of two equally good roundings the walk finds.
    const pscArc = net.arc(pscInstrument + i, total + i, psc.floor, psc.fraction);
    period(i, "direct", net.arc(direct.instrument + i, total + i, own.floor, own.fraction), own);
    period(i, "psc", pscArc, psc);
    const both = sum(psc.floor + own.floor, psc.fraction + own.fraction);
    period(i, "total", net.arc(total + i, direct.root, both.floor, both.fraction), both);
  }

  const read = (flow: Float64Array): PscShares => {
    const psc = new Float64Array(Y * n);
    const byYear = new Array<number>(Y).fill(0);
    for (let c = 0; c < Y * n; c++) {
      psc[c] = flow[cellArc[c]];
      byYear[Math.floor(c / n)] += psc[c];
    }
    return { psc, byYear };
  };
  return { read, figures };
}
