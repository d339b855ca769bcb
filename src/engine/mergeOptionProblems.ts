import type { Model } from "./model";
import type { Problem } from "./problem";
import { holdsIn } from "./holdsIn";
import { scenarioKey } from "./scenarioKey";

/** The problems one option's run met. */
export interface OptionProblems {
  name: string;
  problems: readonly Problem[];
}

/**
 * The problems of every option's run as one list, each once, in the order first met: a problem
 * met in every option reads as it is; one met in some names them ("In option 'Pilot', unit
 * 'Communication' has costs but no rule ..."). A warning about a Posts, Budget, Rules or Support
 * row is kept only when it holds in every option the row holds in: the engine's warnings say that
 * a row is not used, and a rule for a unit that has costs in only some options is not a slip.
 */
export function mergeOptionProblems(model: Model, runs: readonly OptionProblems[]): Problem[] {
  const met = new Map<string, { problem: Problem; options: number[] }>();
  runs.forEach((run, k) => {
    for (const problem of run.problems) {
      const key = [problem.severity, problem.sheet, problem.row, problem.field, problem.message].join(
        "\u0000",
      );
      const entry = met.get(key);
      if (entry === undefined) met.set(key, { problem, options: [k] });
      else if (!entry.options.includes(k)) entry.options.push(k);
    }
  });
  const holding = rowOptions(model);
  const out: Problem[] = [];
  for (const { problem, options } of met.values()) {
    const row = holding.get(rowKey(problem.sheet, problem.row));
    if (problem.severity === "warning" && row !== undefined) {
      const where = runs.filter((r) => holdsIn(row, scenarioKey(r.name))).length;
      if (options.length < where) continue;
    }
    if (options.length === runs.length) out.push(problem);
    else
      out.push({
        ...problem,
        message: inOptions(
          options.map((k) => runs[k].name),
          problem.message,
        ),
      });
  }
  return out;
}

/** The Scenario names of every Posts, Budget, Rules and Support row, by sheet and row. */
function rowOptions(model: Model): Map<string, { scenarios?: readonly string[] }> {
  const map = new Map<string, { scenarios?: readonly string[] }>();
  for (const rows of [model.posts, model.budget, model.rules, model.support]) {
    for (const row of rows) map.set(rowKey(row.source.sheet, row.source.row), row);
  }
  return map;
}

function rowKey(sheet: string, row: number | undefined): string {
  return `${sheet}\u0000${row ?? ""}`;
}

/** "In option 'Pilot', unit …" / "In options 'Pilot' and 'Joint secretariat', unit …". */
function inOptions(names: readonly string[], message: string): string {
  const quoted = names.map((n) => `'${n}'`);
  const which =
    quoted.length === 1
      ? `option ${quoted[0]}`
      : `options ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
  // "Unit 'X' …" reads "unit 'X' …" after the comma; a code or a key ("PostId", "FTE") keeps its case.
  const first = /^[A-Z][a-z]+\b/.test(message) ? message[0].toLowerCase() + message.slice(1) : message;
  return `In ${which}, ${first}`;
}
