/**
 * What changed, on the engine benchmark's 10,000 posts × 30 instruments × 3 years: a second draft
 * with five groups of changes (PSC, a grade's cost, ten posts removed and ten added, a rule, a
 * budget line), compared with the first the way a run does it (diffModels, then the waterfall:
 * one engine run per group, the last one the run's own), and the first run's record encoded,
 * checksummed and read back. The baseline is one engine run on the second draft, in the same run:
 * the waterfall needs one engine run per group before the last (the earlier run's own inputs are
 * not computed again when this version recorded it), so four here.
 * Both as a workbook run makes them: the second draft steered by the first run's figures (a
 * figure no change touches keeps its value), and each step of the waterfall too.
 */
import { attributeChanges } from "../src/engine/changes/attributeChanges";
import { diffModels } from "../src/engine/changes/diffModels";
import { runFigures } from "../src/engine/changes/runFigures";
import { computeOptions } from "../src/engine/computeOptions";
import { type PriorFigures, priorOf } from "../src/engine/headline";
import type { Model } from "../src/engine/model";
import type { Allocation } from "../src/engine/result";
import { asciiSha256 } from "../src/workbook/history/asciiSha256";
import { decodeRunRecord } from "../src/workbook/history/decodeRunRecord";
import { encodeRunRecord } from "../src/workbook/history/encodeRunRecord";
import { recordOfRun } from "../src/workbook/history/recordOfRun";
import { type BenchResult, medianMs, peakRssMB } from "./benchmark";
import { benchModel } from "./engine.bench";

function allocate(m: Model, priors: PriorFigures[] = []): Allocation {
  const r = computeOptions(m, priors);
  if (!r.ok) throw new Error(r.problems[0]?.message ?? "invalid");
  return r.allocation;
}

/** The second draft: five groups of changes. */
function secondDraft(first: Model): Model {
  const m = structuredClone(first);
  m.settings.psc = 0.12;
  m.grades[3].cost += 1500;
  const gone = m.posts.splice(100, 10);
  m.posts.push(...gone.map((p, k) => ({ ...p, id: `NEW-${k}`, source: { ...p.source, row: 20000 + k } })));
  const equal = m.rules.find((r) => r.spec.method === "equal");
  if (equal) equal.spec = { method: "driver", driver: "Parties" };
  if (m.budget[0]) m.budget[0].amount = (m.budget[0].amount ?? 0) + 25000;
  return m;
}

export async function bench(): Promise<BenchResult> {
  const first = benchModel();
  const second = secondDraft(first);
  const was = allocate(first);
  const prior = priorOf(was);
  const now = allocate(second, [prior]);
  let sink = 0;
  const baselineMs = await medianMs(() => (sink += allocate(second, [prior]).grandTotal.direct[0]), 7, 3);
  let groups = 0;
  const ms = await medianMs(
    () => {
      const changes = diffModels(first, second);
      const outcome = attributeChanges(
        // As compareRuns passes a record of this version: its figures are taken as they are.
        { figures: runFigures(was), model: first, prior, sameVersion: true },
        { model: second, allocation: now },
        changes,
      );
      if (!outcome.ok) throw new Error(outcome.reason);
      groups = outcome.attribution.steps.length;
      sink += changes.length;
    },
    5,
    1,
  );
  const record = recordOfRun(1, { time: new Date(0), version: "bench", fingerprint: "0" }, was, first);
  let chars = 0;
  const recordMs = await medianMs(
    () => {
      const text = encodeRunRecord(record);
      chars = text.length;
      const checksum = asciiSha256(text);
      const back = decodeRunRecord(text);
      if (!("record" in back)) throw new Error(back.reason);
      sink += checksum.length + back.record.run;
    },
    5,
    1,
  );
  const ratio = ms / baselineMs;
  return {
    name: "changes-10k-posts-5-groups",
    ms,
    baselineMs,
    ratio,
    peakMB: peakRssMB(),
    baseline: "one engine run (computeOptions) on the second draft",
    target: "<= 7x baseline (five groups: four engine runs, plus the input diff)",
    met: ratio <= 7,
    extra: { groups, recordMs: Math.round(recordMs), recordChars: chars, sink: sink > 0 ? 1 : 0 },
  };
}
