import { computeOptions } from "../computeOptions";
import { comparedPrior, type PriorFigures, priorOf } from "../headline";
import type { Model } from "../model";
import type { Allocation } from "../result";
import { nameKey } from "../stages/nameKey";
import { CHANGE_CAUSES, type ChangeCause } from "./changeCause";
import { commonQuantum, quantaPer } from "./commonQuantum";
import { minus, NO_FIGURES, type Figures, type RunFigures } from "./figures";
import type { InputChange } from "./inputChange";
import { mixModels } from "./mixModels";
import { runFigures } from "./runFigures";

/** One step of the waterfall: the groups applied in it and what that moved for each instrument. */
export interface AttributionStep {
  /**
   * The groups applied together in this step: one, unless a model half-way could not be computed
   * (posts added to a unit whose rule is new too), when a group is taken with the next one.
   * "unattributed" when the earlier run's inputs are not recorded.
   */
  causes: (ChangeCause | "unattributed")[];
  /** What this step moved, by instrument code, in quanta of `quantum`. */
  parts: Record<string, Figures>;
}

/** A difference between two runs, instrument by instrument, broken down by its causes. */
export interface Attribution {
  /** The rounding unit of every figure below (the finer of the two runs' when Rounding changed). */
  quantum: number;
  /** Instrument codes: this run's in order, then those only the earlier run had. */
  instruments: string[];
  previous: Record<string, Figures>;
  current: Record<string, Figures>;
  /** The steps in the order applied; for each instrument their parts add up to current − previous. */
  steps: AttributionStep[];
}

/** An attribution, or why the two runs cannot be compared figure by figure. */
export type AttributionOutcome = { ok: true; attribution: Attribution } | { ok: false; reason: string };

/** A run as recorded: its figures, and its inputs when they were kept. */
export interface EarlierRun {
  figures: RunFigures;
  model?: Model;
  /** Its exact and rounded figures, when recorded: the models half way are steered by them (computeOptions). */
  prior?: PriorFigures;
  /**
   * Computed by this version of the add-in: then its inputs give its figures again (the engine is
   * deterministic, and steered by its own figures), and the first step is not computed.
   */
  sameVersion?: boolean;
}

/**
 * Explains the difference between an earlier run and this one as a waterfall: starting from the
 * earlier run's recorded figures, the earlier inputs are first computed by this version of the
 * add-in, then the groups of changes (CHANGE_CAUSES, in that order; only those with a change) are
 * applied one at a time to the earlier model and the whole engine is run again on each model half
 * way (every option, when the workbook has options: the figures are those of the option written);
 * a step's part is what it moved. The last step ends on this run's own figures, so for every
 * instrument the parts add up exactly to the difference, in integer quanta. Without the inputs of
 * either run, the difference is one part, "unattributed".
 */
export function attributeChanges(
  earlier: EarlierRun,
  current: { model?: Model; allocation: Allocation },
  changes: readonly InputChange[],
): AttributionOutcome {
  const was = earlier.figures;
  const now = runFigures(current.allocation);
  if (nameKey(was.currency) !== nameKey(now.currency)) {
    return {
      ok: false,
      reason: `the earlier run was in ${was.currency} and this one is in ${now.currency}, so their figures are not compared`,
    };
  }
  const quantum = commonQuantum(was.rounding, now.rounding);
  if (quantum === undefined) {
    return {
      ok: false,
      reason: `Rounding changed from ${was.rounding} to ${now.rounding}, and neither is a whole multiple of the other, so the figures cannot be compared to the unit`,
    };
  }
  const codes = new Codes(now.instruments, was.instruments);
  const inQuanta = (f: RunFigures) => codes.figures(f, quantum);
  const previous = inQuanta(was);
  const last = inQuanta(now);

  const before = earlier.model;
  const after = current.model;
  if (before === undefined || after === undefined) {
    return {
      ok: true,
      attribution: {
        quantum,
        instruments: codes.list,
        previous,
        current: last,
        steps: [{ causes: ["unattributed"], parts: codes.diff(last, previous) }],
      },
    };
  }
  const changed = new Set(changes.map((c) => c.cause));
  const groups = CHANGE_CAUSES.map((c) => c.cause).filter((c) => c !== "version" && changed.has(c));
  const targets: ChangeCause[] = ["version", ...groups];
  const steps: AttributionStep[] = [];
  // By the figures the steps show (each instrument's for the period): steering the rest would cost
  // time and show nothing.
  const steerBy = [...(earlier.prior !== undefined ? [earlier.prior] : []), priorOf(current.allocation)].map(
    comparedPrior,
  );
  const applied = new Set<ChangeCause>();
  let reached = previous;
  let pending: ChangeCause[] = [];
  targets.forEach((target, i) => {
    if (target !== "version") applied.add(target);
    pending.push(target);
    let figures: Record<string, Figures>;
    if (i === targets.length - 1) figures = last;
    else if (i === 0 && earlier.sameVersion === true && earlier.prior !== undefined) figures = previous;
    else {
      // Steered by the earlier run's figures, then this run's: a figure no change so far has
      // touched keeps the earlier one, a figure no change still to come touches takes this run's,
      // so that a step moves only what it changes.
      // (The earlier inputs themselves, by the earlier figures alone: this run's are no guide to them.)
      const outcome = computeOptions(
        mixModels(before, after, applied),
        i === 0 ? steerBy.slice(0, -1) : steerBy,
      );
      if (!outcome.ok) return;
      figures = inQuanta(runFigures(outcome.allocation));
    }
    steps.push({ causes: pending, parts: codes.diff(figures, reached) });
    reached = figures;
    pending = [];
  });
  // The first step only shows when this version computes the earlier inputs otherwise than they were recorded.
  const [first, ...rest] = steps;
  const silent =
    first.causes.length === 1 &&
    Object.values(first.parts).every((f) => f.direct === 0 && f.psc === 0 && f.total === 0);
  return {
    ok: true,
    attribution: { quantum, instruments: codes.list, previous, current: last, steps: silent ? rest : steps },
  };
}

/** The instruments of both runs, matched by code whatever its case, under this run's spelling. */
class Codes {
  readonly list: string[] = [];
  private readonly byKey = new Map<string, string>();

  constructor(now: readonly string[], was: readonly string[]) {
    for (const code of [...now, ...was]) {
      if (this.byKey.has(nameKey(code))) continue;
      this.byKey.set(nameKey(code), code);
      this.list.push(code);
    }
  }

  /** A run's figures under our codes, in quanta of `quantum`; an instrument it lacks has none. */
  figures(run: RunFigures, quantum: number): Record<string, Figures> {
    const k = quantaPer(run.rounding, quantum) as number;
    const out: Record<string, Figures> = Object.fromEntries(this.list.map((c) => [c, { ...NO_FIGURES }]));
    for (const [code, f] of Object.entries(run.byInstrument)) {
      const ours = this.byKey.get(nameKey(code)) ?? code;
      out[ours] = { direct: f.direct * k, psc: f.psc * k, total: f.total * k };
    }
    return out;
  }

  diff(a: Record<string, Figures>, b: Record<string, Figures>): Record<string, Figures> {
    return Object.fromEntries(this.list.map((c) => [c, minus(a[c] ?? NO_FIGURES, b[c] ?? NO_FIGURES)]));
  }
}
