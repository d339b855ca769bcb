import { FlowBuilder, sum } from "../flowBuilder";
import { type BlockRow, cancelBlockCycles } from "../cancelBlockCycles";
import { lineQuota } from "./lineQuota";
import type { Row } from "./rowsOf";

/** Where the rows of one group of lines (a unit) lead, and what was added to each target. */
export interface RowTargets {
  /** The node each row of a year draws its cost from (e.g. the unit-year's cost node). */
  source(year: number): number;
  /** The node of the target cell for a year and instrument (e.g. unit-year-instrument). */
  node(year: number, i: number): number;
  /** Records the exact flow a (year, category) block sends to a target cell, and the arc carrying it. */
  add(year: number, category: number, i: number, floor: number, fraction: number, arc: number): void;
}

/**
 * Adds rows (in rowsOf order) to a network: an arc from the year's source carrying each row's
 * exact cost (k lines × the cost of one, rounded with everything else), an arc
 * per instrument to a node per (year, category, instrument) block, and an arc from each block
 * node to its target cell. Sets each row's firstArc. The block nodes keep each category's figures
 * within a step inside each target cell.
 */
export function addRows(
  net: FlowBuilder,
  rows: readonly Row[],
  n: number,
  canonical: Int32Array,
  targets: RowTargets,
): void {
  const quota = new Float64Array(2);
  const blockFloor = new Float64Array(n);
  const blockFraction = new Float64Array(n);
  let year = -1;
  let category = -1;
  let blockNodes = 0;
  let blockRows: BlockRow[] = [];
  const closeBlock = (): void => {
    if (year < 0) return;
    const { floor, fraction } = net.exact();
    cancelBlockCycles(blockRows, n, floor, fraction);
    blockRows = [];
    for (const i of canonical) {
      if (blockFloor[i] === 0 && blockFraction[i] === 0) continue;
      const total = sum(blockFloor[i], blockFraction[i]);
      const arc = net.arc(blockNodes + i, targets.node(year, i), total.floor, total.fraction);
      targets.add(year, category, i, total.floor, total.fraction, arc);
    }
    blockFloor.fill(0);
    blockFraction.fill(0);
  };
  for (const row of rows) {
    if (row.year !== year || row.category !== category) {
      closeBlock();
      year = row.year;
      category = row.category;
      blockNodes = net.nodes(n);
    }
    const node = net.node();
    const k = row.members.length;
    const sourceArc = net.arcOf(targets.source(row.year), node, k * row.total);
    row.firstArc = net.arcCount;
    blockRows.push({ firstArc: row.firstArc, columns: row.split.participants, sourceArc });
    for (const i of row.split.participants) {
      lineQuota(row.total, row.split, i, quota);
      const whole = Math.floor(k * quota[1]);
      const floor = k * quota[0] + whole;
      const fraction = k * quota[1] - whole;
      net.arc(node, blockNodes + i, floor, fraction);
      blockFloor[i] += floor;
      blockFraction[i] += fraction;
    }
  }
  closeBlock();
}
