import { clampProportional } from "./clampProportional";
import { formatPercent } from "./formatPercent";

/** The result of applyBounds: shares adding up to 1, or why the bounds cannot hold. */
export type BoundsOutcome = { ok: true; shares: number[] } | { ok: false; message: string };

/**
 * Normalises weights to shares adding up to 1, then holds every share between a floor and a
 * ceiling with the excess (or shortfall) redistributed in proportion among the shares not at a
 * bound, as the UN scale of assessments does: share_i = clamp(λ·w_i, min, max) for the one λ that
 * makes them add up to 1 (clampProportional, the solver the scale of contributions uses too).
 * Infeasible bounds are a message.
 */
export function applyBounds(weights: number[], min?: number, max?: number): BoundsOutcome {
  const n = weights.length;
  if (n === 0) return { ok: false, message: "There is no participant to share the cost." };
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) return { ok: false, message: "A weight is negative or not a number." };
  }
  const lo = min ?? 0;
  const hi = max ?? 1;
  if (!Number.isFinite(lo) || lo < 0 || lo > 1)
    return { ok: false, message: `The floor ${formatPercent(lo)} must be from 0% to 100%.` };
  if (!Number.isFinite(hi) || hi <= 0 || hi > 1)
    return { ok: false, message: `The ceiling ${formatPercent(hi)} must be above 0% and at most 100%.` };
  if (lo > hi)
    return {
      ok: false,
      message: `The floor ${formatPercent(lo)} is above the ceiling ${formatPercent(hi)}.`,
    };
  if (n * lo > 1 + 1e-12) {
    return {
      ok: false,
      message: `Floors of ${formatPercent(lo)} for ${n} participants cannot all hold: they add up to ${formatPercent(n * lo)}.`,
    };
  }
  if (n * hi < 1 - 1e-12) {
    return {
      ok: false,
      message: `Ceilings of ${formatPercent(hi)} for ${n} participants cannot all hold: they add up to only ${formatPercent(n * hi)}.`,
    };
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0))
    return { ok: false, message: "Every participant's weight is zero, so there is nothing to share by." };
  const w = weights.map((x) => x / sum);
  if (min === undefined && max === undefined) return { ok: true, shares: w };

  const bounded = clampProportional(w, 1, lo, hi);
  if (!bounded.ok) {
    return {
      ok: false,
      message:
        `The ceiling of ${formatPercent(hi)} cannot hold: the participants below it have no weight ` +
        `to take the excess (only ${formatPercent(bounded.reachable)} can be shared).`,
    };
  }
  return { ok: true, shares: Array.from(bounded.values) };
}
