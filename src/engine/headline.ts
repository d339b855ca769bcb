import { nameKey } from "./stages/nameKey";

/**
 * The figures a computation publishes, exact and as rounded, each by its key (figureKey): every
 * instrument's direct share, PSC and total for the period and its direct share and PSC each year;
 * the grand totals, for the period and each year; each unit's cost each year, each instrument's
 * share of it, and what each support unit passed on to it, in all and for each instrument. A
 * computation that comes later — another option of the same run, or the next run of the workbook
 * — steers its rounding by them, so that a figure whose exact value is the same gets the same
 * rounded one (roundShares, steerFlow), in quanta.
 */
export interface Headline {
  keys: readonly string[];
  /** The exact values, as floor + fraction (kept apart, so that equal figures compare equal). */
  floor: ArrayLike<number>;
  fraction: ArrayLike<number>;
  rounded: ArrayLike<number>;
}

/** What a figure is: an instrument's, the grand total's, a unit's cost, a unit's share, what a support unit passed on. */
export type FigureKind = "instrument" | "grand" | "unit" | "share" | "passed" | "support";

/**
 * A figure's key: its kind, what it measures ("direct", "psc", "total", or "cost"), the year (its
 * place in the period, or −1 for the whole period) and the names it belongs to (instrument
 * codes, unit names, compared as the engine compares names), as one text.
 */
export function figureKey(kind: FigureKind, part: string, year: number, ...names: string[]): string {
  return JSON.stringify([kind, part, year, ...names.map(nameKey)]);
}

// Each headline's compared figures, worked out once (computeOptions asks for them per option).
const comparedOf = new WeakMap<Headline, Headline>();

/**
 * The figures the options compared publish (the Options sheet, the annex's options table) and the
 * Changes sheet attributes: each instrument's direct share, PSC and total for the period, and the
 * grand totals. The other options' yearly figures and units' shares are published nowhere, so
 * steering by them would cost time and keep nothing an officer sees.
 */
export function comparedFigures(h: Headline): Headline {
  let out = comparedOf.get(h);
  if (out === undefined) {
    const kept = h.keys.flatMap((key, j) => {
      // Most keys are of units' figures: only an instrument's or a grand total's is read further.
      if (!key.startsWith('["grand"') && !key.startsWith('["instrument"')) return [];
      const [kind, , year] = JSON.parse(key) as [FigureKind, string, number];
      return kind === "grand" || (kind === "instrument" && year === -1) ? [j] : [];
    });
    out = {
      keys: kept.map((j) => h.keys[j]),
      floor: kept.map((j) => h.floor[j]),
      fraction: kept.map((j) => h.fraction[j]),
      rounded: kept.map((j) => h.rounded[j]),
    };
    comparedOf.set(h, out);
  }
  return out;
}

/** Prior figures reduced to those compared (comparedFigures). */
export function comparedPrior(p: PriorFigures): PriorFigures {
  return {
    ...(p.whole !== undefined ? { whole: comparedFigures(p.whole) } : {}),
    ...(p.options !== undefined
      ? { options: p.options.map((o) => ({ name: o.name, headline: comparedFigures(o.headline) })) }
      : {}),
  };
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
