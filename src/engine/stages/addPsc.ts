import { FlowBuilder, sum } from "../flowBuilder";
import { roundFlow } from "../roundFlow";

/** Programme support costs per instrument and year, and their totals. */
export interface PscShares {
  /** PSC of instrument i in year y at psc[y·n + i], in quanta. */
  psc: Float64Array;
  /** PSC of each year, all instruments. */
  byYear: number[];
}

/**
 * Programme support costs at `rate` on each instrument's direct share as published: every
 * figure — an instrument's PSC in a year, its PSC over the period, a year's PSC, the period's —
 * is within one rounding step of the rate times the published direct figure beside it, and the
 * figures add up both ways. A controlled rounding of the table years × instruments with both
 * margins (roundFlow.ts): root → period → year → year-instrument → instrument → root.
 */
export function addPsc(direct: Float64Array, rate: number, years: number, canonical: Int32Array): PscShares {
  const n = canonical.length;
  const psc = new Float64Array(years * n);
  const byYear = new Array<number>(years).fill(0);
  if (rate === 0) return { psc, byYear };
  // Cells first; each margin is the exact sum of its cells (floors and fractions apart), so the
  // network balances to the last digit.
  const cellFloor = new Float64Array(years * n);
  const cellFraction = new Float64Array(years * n);
  for (let c = 0; c < years * n; c++) {
    const exact = rate * direct[c];
    cellFloor[c] = Math.floor(exact);
    cellFraction[c] = exact - cellFloor[c];
  }
  const net = new FlowBuilder(years * n + years + n + 1);
  const root = net.node();
  const period = net.node();
  const yearNode = net.nodes(years);
  const instrumentNode = net.nodes(n);
  const margin = (cells: number[]): { floor: number; fraction: number } =>
    sum(
      cells.reduce((a, c) => a + cellFloor[c], 0),
      cells.reduce((a, c) => a + cellFraction[c], 0),
    );
  // In the canonical instrument order, so that reordering the instruments changes nothing.
  const yearCells = Array.from({ length: years }, (_, y) => Array.from(canonical, (i) => y * n + i));
  const instrumentCells = Array.from(canonical, (i) => Array.from({ length: years }, (_, y) => y * n + i));
  const all = margin(yearCells.flat());
  net.arc(root, period, all.floor, all.fraction);
  yearCells.forEach((cells, y) => {
    const m = margin(cells);
    net.arc(period, yearNode + y, m.floor, m.fraction);
  });
  const cellArc = new Int32Array(years * n);
  for (const c of yearCells.flat()) {
    cellArc[c] = net.arc(
      yearNode + Math.floor(c / n),
      instrumentNode + (c % n),
      cellFloor[c],
      cellFraction[c],
    );
  }
  instrumentCells.forEach((cells, j) => {
    const m = margin(cells);
    net.arc(instrumentNode + canonical[j], root, m.floor, m.fraction);
  });
  const flow = roundFlow(net.build());
  for (let c = 0; c < years * n; c++) {
    psc[c] = flow[cellArc[c]];
    byYear[Math.floor(c / n)] += psc[c];
  }
  return { psc, byYear };
}
