import type { Problem } from "../engine/problem";

/** The problems of one sheet, errors first, in row order. */
export interface ProblemGroup {
  sheet: string;
  errors: number;
  warnings: number;
  problems: Problem[];
}

/**
 * Groups problems by sheet for the Problems step: sheets in the order they are first met, and
 * within a sheet errors before warnings and then by row, so the officer fixes blockers first.
 */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const bySheet = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = bySheet.get(p.sheet);
    if (list) list.push(p);
    else bySheet.set(p.sheet, [p]);
  }
  return [...bySheet].map(([sheet, list]) => {
    const sorted = [...list].sort(
      (a, b) =>
        Number(a.severity !== "error") - Number(b.severity !== "error") ||
        (a.row ?? 0) - (b.row ?? 0) ||
        (a.cell ?? "").localeCompare(b.cell ?? ""),
    );
    const errors = sorted.filter((p) => p.severity === "error").length;
    return { sheet, errors, warnings: sorted.length - errors, problems: sorted };
  });
}
