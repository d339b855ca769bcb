import { checkScenarios } from "./checkScenarios";
import { allocateOption, computeAllocation } from "./computeAllocation";
import type { Headline } from "./stages/roundShares";
import { mergeOptionProblems } from "./mergeOptionProblems";
import type { Model } from "./model";
import { hasErrors } from "./problem";
import type { AllocationOutcome, ScenarioResult } from "./result";
import { scenarioKey } from "./scenarioKey";
import { scenarioModel } from "./scenarioModel";
import { scenarioNames } from "./scenarioNames";

/**
 * The whole computation for a workbook with options (scenarios): every option runs the whole
 * pipeline (computeAllocation) on the rows that hold in it, and the result is the allocation of
 * the option to write (Settings Scenario, default the first), carrying every option's allocation
 * in order. Problems of all options come together, each naming the options it concerns; any
 * error in any option blocks the run. A model without options is simply allocated.
 */
export function computeOptions(model: Model): AllocationOutcome {
  const names = scenarioNames(model);
  if (names.length === 0) return computeAllocation(model);
  const checked = checkScenarios(model, names);
  if (hasErrors(checked)) return { ok: false, problems: checked };
  // Each option in turn, its rounding steered by the options before it (allocateOption).
  const headlines: Headline[] = [];
  const outcomes = names.map((name) => {
    const { outcome, headline } = allocateOption(scenarioModel(model, name), headlines);
    if (headline !== undefined) headlines.push(headline);
    return outcome;
  });
  const problems = [
    ...checked,
    ...mergeOptionProblems(
      model,
      outcomes.map((o, k) => ({ name: names[k], problems: o.ok ? o.allocation.warnings : o.problems })),
    ),
  ];
  const scenarios: ScenarioResult[] = [];
  for (const [k, outcome] of outcomes.entries()) {
    if (!outcome.ok || hasErrors(problems)) return { ok: false, problems };
    scenarios.push({ name: names[k], allocation: { ...outcome.allocation, scenario: names[k] } });
  }
  const wanted = scenarioKey(model.settings.scenario ?? names[0]);
  const chosen = scenarios.find((s) => scenarioKey(s.name) === wanted) ?? scenarios[0];
  return { ok: true, allocation: { ...chosen.allocation, scenarios, warnings: problems } };
}
