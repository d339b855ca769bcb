import { computeAllocation } from "./computeAllocation";
import { computeContributions } from "./computeContributions";
import type { Model } from "./model";
import type { AllocationOutcome } from "./result";

/**
 * The whole run on a model: the allocation, then, when the workbook has a Parties sheet, the
 * scale of contributions of each instrument with Parties (which may need the allocation's totals).
 */
export function allocateWithContributions(model: Model): AllocationOutcome {
  const outcome = computeAllocation(model);
  if (!outcome.ok || model.parties === undefined) return outcome;
  const scales = computeContributions(model, outcome.allocation);
  if (!scales.ok) return { ok: false, problems: scales.problems };
  return { ok: true, allocation: { ...outcome.allocation, contributions: scales.contributions } };
}
