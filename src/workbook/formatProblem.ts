import type { Problem } from "../engine/problem";

/**
 * A problem as one line, as officers read it: "Posts!F3: message", with the sheet quoted as
 * Excel quotes it ('Cost Sheet'!A1). A warning reads "Posts!F3: warning: message", so that the
 * address always leads and lines sort by place (the CLI puts "warning: " in front instead, as its
 * documentation says: printProblems).
 * Without a cell the sheet alone leads ("Posts: message"); a problem of the whole workbook has
 * no prefix.
 */
export function formatProblem(p: Problem): string {
  return placeProblem(p, p.severity === "warning" ? `warning: ${p.message}` : p.message);
}

/** A problem's place, then `text`: "Posts!F3: text", "Posts: text", or the text alone (see formatProblem). */
export function placeProblem(p: Problem, text: string): string {
  if (p.sheet === "Workbook" && p.cell === undefined) return text;
  const sheet = quoteSheet(p.sheet);
  return p.cell !== undefined ? `${sheet}!${p.cell}: ${text}` : `${sheet}: ${text}`;
}

/**
 * Quotes a sheet name as Excel does in a reference: when it holds anything but letters, digits,
 * underscores and dots, starts with a digit, or could be read as a cell (A1, R1C1); an apostrophe
 * inside is doubled.
 */
function quoteSheet(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(R\d*C\d*|R|C)$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}
