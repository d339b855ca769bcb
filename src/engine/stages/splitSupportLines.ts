import { FlowBuilder, sum } from "../flowBuilder";
import { makeSplit, type Split } from "../makeSplit";
import { roundFlow } from "../roundFlow";
import { addRows } from "./addRows";
import { dealRow } from "./dealRow";
import { rankNames } from "./rankNames";
import { rowsOf, type Row } from "./rowsOf";
import type { Prepared } from "./prepareAllocation";

/**
 * Shares each support unit's lines in what the unit's cost became once passed on: each year,
 * the unit's rounded row (its cost as it reached each instrument, from roundShares) is split over
 * its lines in proportion to their costs, and rounded as a table whose two margins are fixed —
 * the lines' costs and the unit's row — so the lines add up to the unit exactly (Bacharach 1966:
 * such a table always has a rounding with every cell at its floor or ceiling; roundFlow.ts). A
 * line's share of instrument i is its part of the unit's rounded figure, c·R_i/C, within one
 * step; it differs from the line's unrounded share by c/C times the unit's own rounding, at most
 * one step for every unit the support unit serves, and by the instrument's part of the step the
 * line's cost may be off (c is the line's rounded cost: roundShares shares the unit's rounded
 * cost over its lines, each within a step of its exact cost). Category blocks keep each category's figures
 * within a step of its part of the unit's, per year.
 *
 * Writes into lineShares[(line·Y + year)·n + i] and adds the categories into byCategory[c·n + i].
 */
export function splitSupportLines(
  supportShares: readonly Float64Array[],
  { links, units, lines, index, categories }: Prepared,
  lineShares: Float64Array,
  byCategory: Float64Array,
): void {
  const Y = lines.years;
  const n = index.codes.length;
  const catRank = rankNames(categories.names);
  // Room for every arc at once (a cost arc and one per instrument for each line-year, and the
  // unit's row), so that the arrays are not regrown a dozen times on the way.
  let lineYears = 0;
  for (const p of links.providers) lineYears += units.list[p].lines.length * Y;
  const net = new FlowBuilder(lineYears * (n + 2) + links.providers.length * Y * n + 16);
  const root = net.node();
  const rows: Row[] = [];
  const categoryArcs: number[] = [];
  links.providers.forEach((p, t) => {
    const unitRow = supportShares[t];
    const target = net.nodes(Y * n);
    const floor = new Float64Array(Y * n);
    const fraction = new Float64Array(Y * n);
    const splits: (Split | undefined)[] = [];
    for (let y = 0; y < Y; y++) {
      const weights = unitRow.slice(y * n, (y + 1) * n);
      splits.push(weights.some((v) => v > 0) ? makeSplit(weights, index.canonical) : undefined);
    }
    const unitLines = units.list[p].lines.filter((k) => {
      for (let y = 0; y < Y; y++) if (lines.totals[k * Y + y] !== 0 && splits[y] === undefined) return false;
      return true;
    });
    const unitRows = rowsOf(
      unitLines,
      lines,
      lines.totals,
      (_, y) => splits[y] as Split,
      catRank,
      index.canonical,
    );
    addRows(net, unitRows, n, index.canonical, {
      source: () => root,
      node: (y, i) => target + y * n + i,
      add(y, category, i, f, fr, arc) {
        floor[y * n + i] += f;
        fraction[y * n + i] += fr;
        categoryArcs.push(arc, category * n + i);
      },
    });
    for (const r of unitRows) rows.push(r);
    // The unit's row is fixed: each target cell sends exactly its rounded figure back to the root.
    for (let y = 0; y < Y; y++) {
      for (const i of index.canonical) {
        const c = y * n + i;
        if (floor[c] === 0 && fraction[c] === 0) continue;
        const exact = sum(floor[c], fraction[c]);
        net.arc(target + c, root, exact.floor, exact.fraction);
      }
    }
  });
  const flow = roundFlow(net.build());
  for (const row of rows) dealRow(row, flow, lineShares, lines.totals, Y, n);
  for (let j = 0; j < categoryArcs.length; j += 2) byCategory[categoryArcs[j + 1]] += flow[categoryArcs[j]];
}
