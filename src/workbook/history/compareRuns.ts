import { attributeChanges, type AttributionOutcome } from "../../engine/changes/attributeChanges";
import { diffModels } from "../../engine/changes/diffModels";
import type { InputChange } from "../../engine/changes/inputChange";
import type { Model } from "../../engine/model";
import { runFigures } from "../../engine/changes/runFigures";
import { fromQuanta } from "../../engine/money";
import type { Allocation } from "../../engine/result";
import { scenarioKey } from "../../engine/scenarioKey";
import type { RunHistory } from "./readRunHistory";
import type { RunRecord } from "./runRecord";

/** An instrument's total over the period in an option other than the one written, in the currency (not attributed to causes). */
export interface OtherOptionChange {
  option: string;
  instrument: string;
  before: number;
  after: number;
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
  const records = history.records.map((r) => r.record);
  const previous = records[records.length - 1];
  const approved = [...records].reverse().find((r) => r.status === "Approved");
  const known = [...history.logged.map((l) => l.run), ...history.unreadable.flatMap((u) => u.run ?? [])];
  const skipped = [...new Set(known.filter((n) => previous === undefined || n > previous.run))].sort(
    (a, b) => a - b,
  );
  const against = (record: RunRecord, basis: Comparison["basis"]): Comparison => {
    const changes =
      record.inputs !== undefined && model !== undefined ? diffModels(record.inputs, model) : undefined;
    const outcome = attributeChanges(
      { figures: record.figures, ...(record.inputs !== undefined ? { model: record.inputs } : {}) },
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
  const was = record.options;
  const now = allocation.scenarios;
  if (was === undefined || now === undefined) return undefined;
  const key = (o: { name: string }) => scenarioKey(o.name);
  const written = scenarioKey(allocation.scenario ?? now[0].name);
  const names = [...now, ...was]
    .map((o) => o.name)
    .filter(
      (name, k, all) =>
        scenarioKey(name) !== written && all.findIndex((n) => scenarioKey(n) === scenarioKey(name)) === k,
    );
  const out: OtherOptionChange[] = [];
  for (const name of names) {
    const a = was.find((o) => key(o) === scenarioKey(name))?.byInstrument ?? {};
    const option = now.find((o) => key(o) === scenarioKey(name));
    const b = option === undefined ? {} : runFigures(option.allocation).byInstrument;
    for (const code of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
      const before = fromQuanta(a[code]?.total ?? 0, record.figures.rounding);
      const after = fromQuanta(b[code]?.total ?? 0, allocation.settings.rounding);
      if (before !== after) out.push({ option: name, instrument: code, before, after });
    }
  }
  return out;
}
