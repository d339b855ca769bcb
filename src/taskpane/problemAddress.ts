import type { Problem } from "../engine/problem";

/** The address of a problem as the officer reads it: "Posts!F3", "Posts row 7", or "Posts". */
export function problemAddress(p: Problem): string {
  if (p.cell) return `${p.sheet}!${p.cell}`;
  if (p.row !== undefined) return `${p.sheet} row ${p.row}`;
  return p.sheet;
}
