import { scenarioKey } from "./scenarioKey";

/** True when a row holds in the option whose key is given: its Scenario cell is blank or names it. */
export function holdsIn(row: { scenarios?: readonly string[] }, key: string): boolean {
  const names = row.scenarios;
  return names === undefined || names.length === 0 || names.some((n) => scenarioKey(n) === key);
}
