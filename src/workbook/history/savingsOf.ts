import type { Allocation } from "../../engine/result";

/** Each instrument's savings against the Baseline over the period, in quanta, by instrument code. */
export function savingsOf(allocation: Allocation): Record<string, number> {
  return Object.fromEntries(allocation.savings.map((s) => [s.code, s.savings]));
}
