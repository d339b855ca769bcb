import type { Settings } from "./model";
import { problemAt, type Problem, type SourceRef } from "./problem";

/** The source of a setting, looked up by its key as written or in any case ("Years", "years"). */
function sourceOf(settings: Settings, key: string): SourceRef {
  const s = settings.sources;
  if (s !== undefined) {
    const hit =
      s[key] ??
      s[key.toLowerCase()] ??
      Object.entries(s).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    if (hit !== undefined) return hit;
  }
  return { sheet: "Settings", row: 0 };
}

function at(settings: Settings, key: string, message: string): Problem {
  const source = sourceOf(settings, key);
  // A setting left to its default has no row: the problem is about the sheet, not a cell.
  if (source.row === 0) return { severity: "error", sheet: "Settings", field: "Value", message };
  return problemAt(source, "Value", message);
}

/** Checks that every setting is in range; each problem names the Settings row (field "Value"). */
export function validateSettings(settings: Settings): Problem[] {
  const problems: Problem[] = [];
  const { years, rounding, psc, escalation, firstYear, supportMethod } = settings;
  if (!Number.isInteger(firstYear))
    problems.push(at(settings, "FirstYear", `FirstYear must be a year such as 2015, not ${firstYear}.`));
  if (!Number.isInteger(years) || years < 1 || years > 50) {
    problems.push(at(settings, "Years", `Years must be a whole number from 1 to 50, not ${years}.`));
  }
  if (!Number.isFinite(rounding) || rounding <= 0) {
    problems.push(
      at(
        settings,
        "Rounding",
        `Rounding must be above zero (1 = whole units, 0.01 = cents), not ${rounding}.`,
      ),
    );
  }
  if (!Number.isFinite(psc) || psc < 0 || psc >= 1) {
    problems.push(at(settings, "PSC", `PSC must be a rate from 0% to under 100% (e.g. 13%), not ${psc}.`));
  }
  if (!Number.isFinite(escalation) || escalation <= -1) {
    problems.push(
      at(
        settings,
        "Escalation",
        `Escalation must be a yearly rate above -100% (e.g. 2%), not ${escalation}.`,
      ),
    );
  }
  if (supportMethod !== "reciprocal" && supportMethod !== "step-down") {
    problems.push(
      at(
        settings,
        "SupportMethod",
        `SupportMethod '${String(supportMethod)}' is not known. Use reciprocal or step-down.`,
      ),
    );
  }
  return problems;
}
