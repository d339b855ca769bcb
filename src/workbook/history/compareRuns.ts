import { attributeChanges, type AttributionOutcome } from "../../engine/changes/attributeChanges";
import { diffModels } from "../../engine/changes/diffModels";
import type { InputChange } from "../../engine/changes/inputChange";
import type { Model } from "../../engine/model";
import { fromQuanta } from "../../engine/money";
import type { Allocation } from "../../engine/result";
import { scenarioKey } from "../../engine/scenarioKey";
import { pairOptions, recordedOptions } from "./pairOptions";
import { latestAndApproved, type RunHistory } from "./readRunHistory";
import { VERSION } from "../version";
import { priorFiguresOf } from "./recordedHeadline";
import type { RunRecord } from "./runRecord";

/** An instrument's total over the period in an option other than the one written, in the currency (not attributed to causes). */
export interface OtherOptionChange {
  option: string;
  instrument: string;
  before: number;
  after: number;
  /** Set when the option is new in this run ("now"), or no longer among its options ("before"). */
  only?: "before" | "now";
}

/** This run set against one earlier run. */
export interface Comparison {
  /** "previous": the latest earlier run with a readable record; "approved": the last approved run. */
  basis: "previous" | "approved";
  against: RunRecord;
  /** The inputs that differ, when the earlier run's inputs are recorded. */
  changes?: InputChange[];
  outcome: AttributionOutcome;
  /**
   * When both runs compared options: each instrument whose total changed in an option other than
   * the one written (the attribution is that option's), in this run's order of options.
   */
  otherOptions?: OtherOptionChange[];
}

/** What this run is compared with. */
export interface RunComparison {
  /** The latest earlier run that has a readable record. */
  previous?: Comparison;
  /** The last approved run, when it is not `previous`. */
  approved?: Comparison;
  /** Runs after `previous` whose record cannot be read (their numbers). */
  skipped: number[];
}

/**
 * Compares this run with the latest earlier run that has a readable record, and with the last
 * approved run when that is another one: which inputs changed, and each instrument's difference
 * attributed to its causes (attributeChanges).
 */
export function compareRuns(
  history: RunHistory,
  model: Model | undefined,
  allocation: Allocation,
): RunComparison {
  const { latest: previous, approved } = latestAndApproved(history);
  const known = [...history.logged.map((l) => l.run), ...history.unreadable.flatMap((u) => u.run ?? [])];
  const skipped = [...new Set(known.filter((n) => previous === undefined || n > previous.run))].sort(
    (a, b) => a - b,
  );
  const against = (record: RunRecord, basis: Comparison["basis"]): Comparison => {
    const changes =
      record.inputs !== undefined && model !== undefined ? diffModels(record.inputs, model) : undefined;
    const prior = priorFiguresOf(record, allocation.settings);
    const outcome = attributeChanges(
      {
        figures: record.figures,
        ...(record.inputs !== undefined ? { model: record.inputs } : {}),
        ...(prior !== undefined ? { prior, sameVersion: record.version === VERSION } : {}),
      },
      { ...(model !== undefined ? { model } : {}), allocation },
      changes ?? [],
    );
    const others = otherOptionChanges(record, allocation);
    return {
      basis,
      against: record,
      ...(changes !== undefined ? { changes } : {}),
      outcome,
      ...(others !== undefined ? { otherOptions: others } : {}),
    };
  };
  return {
    ...(previous !== undefined ? { previous: against(previous, "previous") } : {}),
    ...(approved !== undefined && approved !== previous ? { approved: against(approved, "approved") } : {}),
    skipped,
  };
}

/** The other options' totals that changed since `record`, or undefined when either run compared no options. */
function otherOptionChanges(record: RunRecord, allocation: Allocation): OtherOptionChange[] | undefined {
  const now = recordedOptions(allocation);
  if (record.options === undefined || now === undefined) return undefined;
  const written = scenarioKey(allocation.scenario ?? now[0].name);
  const out: OtherOptionChange[] = [];
  for (const { name, before, after } of pairOptions(record.options, now, "after")) {
    if (scenarioKey(name) === written) continue;
    const a = before?.byInstrument ?? {};
    const b = after?.byInstrument ?? {};
    for (const code of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
      const was = fromQuanta(a[code]?.total ?? 0, record.figures.rounding);
      const is = fromQuanta(b[code]?.total ?? 0, allocation.settings.rounding);
      const only = before === undefined ? "now" : after === undefined ? "before" : undefined;
      if (was !== is)
        out.push({ option: name, instrument: code, before: was, after: is, ...(only ? { only } : {}) });
    }
  }
  return out;
}
