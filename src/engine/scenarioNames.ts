import type { Model } from "./model";
import { scenarioKey } from "./scenarioKey";

/**
 * The options (scenarios) of a model, in order: the Settings list when it has one, otherwise
 * the order in which the Posts, Budget, Rules and Support rows first name them. Empty: the
 * model has no options.
 */
export function scenarioNames(model: Model): string[] {
  const listed = model.settings.scenarios;
  if (listed !== undefined && listed.length > 0) return listed;
  const names: string[] = [];
  const seen = new Set<string>();
  for (const rows of [model.posts, model.budget, model.rules, model.support]) {
    for (const row of rows) {
      for (const name of row.scenarios ?? []) {
        const key = scenarioKey(name);
        if (key === "" || seen.has(key)) continue;
        seen.add(key);
        names.push(name.trim());
      }
    }
  }
  return names;
}
