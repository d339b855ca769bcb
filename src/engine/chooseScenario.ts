import { InvalidArgumentError } from "./errors";
import type { Allocation } from "./result";
import { scenarioKey } from "./scenarioKey";

/**
 * The allocation of another option of the same run, to write instead of the one the workbook
 * names (the task pane lets the officer choose): every option and the run's warnings go with it.
 */
export function chooseScenario(allocation: Allocation, name: string): Allocation {
  const scenarios = allocation.scenarios;
  const wanted = scenarios?.find((s) => scenarioKey(s.name) === scenarioKey(name));
  if (scenarios === undefined || wanted === undefined) {
    throw new InvalidArgumentError(`The run has no option named '${name}'.`);
  }
  return { ...wanted.allocation, scenarios, warnings: allocation.warnings };
}
