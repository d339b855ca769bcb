import { chooseScenario } from "../engine/chooseScenario";
import { scenarioKey } from "../engine/scenarioKey";
import type { Allocation } from "../engine/result";
import type { RunOutcome, WritableRun } from "./pipeline";

/**
 * The run with the option the officer chose in the pane as the one shown and written; the run as
 * it is when nothing was chosen, or when the workbook (read again) no longer has that option.
 */
export function withOption(
  allocation: Allocation | undefined,
  option: string | undefined,
): Allocation | undefined {
  if (allocation === undefined || option === undefined) return allocation;
  const known = allocation.scenarios?.some((s) => scenarioKey(s.name) === scenarioKey(option)) ?? false;
  return known ? chooseScenario(allocation, option) : allocation;
}

/**
 * A run to write with `allocation` (the option chosen in the pane, as withOption gives it): its
 * model names that option as the one written, so that the run's record, the Log and the next
 * run's Changes know which option these figures are (the Settings sheet may name another).
 */
export function runWithOption(outcome: RunOutcome, allocation: Allocation): WritableRun {
  const model = outcome.model;
  const chosen = allocation.scenario;
  const named = model?.settings.scenario;
  if (
    model === undefined ||
    chosen === undefined ||
    (named !== undefined && scenarioKey(named) === scenarioKey(chosen))
  )
    return { ...outcome, allocation };
  return { ...outcome, allocation, model: { ...model, settings: { ...model.settings, scenario: chosen } } };
}
