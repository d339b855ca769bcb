import { formatPercent } from "./formatPercent";

/** The result of solveReciprocal: each support unit's total, or what makes the system unsolvable. */
export type ReciprocalOutcome =
  { ok: true; totals: number[] } | { ok: false; message: string; row?: number; col?: number };

/**
 * Solves the reciprocal method's simultaneous equations x = d + A·x, where `direct[i]` is support
 * unit i's own cost and `matrix[i][j]` is the share (fraction) of support unit j's total that
 * unit i receives — so column j lists where unit j's effort goes. Solves (I − A)·x = d by
 * Gaussian elimination with partial pivoting. A non-square matrix, a negative or missing share, a
 * column of shares above 100% or a singular system is a message naming the 0-based row and column.
 */
export function solveReciprocal(direct: number[], matrix: number[][]): ReciprocalOutcome {
  const n = direct.length;
  if (matrix.length !== n) {
    return {
      ok: false,
      message: `The matrix has ${matrix.length} rows for ${n} support units; it must be square.`,
    };
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(direct[i]))
      return { ok: false, message: `The cost of support unit ${i + 1} is not a number.`, row: i };
    if (matrix[i].length !== n) {
      return {
        ok: false,
        message: `Row ${i + 1} has ${matrix[i].length} shares for ${n} support units; the matrix must be square.`,
        row: i,
      };
    }
    for (let j = 0; j < n; j++) {
      const a = matrix[i][j];
      if (!Number.isFinite(a))
        return {
          ok: false,
          message: `The share in row ${i + 1}, column ${j + 1} is not a number.`,
          row: i,
          col: j,
        };
      if (a < 0)
        return {
          ok: false,
          message: `The share in row ${i + 1}, column ${j + 1} is negative.`,
          row: i,
          col: j,
        };
    }
  }
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += matrix[i][j];
    if (col > 1 + 1e-9) {
      return {
        ok: false,
        message: `The shares of support unit ${j + 1} add up to ${formatPercent(col)}, above 100%.`,
        col: j,
      };
    }
  }
  // Augmented matrix [I − A | d].
  const m = matrix.map((row, i) => [...row.map((a, j) => (i === j ? 1 - a : -a)), direct[i]]);
  const rowOf = Array.from({ length: n }, (_, i) => i);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-12) {
      return {
        ok: false,
        message:
          "The support units pass all of their cost round among themselves, so no share of it ever reaches " +
          "a unit that is not a support unit; the equations have no single solution.",
        row: rowOf[p],
        col: c,
      };
    }
    if (p !== c) {
      [m[p], m[c]] = [m[c], m[p]];
      [rowOf[p], rowOf[c]] = [rowOf[c], rowOf[p]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i][n];
    for (let k = i + 1; k < n; k++) s -= m[i][k] * x[k];
    x[i] = s / m[i][i];
  }
  return { ok: true, totals: x };
}
