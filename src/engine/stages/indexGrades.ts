import type { Grade } from "../model";
import { problemAt, type Problem } from "../problem";
import { nameKey } from "./nameKey";

/** The Grades sheet by grade name. */
export interface GradeIndex {
  /** Grades by nameKey. */
  byKey: ReadonlyMap<string, Grade>;
  /** The grade of this name (any case), or undefined. */
  of(name: string): Grade | undefined;
}

/** Indexes the grades and checks them: unique names, costs of 0 or more. */
export function indexGrades(grades: readonly Grade[], problems: Problem[]): GradeIndex {
  const byKey = new Map<string, Grade>();
  for (const g of grades) {
    const k = nameKey(g.grade);
    if (byKey.has(k))
      problems.push(problemAt(g.source, "Grade", `Grade '${g.grade}' appears twice in the Grades sheet.`));
    else byKey.set(k, g);
    if (!Number.isFinite(g.cost) || g.cost < 0) {
      problems.push(
        problemAt(g.source, "Cost", `The standard cost of grade '${g.grade}' must be a number of 0 or more.`),
      );
    }
  }
  const asWritten = new Map<string, Grade | undefined>();
  const of = (name: string): Grade | undefined => {
    if (asWritten.has(name)) return asWritten.get(name);
    const g = byKey.get(nameKey(name));
    asWritten.set(name, g);
    return g;
  };
  return { byKey, of };
}
