import type { PriorFigures } from "./headline";
import { computeContributions, scaleProblemsAlone } from "./computeContributions";
import { computeOptions } from "./computeOptions";
import type { Model } from "./model";
import type { AllocationOutcome } from "./result";

/**
 * The whole run on a model: the allocation (of every option, when the workbook has options), then,
 * when the workbook has a Parties sheet, the scale of contributions of each instrument with
 * Parties, on the allocation of the option written (an instrument without an Amount shares its
 * total with PSC under that option); when the allocation fails, the scales whose amounts are
 * given, for their problems. `priors`: what earlier runs published, to steer by (computeOptions).
 */
export function allocateWithContributions(
  model: Model,
  priors: readonly PriorFigures[] = [],
): AllocationOutcome {
  const outcome = computeOptions(model, priors);
  if (model.parties === undefined) return outcome;
  // With no allocation, the scales that need none are still tried, so that their problems come now.
  if (!outcome.ok) return { ok: false, problems: [...outcome.problems, ...scaleProblemsAlone(model)] };
  const scales = computeContributions(model, outcome.allocation);
  if (!scales.ok) return { ok: false, problems: scales.problems };
  return { ok: true, allocation: { ...outcome.allocation, contributions: scales.contributions } };
}
