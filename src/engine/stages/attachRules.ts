import type { Rule } from "../model";
import { problemAt, warningAt, type Problem } from "../problem";
import { nameKey } from "./nameKey";
import type { UnitTable } from "./UnitTable";

/** Gives each unit its rule from the Rules sheet: one rule per unit; a support unit's rule is not used. */
export function attachRules(
  rules: readonly Rule[],
  units: UnitTable,
  providers: ReadonlySet<string>,
  problems: Problem[],
): void {
  for (const rule of rules) {
    if (providers.has(nameKey(rule.unit))) {
      problems.push(
        warningAt(
          rule.source,
          "Unit",
          `Unit '${rule.unit}' is a support unit (a Provider in the Support sheet): its costs are passed on to the units it serves, and this rule is not used.`,
        ),
      );
      continue;
    }
    const u = units.unit(rule.unit);
    if (u.rule !== undefined) {
      problems.push(
        problemAt(rule.source, "Unit", `Unit '${rule.unit}' has more than one rule in the Rules sheet.`),
      );
      continue;
    }
    u.rule = rule;
  }
}
