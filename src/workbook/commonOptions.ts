import { scenarioKey } from "../engine/scenarioKey";

/**
 * The options two rows both hold in, from their Scenario cells: "every" when neither names any,
 * otherwise the names they share (a blank cell holds in every option); empty when they never meet.
 */
export function commonOptions(
  a: readonly string[] | undefined,
  b: readonly string[] | undefined,
): string[] | "every" {
  if (a === undefined && b === undefined) return "every";
  if (a === undefined) return [...(b ?? [])];
  if (b === undefined) return [...a];
  const keys = new Set(b.map(scenarioKey));
  return a.filter((n) => keys.has(scenarioKey(n)));
}

/** How two rows that meet are told apart in a message: nothing when they meet in every option. */
export function inCommonOptions(common: string[] | "every"): string {
  if (common === "every") return "";
  const quoted = common.map((n) => `'${n}'`);
  return quoted.length === 1
    ? ` in option ${quoted[0]}`
    : ` in options ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
