/**
 * Each instrument's direct share, PSC and total with PSC for the period, exact and as rounded, by
 * instrument at [3i], [3i + 1] and [3i + 2] (i in the order of `codes`), in quanta. A computation
 * that comes later — another option of the same run, or the next run of the workbook — steers its
 * rounding by them, so that an instrument whose exact figures are the same gets the same rounded
 * ones (roundShares, steerFlow).
 */
export interface Headline {
  codes: readonly string[];
  /** The exact values, as floor + fraction (kept apart, so that equal figures compare equal). */
  floor: ArrayLike<number>;
  fraction: ArrayLike<number>;
  rounded: ArrayLike<number>;
}

/**
 * What a computation is steered by: the options before it in the same run, then what earlier runs
 * published. In that order, in two passes (roundShares), so that a run on the same inputs as the
 * run before gives the same figures to the last cell: the first pass makes exactly the run before,
 * and the second then has nothing to move.
 */
export interface Steering {
  options: readonly Headline[];
  published: readonly Headline[];
}

/** No steering: a computation on its own. */
export const ON_ITS_OWN: Steering = { options: [], published: [] };

/** What another computation left to steer by: its allocation's headline figures, and each option's. */
export interface PriorFigures {
  /** The allocation it wrote (its only one, without options). */
  whole?: Headline;
  /** Each option's, when it compared options. */
  options?: readonly { name: string; headline: Headline }[];
}

/** An allocation's figures to steer another computation by. */
export function priorOf(allocation: {
  headline?: Headline;
  scenarios?: readonly { name: string; allocation: { headline?: Headline } }[];
}): PriorFigures {
  return {
    ...(allocation.headline !== undefined ? { whole: allocation.headline } : {}),
    ...(allocation.scenarios !== undefined
      ? {
          options: allocation.scenarios.flatMap((s) =>
            s.allocation.headline !== undefined ? [{ name: s.name, headline: s.allocation.headline }] : [],
          ),
        }
      : {}),
  };
}
