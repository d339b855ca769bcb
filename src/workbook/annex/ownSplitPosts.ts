import type { Allocation } from "../../engine/result";

/** Titles of a unit's posts that follow their own split rather than the unit's rule. */
export function ownSplitPosts(allocation: Allocation, unit: string): string[] {
  return allocation.lines
    .filter((l) => l.kind === "post" && l.unit === unit && l.rule.startsWith("Own split:"))
    .map((l) => l.title);
}
