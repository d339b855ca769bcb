import { chooseScenario } from "../engine/chooseScenario";
import { scenarioKey } from "../engine/scenarioKey";
import type { Allocation } from "../engine/result";

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
