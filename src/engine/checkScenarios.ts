import type { Model } from "./model";
import { problemAt, type Problem, type SourceRef } from "./problem";
import { scenarioKey } from "./scenarioKey";

/**
 * Checks the options of a model against its list of names: the list names each option once, every
 * row names only listed options, and the option to write (Settings Scenario) is one of them.
 */
export function checkScenarios(model: Model, names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const { settings } = model;
  const keys = new Set<string>();
  for (const name of names) {
    const key = scenarioKey(name);
    if (key === "" || keys.has(key)) {
      problems.push(
        setting(
          settings.sources?.scenarios,
          key === ""
            ? "Scenarios lists an option without a name; separate the names with ';'."
            : `Scenarios lists option '${name.trim()}' twice; list each option once.`,
        ),
      );
    }
    keys.add(key);
  }
  const listed = names.map((n) => n.trim()).join(", ");
  for (const rows of [model.posts, model.budget, model.rules, model.support]) {
    for (const row of rows) {
      for (const name of row.scenarios ?? []) {
        if (keys.has(scenarioKey(name))) continue;
        problems.push(
          problemAt(
            row.source,
            "Scenario",
            `'${name.trim()}' is not one of the options of this workbook (${listed}).`,
          ),
        );
      }
    }
  }
  const chosen = settings.scenario;
  if (chosen !== undefined && !keys.has(scenarioKey(chosen))) {
    problems.push(
      setting(
        settings.sources?.scenario,
        `Scenario names option '${chosen.trim()}', which is not one of the options of this workbook (${listed}).`,
      ),
    );
  }
  return problems;
}

/** A problem with a setting: at its Value cell when it was read from a row, else about the sheet. */
function setting(source: SourceRef | undefined, message: string): Problem {
  return source === undefined
    ? { severity: "error", sheet: "Settings", field: "Value", message }
    : problemAt(source, "Value", message);
}
