import { InvalidArgumentError } from "./errors";
import type { Allocation } from "./result";
import { scenarioKey } from "./scenarioKey";

/** What one instrument pays in one option, over the period; amounts in quanta of Settings.rounding. */
export interface OptionFigures {
  code: string;
  /** Direct share of the common costs, before programme support costs. */
  direct: number;
  psc: number;
  /** direct + psc. */
  total: number;
  /** Stand-alone cost (Baseline) − direct share; absent for an instrument without a baseline. */
  savings?: number;
  /** Staff time borne (FTE), exact (not rounded). */
  fte: number;
  /** total − the total of the same instrument in the first option (0 in the first option). */
  difference: number;
}

/** One option of a comparison: its instruments' figures and their sums. */
export interface OptionComparison {
  name: string;
  /** True for the option written as Allocation and Annex 1. */
  written: boolean;
  /** One entry per instrument, in the order of `OptionsCompared.instruments`. */
  instruments: OptionFigures[];
  /** The sums over the instruments (savings: over those with a baseline; absent when none has one). */
  total: Omit<OptionFigures, "code">;
}

/** Every option of a run side by side, per instrument, with the difference from the first. */
export interface OptionsCompared {
  /** Instrument codes, in the order of the Instruments sheet. */
  instruments: string[];
  /** The options in order (Settings Scenarios); the first is the one differences are taken from. */
  options: OptionComparison[];
}

/**
 * Puts the options of a run side by side: for each option and instrument, the period's direct
 * share, programme support costs, total, savings against the Baseline and staff time, and the
 * difference of its total from the first option's. Figures are those of each option's own
 * allocation, so they add up as its sheets do. Throws for an allocation without options.
 */
export function compareOptions(allocation: Allocation): OptionsCompared {
  const scenarios = allocation.scenarios;
  if (scenarios === undefined || scenarios.length === 0) {
    throw new InvalidArgumentError("The run has no options to compare.");
  }
  const instruments = [...allocation.instruments];
  const written = scenarioKey(allocation.scenario ?? scenarios[0].name);
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  const figuresOf = (a: Allocation): Omit<OptionFigures, "difference">[] =>
    instruments.map((code) => {
      const t = a.instrumentTotals.find((x) => x.code === code);
      const s = a.savings.find((x) => x.code === code);
      return {
        code,
        direct: t === undefined ? 0 : sum(t.direct),
        psc: t === undefined ? 0 : sum(t.psc),
        total: t === undefined ? 0 : sum(t.total),
        ...(s !== undefined ? { savings: s.savings } : {}),
        fte: t?.fte ?? 0,
      };
    });
  const first = figuresOf(scenarios[0].allocation);
  const options = scenarios.map((scenario): OptionComparison => {
    const rows = figuresOf(scenario.allocation).map((f, i): OptionFigures => ({
      ...f,
      difference: f.total - first[i].total,
    }));
    const withSavings = rows.filter((r) => r.savings !== undefined);
    return {
      name: scenario.name,
      written: scenarioKey(scenario.name) === written,
      instruments: rows,
      total: {
        direct: sum(rows.map((r) => r.direct)),
        psc: sum(rows.map((r) => r.psc)),
        total: sum(rows.map((r) => r.total)),
        ...(withSavings.length > 0 ? { savings: sum(withSavings.map((r) => r.savings ?? 0)) } : {}),
        fte: sum(rows.map((r) => r.fte)),
        difference: sum(rows.map((r) => r.difference)),
      },
    };
  });
  return { instruments, options };
}
