import type { CellValue } from "../workbook/grid";

/** A rectangle of a worksheet; rows and columns 1-based and inclusive. */
export interface Box {
  firstRow: number;
  firstCol: number;
  lastRow: number;
  lastCol: number;
}

/** A block of values read at a position. */
interface Piece {
  firstRow: number;
  firstCol: number;
  rows: CellValue[][];
}

/**
 * The cells of one worksheet's used range as they arrive, in blocks from several syncs (the top of
 * the sheet first, the rest later): a cell no block covers is empty.
 */
export class SheetPieces {
  private readonly pieces: Piece[] = [];

  constructor(
    /** The sheet's values-only used range. */
    readonly used: Box,
  ) {}

  /** Adds a block of rows whose first cell is at `firstRow`, `firstCol`. */
  add(firstRow: number, firstCol: number, rows: CellValue[][]): void {
    this.pieces.push({ firstRow, firstCol, rows });
  }

  /** The rows of a box of the sheet, each as wide as the box, empty cells as null. */
  rows(box: Box): CellValue[][] {
    const width = box.lastCol - box.firstCol + 1;
    const out: CellValue[][] = [];
    for (let r = box.firstRow; r <= box.lastRow; r++) out.push(new Array<CellValue>(width).fill(null));
    for (const p of this.pieces) {
      const from = Math.max(p.firstRow, box.firstRow);
      const to = Math.min(p.firstRow + p.rows.length - 1, box.lastRow);
      for (let r = from; r <= to; r++) {
        const source = p.rows[r - p.firstRow];
        const target = out[r - box.firstRow];
        const c0 = Math.max(p.firstCol, box.firstCol);
        const c1 = Math.min(p.firstCol + source.length - 1, box.lastCol);
        for (let c = c0; c <= c1; c++) target[c - box.firstCol] = source[c - p.firstCol];
      }
    }
    return out;
  }
}

/** The overlap of two boxes, or undefined when they do not meet. */
export function overlap(a: Box, b: Box): Box | undefined {
  const box = {
    firstRow: Math.max(a.firstRow, b.firstRow),
    firstCol: Math.max(a.firstCol, b.firstCol),
    lastRow: Math.min(a.lastRow, b.lastRow),
    lastCol: Math.min(a.lastCol, b.lastCol),
  };
  return box.firstRow <= box.lastRow && box.firstCol <= box.lastCol ? box : undefined;
}
