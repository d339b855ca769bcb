/**
 * A shared formula as it reads in a cell `rows` down and `cols` right of the cell that holds its
 * text: every relative A1 reference moves by that much ($-anchored parts stay), as Excel derives
 * it. Text in double quotes and quoted sheet names are left alone, and so are function names
 * that look like a cell (LOG10, ATAN2), which a "(" follows.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(
    /("(?:[^"]|"")*")|('(?:[^']|'')*')|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!])/g,
    (
      match,
      dq: string | undefined,
      sq: string | undefined,
      colAbs: string,
      col: string,
      rowAbs: string,
      row: string,
    ) => {
      if (dq !== undefined || sq !== undefined) return match;
      const c = colAbs === "$" ? columnNumber(col) : columnNumber(col) + cols;
      const r = rowAbs === "$" ? Number(row) : Number(row) + rows;
      if (c < 1 || r < 1 || c > 16384 || r > 1048576) return "#REF!";
      return `${colAbs}${columnName(c)}${rowAbs}${r}`;
    },
  );
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
