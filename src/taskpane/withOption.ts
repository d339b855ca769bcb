import type { Model } from "../engine/model";
import { scenarioKey } from "../engine/scenarioKey";

/**
 * The model with the option the officer chose in the pane as the one written (Settings Scenario),
 * so that the run is the one the CLI makes of the workbook with that Scenario: the option's
 * figures, its scales of contributions, and a record, Log and Changes that know which option
 * they are. The model as it is when nothing was chosen, or when it has no option of that name
 * (the workbook, read again, may no longer have it).
 */
export function withOption(model: Model, option: string | undefined): Model {
  if (option === undefined) return model;
  const names = model.settings.scenarios ?? [];
  const name = names.find((s) => scenarioKey(s) === scenarioKey(option));
  if (name === undefined) return model;
  return { ...model, settings: { ...model.settings, scenario: name } };
}

/** The adjustment of a run: the rules as edited (`edited`, when any), with the option chosen. */
export function adjustFor(
  edited: Model | undefined,
  option: string | undefined,
): ((read: Model) => Model) | undefined {
  if (edited === undefined && option === undefined) return undefined;
  return (read) => withOption(edited ?? read, option);
}
