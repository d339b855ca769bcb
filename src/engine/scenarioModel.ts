import { holdsIn } from "./holdsIn";
import type { Model } from "./model";
import { scenarioKey } from "./scenarioKey";

/** The model of one option: the Posts, Budget, Rules and Support rows that hold in it, and everything else. */
export function scenarioModel(model: Model, name: string): Model {
  const key = scenarioKey(name);
  return {
    ...model,
    posts: model.posts.filter((r) => holdsIn(r, key)),
    budget: model.budget.filter((r) => holdsIn(r, key)),
    rules: model.rules.filter((r) => holdsIn(r, key)),
    support: model.support.filter((r) => holdsIn(r, key)),
  };
}
