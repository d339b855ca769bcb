import { runFigures } from "../../engine/changes/runFigures";
import type { Model } from "../../engine/model";
import type { Allocation } from "../../engine/result";
import { isoTime } from "../isoTime";
import type { RunInfo } from "../runInfo";
import { recordedOptions } from "./pairOptions";
import { savingsOf } from "./savingsOf";
import { exactFiguresOf } from "./recordedHeadline";
import type { RunRecord } from "./runRecord";

/** The record this run keeps of itself: its number, status, figures and the model it allocated. */
export function recordOfRun(run: number, info: RunInfo, allocation: Allocation, model?: Model): RunRecord {
  const { settings, years, instruments } = allocation;
  const n = instruments.length;
  const symbol = settings.documentSymbol?.trim();
  const options = recordedOptions(allocation);
  return {
    run,
    time: isoTime(info.time),
    version: info.version,
    fingerprint: info.fingerprint,
    status: settings.status ?? "Draft",
    ...(symbol ? { documentSymbol: symbol } : {}),
    years: [...years],
    figures: runFigures(allocation),
    byYear: Object.fromEntries(
      allocation.instrumentTotals.map((t) => [t.code, { direct: [...t.direct], psc: [...t.psc] }]),
    ),
    units: allocation.units
      .filter((u) => !u.support)
      .map((u) => ({
        unit: u.unit,
        shares: Object.fromEntries(
          instruments.map((code, i) => {
            let q = 0;
            for (let y = 0; y < years.length; y++) q += u.shares[y * n + i];
            return [code, q];
          }),
        ),
      })),
    ...(options !== undefined ? { options } : {}),
    savings: savingsOf(allocation),
    ...(allocation.contributions !== undefined
      ? {
          contributions: Object.fromEntries(
            allocation.contributions.map((c) => [
              c.instrument,
              Object.fromEntries(c.parties.map((p) => [p.party, [...p.byYear]])),
            ]),
          ),
        }
      : {}),
    ...(allocation.headline !== undefined ? { exactFigures: exactFiguresOf(allocation.headline) } : {}),
    ...(model !== undefined ? { inputs: model } : {}),
  };
}
