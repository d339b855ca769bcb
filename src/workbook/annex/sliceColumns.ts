import type { AnnexTable } from "./annexTables";

/** Figure columns one A4 landscape table holds legibly: ten instruments, their Total and two more. */
export const MAX_FIGURE_COLUMNS = 13;

/**
 * Cuts a table with more figure columns than a page holds into balanced slices of columns, each
 * with the label column, for the .docx and the HTML to print one below the other; a table that
 * fits comes back as it is. A slice's Total column no longer sums its neighbours, so slices carry
 * no column formulas.
 */
export function sliceColumns(table: AnnexTable, maxFigures = MAX_FIGURE_COLUMNS): AnnexTable[] {
  const figures = table.columns.length - 1;
  if (figures <= maxFigures) return [table];
  const parts = Math.ceil(figures / maxFigures);
  const size = Math.ceil(figures / parts);
  const slices: AnnexTable[] = [];
  for (let start = 1; start <= figures; start += size) {
    const keep = [0, ...Array.from({ length: Math.min(size, figures - start + 1) }, (_, i) => start + i)];
    slices.push({
      ...table,
      columns: keep.map((c) => {
        const { sumOfColumns: _dropped, ...column } = table.columns[c];
        return column;
      }),
      rows: table.rows.map((row) => ({ ...row, cells: keep.map((c) => row.cells[c]) })),
    });
  }
  return slices;
}
