import { holdsIn } from "../engine/holdsIn";
import type { Allocation } from "../engine/result";
import { scenarioKey } from "../engine/scenarioKey";

/** One instrument's change between two allocations, in quanta. */
export interface InstrumentChange {
  code: string;
  /** After minus before (positive = pays more). */
  delta: number;
}

/** The direct share of every instrument in one unit over the period, in quanta; undefined when the unit is not there. */
function unitShares(allocation: Allocation, unit: string): number[] | undefined {
  const u = allocation.units.find((x) => x.unit.toLowerCase() === unit.toLowerCase());
  if (!u) return undefined;
  const n = allocation.instruments.length;
  return allocation.instruments.map((_, i) =>
    allocation.years.reduce((s, _y, y) => s + (u.shares[y * n + i] ?? 0), 0),
  );
}

/**
 * How each instrument's direct share of one unit moved from `before` (the rules as read) to
 * `after` (the rules as edited), read from both results: instruments that did not move are left out.
 */
export function unitChanges(before: Allocation, after: Allocation, unit: string): InstrumentChange[] {
  const a = unitShares(before, unit);
  const b = unitShares(after, unit);
  if (!a || !b || before.instruments.join() !== after.instruments.join()) return [];
  return after.instruments.map((code, i) => ({ code, delta: b[i] - a[i] })).filter((c) => c.delta !== 0);
}

/** How each instrument's total with programme support costs over the period moved between two results. */
export function totalChanges(before: Allocation, after: Allocation): InstrumentChange[] {
  const sum = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);
  const was = new Map(before.instrumentTotals.map((t) => [t.code, sum(t.total)]));
  return after.instrumentTotals
    .map((t) => ({ code: t.code, delta: sum(t.total) - (was.get(t.code) ?? 0) }))
    .filter((c) => c.delta !== 0);
}

/**
 * By draft index, for each rule that does not hold in the option written (`after.scenario`): its
 * unit's change of shares in the first option it holds in, with that option's name. The pane's
 * other figures are the written option's, where such a rule changes nothing.
 */
export function elsewhereChanges(
  before: Allocation,
  after: Allocation,
  drafts: readonly { unit: string; scenarios?: readonly string[] }[],
): Record<number, { option: string; changes: InstrumentChange[] }> {
  const out: Record<number, { option: string; changes: InstrumentChange[] }> = {};
  const written = after.scenario;
  if (written === undefined) return out;
  drafts.forEach((d, i) => {
    if (holdsIn(d, scenarioKey(written))) return;
    const option = after.scenarios?.find((s) => holdsIn(d, scenarioKey(s.name)));
    const was = option && before.scenarios?.find((s) => scenarioKey(s.name) === scenarioKey(option.name));
    if (option === undefined || was === undefined) return;
    out[i] = { option: option.name, changes: unitChanges(was.allocation, option.allocation, d.unit) };
  });
  return out;
}
