/** An instrument's figures for the whole period, in integer quanta: direct (before PSC), PSC and total. */
export interface Figures {
  direct: number;
  psc: number;
  total: number;
}

/** The figures of one run as recorded: enough to compare it with a later run. */
export interface RunFigures {
  currency: string;
  /** The Rounding setting the figures are quanta of. */
  rounding: number;
  /** Instrument codes, in the order of the run's Instruments sheet. */
  instruments: string[];
  /** Period figures by instrument code, in quanta of `rounding`. */
  byInstrument: Record<string, Figures>;
}

/** figures a − b, figure by figure. */
export function minus(a: Figures, b: Figures): Figures {
  return { direct: a.direct - b.direct, psc: a.psc - b.psc, total: a.total - b.total };
}

/** No figures: an instrument that is not in a run. */
export const NO_FIGURES: Readonly<Figures> = Object.freeze({ direct: 0, psc: 0, total: 0 });
