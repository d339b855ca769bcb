import type { Headline, PriorFigures } from "../../engine/headline";
import { nameKey } from "../../engine/stages/nameKey";
import { latestAndApproved, type RunHistory } from "./readRunHistory";
import type { RunRecord } from "./runRecord";

/**
 * A computation's published figures as a run records them, by key (figureKey): the floor and the
 * fraction of each exact value and the value as rounded, in quanta.
 */
export type ExactFigures = Record<string, number[]>;

/** The figures of a headline, to record. */
export function exactFiguresOf(h: Headline): ExactFigures {
  return Object.fromEntries(h.keys.map((key, j) => [key, [h.floor[j], h.fraction[j], h.rounded[j]]]));
}

/** A recorded run's figures as a headline to steer by. */
function headlineOf(exact: ExactFigures): Headline {
  const keys = Object.keys(exact);
  return {
    keys,
    floor: keys.map((k) => exact[k][0]),
    fraction: keys.map((k) => exact[k][1]),
    rounded: keys.map((k) => exact[k][2]),
  };
}

/**
 * What an earlier run published, to steer this run's rounding by (computeOptions), or undefined
 * when its figures cannot be compared: another currency or rounding, or a record that keeps no
 * exact figures (one of an earlier version, or neither the latest nor the last approved run).
 */
export function priorFiguresOf(
  record: RunRecord,
  now: { currency: string; rounding: number },
): PriorFigures | undefined {
  const { figures } = record;
  if (nameKey(figures.currency) !== nameKey(now.currency) || figures.rounding !== now.rounding)
    return undefined;
  if (record.exactFigures === undefined) return undefined;
  const options = record.options?.flatMap((o) =>
    o.exactFigures === undefined ? [] : [{ name: o.name, headline: headlineOf(o.exactFigures) }],
  );
  return {
    whole: headlineOf(record.exactFigures),
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
