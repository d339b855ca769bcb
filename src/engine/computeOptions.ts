import { checkScenarios } from "./checkScenarios";
import { computeAllocation } from "./computeAllocation";
import { comparedFigures, type Headline, type PriorFigures } from "./headline";
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
 *
 * Each option's rounding is steered (computeAllocation) by the options before it in this run, and
 * by the same option's figures in the earlier runs given (`priors`, in order: what was published
 * first), so that an instrument whose exact figures an option or an edit leaves alone keeps its
 * figures.
 */
export function computeOptions(model: Model, priors: readonly PriorFigures[] = []): AllocationOutcome {
  const names = scenarioNames(model);
  if (names.length === 0)
    return computeAllocation(model, { options: [], published: priorsOf(priors, undefined) });
  const checked = checkScenarios(model, names);
  if (hasErrors(checked)) return { ok: false, problems: checked };
  const earlier: Headline[] = [];
  const written = scenarioKey(model.settings.scenario ?? names[0]);
  const outcomes = names.map((name) => {
    const outcome = computeAllocation(scenarioModel(model, name), {
      options: [...earlier],
      published: priorsOf(priors, name, scenarioKey(name) === written),
    });
    if (outcome.ok && outcome.allocation.headline !== undefined)
      earlier.push(comparedFigures(outcome.allocation.headline));
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
  const chosen = scenarios.find((s) => scenarioKey(s.name) === written) ?? scenarios[0];
  return { ok: true, allocation: { ...chosen.allocation, scenarios, warnings: problems } };
}

/**
 * The earlier runs' figures for an option (or, without a name, for a workbook without options):
 * the same option's figures compared where the run compared options; and, for the option
 * written, every figure the run wrote (its Allocation and annex), where a figure this option
 * shares with it keeps its value.
 */
function priorsOf(priors: readonly PriorFigures[], name: string | undefined, written = true): Headline[] {
  return priors.flatMap((p) => {
    if (p.options === undefined || name === undefined) return p.whole ?? [];
    const same = p.options.find((o) => scenarioKey(o.name) === scenarioKey(name))?.headline;
    return [...(same !== undefined ? [same] : []), ...(written && p.whole !== undefined ? [p.whole] : [])];
  });
}
