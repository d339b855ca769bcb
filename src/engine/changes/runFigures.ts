import type { Allocation } from "../result";
import type { RunFigures } from "./figures";

/** Each instrument's direct, PSC and total figures over the period of a run, in quanta. */
export function runFigures(allocation: Allocation): RunFigures {
  const sum = (a: readonly number[]) => a.reduce((s, v) => s + v, 0);
  return {
    currency: allocation.settings.currency,
    rounding: allocation.settings.rounding,
    instruments: [...allocation.instruments],
    byInstrument: Object.fromEntries(
      allocation.instrumentTotals.map((t) => [
        t.code,
        { direct: sum(t.direct), psc: sum(t.psc), total: sum(t.total) },
      ]),
    ),
  };
}
