import type { Figures } from "../../engine/changes/figures";
import type { Headline, PriorFigures } from "../../engine/headline";
import { nameKey } from "../../engine/stages/nameKey";
import { latestAndApproved, type RunHistory } from "./readRunHistory";
import type { RunRecord } from "./runRecord";

/**
 * Each instrument's exact period figures as a run records them, by instrument code: the floor and
 * the fraction of its direct share, PSC and total, in quanta (six numbers). The rounded figures
 * are the record's own (`byInstrument`).
 */
export type ExactFigures = Record<string, number[]>;

/** The exact figures of a headline, to record. */
export function exactFiguresOf(h: Headline): ExactFigures {
  return Object.fromEntries(
    h.codes.map((code, i) => [
      code,
      [0, 1, 2].flatMap((part) => [h.floor[3 * i + part], h.fraction[3 * i + part]]),
    ]),
  );
}

/** A recorded run's figures as a headline to steer by. */
function headlineOf(exact: ExactFigures, byInstrument: Record<string, Figures>): Headline {
  const codes = Object.keys(exact).filter((c) => byInstrument[c] !== undefined);
  const floor: number[] = [];
  const fraction: number[] = [];
  const rounded: number[] = [];
  for (const code of codes) {
    const e = exact[code];
    const f = byInstrument[code];
    floor.push(e[0], e[2], e[4]);
    fraction.push(e[1], e[3], e[5]);
    rounded.push(f.direct, f.psc, f.total);
  }
  return { codes, floor, fraction, rounded };
}

/**
 * What an earlier run published, to steer this run's rounding by (computeOptions), or undefined
 * when its figures cannot be compared: another currency or rounding, or a record of a version that
 * kept no exact figures.
 */
export function priorFiguresOf(
  record: RunRecord,
  now: { currency: string; rounding: number },
): PriorFigures | undefined {
  const { figures } = record;
  if (nameKey(figures.currency) !== nameKey(now.currency) || figures.rounding !== now.rounding)
    return undefined;
  if (record.exact === undefined) return undefined;
  const options = record.options?.flatMap((o) =>
    o.exact === undefined ? [] : [{ name: o.name, headline: headlineOf(o.exact, o.byInstrument) }],
  );
  return {
    whole: headlineOf(record.exact, figures.byInstrument),
    ...(options !== undefined ? { options } : {}),
  };
}

/**
 * What the earlier runs published, to steer this run by: the last approved run's figures first
 * (a Committee read them), then the latest run's.
 */
export function priorFigures(
  history: RunHistory,
  now: { currency: string; rounding: number },
): PriorFigures[] {
  const { latest, approved } = latestAndApproved(history);
  return [approved, latest === approved ? undefined : latest].flatMap((r) => {
    const prior = r === undefined ? undefined : priorFiguresOf(r, now);
    return prior === undefined ? [] : [prior];
  });
}
