import { computeSavings } from "./stages/computeSavings";
import type { Model } from "./model";
import { hasErrors } from "./problem";
import type { AllocationOutcome } from "./result";
import { describeResults } from "./stages/describeResults";
import { type Prepared, prepareAllocation } from "./stages/prepareAllocation";
import { ON_ITS_OWN, type Steering } from "./headline";
import { type RoundedShares, roundShares } from "./stages/roundShares";
import { settle } from "./stages/settle";
import { splitSupportLines } from "./stages/splitSupportLines";

/**
 * The whole computation, as a pipeline of stages (each in src/engine/stages): check and split the
 * model (prepareAllocation: settings, instruments, grades, the lines' costs per year, rules,
 * support links, each unit's split, where support lands); split and round every line, unit, year
 * and instrument at once, programme support costs included (roundShares, controlled rounding);
 * share the support units' lines; the result records; savings; settlement.
 * It never throws for bad data: every problem is collected, with the row and field it came from.
 *
 * `steer`: headline figures computed before (the options before it, earlier runs): an
 * instrument whose exact figures are the same gets the same rounded ones where the rounding
 * allows it (roundShares). The allocation carries its own, for what comes after it.
 */
export function computeAllocation(model: Model, steer: Steering = ON_ITS_OWN): AllocationOutcome {
  const outcome = prepareAllocation(model);
  if (!outcome.ok) return outcome;
  const shares = roundShares(outcome.prepared, model.settings.psc, steer);
  return describeAllocation(model, outcome.prepared, shares);
}

/** The rest of the pipeline, once the shares are rounded: support lines, results, savings, settlement. */
function describeAllocation(model: Model, p: Prepared, shares: RoundedShares): AllocationOutcome {
  const { settings } = model;
  splitSupportLines(shares.supportShares, p, shares.lineShares, shares.byCategory);
  const { psc } = shares;
  const described = describeResults({ ...p, model, supportMethod: settings.supportMethod, shares, psc });
  const savings = computeSavings(model.baseline, described.instrumentTotals, p, p.problems);
  if (hasErrors(p.problems)) return { ok: false, problems: p.problems };
  const grandDirect = p.cost.years.map((_, y) =>
    described.instrumentTotals.reduce((a, t) => a + t.direct[y], 0),
  );
  return {
    ok: true,
    allocation: {
      settings,
      years: p.cost.years,
      instruments: p.index.codes,
      ...described,
      savings,
      settlement: settle(p.index.codes, shares.direct, p.lines),
      headline: shares.headline,
      grandTotal: {
        direct: grandDirect,
        psc: psc.byYear,
        total: grandDirect.map((d, y) => d + psc.byYear[y]),
      },
      warnings: p.problems,
    },
  };
}
