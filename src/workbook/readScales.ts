import type { Instrument, ScaleRule } from "../engine/model";
import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import { normalizeName } from "./normalizeName";
import { readYearAmounts } from "./readYearAmounts";
import { unRateProblem } from "./unRateProblem";

/**
 * Reads the Scales sheet: one row per instrument that has Parties, with the amount its Parties
 * fund (an Amount, amounts by year, or blank for its total with PSC), a threshold on the UN scale
 * (in percent, as the UN publishes it), a minimum contribution in currency and a maximum share.
 * `partyInstruments` holds the instrument codes named on the Parties sheet (normalised), or is
 * undefined when there is no Parties sheet: a row for an instrument without Parties is a problem.
 */
export function readScales(
  sheet: FoundSheet,
  reader: CellReader,
  instruments: readonly Instrument[],
  partyInstruments: ReadonlySet<string> | undefined,
): ScaleRule[] {
  const codes = new Map(instruments.map((i) => [normalizeName(i.code), i.code]));
  const scales: ScaleRule[] = [];
  const seenAt = new Map<string, number>();
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const instrumentRef = sheet.cell(row, "Instrument");
    if (instrumentRef === undefined) continue;
    const text = reader.requiredText(instrumentRef, "type the code of the instrument these rules are for");
    const code = text === undefined ? undefined : codes.get(normalizeName(text));
    if (text !== undefined && code === undefined) {
      reader.report(
        instrumentRef,
        `Instrument '${text}' is not in the Instruments sheet; use one of its codes`,
      );
    } else if (code !== undefined) {
      const earlier = seenAt.get(normalizeName(code));
      if (earlier !== undefined) {
        reader.report(
          instrumentRef,
          `${code} has a second row here (also row ${earlier}); give each instrument one row`,
        );
      } else if (partyInstruments !== undefined && !partyInstruments.has(normalizeName(code))) {
        reader.report(
          instrumentRef,
          `${code} has no Parties in the Parties sheet, so it has no scale to apply these rules to; add its Parties or delete this row`,
        );
      }
      seenAt.set(normalizeName(code), row.row);
    }
    if (partyInstruments === undefined && code !== undefined) {
      reader.report(
        instrumentRef,
        `The workbook has no Parties sheet: add one (Party, Instrument, UNScale, Fixed) for the Scales sheet to apply to`,
      );
    }
    const cell = (field: string) => sheet.cell(row, field);
    const amountRef = cell("Amount");
    const amount = amountRef === undefined ? undefined : reader.money(amountRef);
    const amountByYear = readYearAmounts(sheet, row, reader);
    const threshold = readThreshold(cell("Threshold"), reader);
    const floorRef = cell("Floor");
    const floor = floorRef === undefined ? undefined : reader.money(floorRef);
    const ceiling = readCeiling(cell("Ceiling"), reader);
    if (reader.problems.length > before || code === undefined) continue;
    scales.push({
      instrument: code,
      ...(amount !== undefined ? { amount } : {}),
      ...(amountByYear !== undefined ? { amountByYear } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(floor !== undefined ? { floor } : {}),
      ...(ceiling !== undefined ? { ceiling } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return scales;
}

/** The threshold: a rate of the UN scale, in percent as the UN publishes it (0.1 = 0.1%). */
function readThreshold(ref: CellRef | undefined, reader: CellReader): number | undefined {
  if (ref === undefined) return undefined;
  const threshold = reader.unRate(ref);
  if (threshold === undefined) return undefined;
  const invalid = unRateProblem("Threshold", threshold);
  if (invalid !== undefined) {
    reader.report(ref, invalid);
    return undefined;
  }
  return threshold;
}

/** The ceiling: a share of the amount above 0% and at most 100% (22% or 22). */
function readCeiling(ref: CellRef | undefined, reader: CellReader): number | undefined {
  if (ref === undefined) return undefined;
  const ceiling = reader.percent(ref, { plainAbove1: true });
  if (ceiling !== undefined && (ceiling <= 0 || ceiling > 1)) {
    reader.report(
      ref,
      `Ceiling must be a share above 0% and at most 100%, e.g. 22%, found ${describeValue(ref.value)}`,
    );
    return undefined;
  }
  return ceiling;
}
