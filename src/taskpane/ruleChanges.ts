import type { Allocation } from "../engine/result";

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
