import { runFigures } from "../../engine/changes/runFigures";
import type { Allocation } from "../../engine/result";
import { scenarioKey } from "../../engine/scenarioKey";
import { comparedFigures } from "../../engine/headline";
import { exactFiguresOf } from "./recordedHeadline";
import { savingsOf } from "./savingsOf";
import type { RunRecord } from "./runRecord";

/** An option's period figures by instrument code, in quanta, as a run's record keeps them. */
export type RecordedOption = NonNullable<RunRecord["options"]>[number];

/** One option in an earlier run and in this one; a side is missing when the option is in one run only. */
export interface OptionPair {
  name: string;
  before?: RecordedOption;
  after?: RecordedOption;
}

/** Each option's period figures as a run's record keeps them, or undefined for a run without options. */
export function recordedOptions(allocation: Allocation): RecordedOption[] | undefined {
  return allocation.scenarios?.map((s) => ({
    name: s.name,
    byInstrument: runFigures(s.allocation).byInstrument,
    savings: savingsOf(s.allocation),
    ...(s.allocation.headline !== undefined
      ? { exactFigures: exactFiguresOf(comparedFigures(s.allocation.headline)) }
      : {}),
  }));
}

/**
 * The options of an earlier run and of this one, matched by name as options are matched
 * (scenarioKey): in the order of the run named `first`, then the other run's options it lacks.
 */
export function pairOptions(
  before: readonly RecordedOption[],
  after: readonly RecordedOption[],
  first: "before" | "after",
): OptionPair[] {
  const [lead, rest] = first === "before" ? [before, after] : [after, before];
  const pairs: OptionPair[] = [];
  for (const o of [...lead, ...rest]) {
    const key = scenarioKey(o.name);
    if (pairs.some((p) => scenarioKey(p.name) === key)) continue;
    const was = before.find((b) => scenarioKey(b.name) === key);
    const now = after.find((a) => scenarioKey(a.name) === key);
    pairs.push({ name: o.name, ...(was ? { before: was } : {}), ...(now ? { after: now } : {}) });
  }
  return pairs;
}
