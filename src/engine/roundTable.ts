import { InvalidArgumentError } from "./errors";
import { FlowBuilder, sum } from "./flowBuilder";
import { roundFlow } from "./roundFlow";

/**
 * Rounds a table of exact amounts (in quanta) to whole quanta, as statistical offices round
 * published tables (controlled rounding, Cox 1987): every cell becomes the floor or the ceiling of
 * its exact value, every row adds up exactly to its given total, and every column adds up to
 * within one quantum of its exact sum (the floor or the ceiling of it).
 *
 * `exact` is row-major (rows × cols); `rowTotals` are integers, each the exact sum of its row.
 * Rows are the parts that must add up (a year's contributions add up to the year's amount);
 * columns are the figures that must not drift (a Party's total over the years). Proof and method:
 * roundFlow.ts (the table is a flow from a root through the rows and the columns back to the root).
 */
export function roundTable(
  exact: ArrayLike<number>,
  rows: number,
  cols: number,
  rowTotals: ArrayLike<number>,
): Float64Array {
  if (exact.length !== rows * cols) {
    throw new InvalidArgumentError(`roundTable: ${exact.length} cells for ${rows} × ${cols}.`);
  }
  if (rowTotals.length !== rows) {
    throw new InvalidArgumentError(`roundTable: ${rowTotals.length} row totals for ${rows} rows.`);
  }
  const net = new FlowBuilder(rows * cols + rows + cols);
  const root = net.node();
  const row0 = net.nodes(rows);
  const col0 = net.nodes(cols);
  const colFloor = new Float64Array(cols);
  const colFraction = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const total = rowTotals[r];
    if (!Number.isSafeInteger(total)) {
      throw new InvalidArgumentError(
        `roundTable: row ${r + 1}'s total ${total} is not a whole number of quanta.`,
      );
    }
    net.arc(root, row0 + r, total, 0);
    let rowSum = 0;
    for (let c = 0; c < cols; c++) {
      const x = exact[r * cols + c];
      if (!Number.isFinite(x))
        throw new InvalidArgumentError(`roundTable: cell (${r + 1}, ${c + 1}) is ${x}.`);
      rowSum += x;
      const f = Math.floor(x);
      net.arc(row0 + r, col0 + c, f, x - f);
      colFloor[c] += f;
      colFraction[c] += x - f;
    }
    if (Math.abs(rowSum - total) > 1e-6 * Math.max(1, Math.abs(total))) {
      throw new InvalidArgumentError(
        `roundTable: row ${r + 1} adds up to ${rowSum}, not its total ${total}.`,
      );
    }
  }
  for (let c = 0; c < cols; c++) {
    const column = sum(colFloor[c], colFraction[c]);
    net.arc(col0 + c, root, column.floor, column.fraction);
  }
  const flow = roundFlow(net.build());
  const out = new Float64Array(rows * cols);
  // Row r's arc is arc r(cols + 1); its cells' arcs follow it.
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[r * cols + c] = flow[r * (cols + 1) + 1 + c];
  return out;
}
