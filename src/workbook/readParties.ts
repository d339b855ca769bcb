import { formatPercent } from "../engine/formatPercent";
import type { Instrument, Party } from "../engine/model";
import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import { normalizeName } from "./normalizeName";
import { unRateProblem } from "./unRateProblem";

/**
 * Reads the Parties sheet: each Party of an instrument (a code of the Instruments sheet, at most
 * once per instrument) with its UN scale rate in percent as the UN publishes it, and any agreed
 * fixed share; an instrument's fixed shares may not pass 100%.
 */
export function readParties(
  sheet: FoundSheet,
  reader: CellReader,
  instruments: readonly Instrument[],
): Party[] {
  const codes = new Map(instruments.map((i) => [normalizeName(i.code), i.code]));
  const parties: Party[] = [];
  const seenAt = new Map<string, number>();
  const fixedSum = new Map<string, number>();
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const partyRef = sheet.cell(row, "Party");
    const instrumentRef = sheet.cell(row, "Instrument");
    const rateRef = sheet.cell(row, "UNScale");
    if (partyRef === undefined || instrumentRef === undefined || rateRef === undefined) continue;
    const name = reader.requiredText(partyRef, "type the Party's name");
    const code = readInstrument(instrumentRef, reader, codes);
    const unScale = reader.unRate(rateRef);
    if (unScale !== undefined) {
      const invalid = unRateProblem("UNScale", unScale);
      if (invalid !== undefined) reader.report(rateRef, invalid);
    }
    const fixedRef = sheet.cell(row, "Fixed");
    const fixed = fixedRef === undefined ? undefined : readFixed(fixedRef, reader);
    if (unScale === undefined && fixed === undefined && reader.problems.length === before) {
      reader.report(
        rateRef,
        "UNScale is blank; type the Party's rate of the UN scale in percent (e.g. 0.001), or give it a Fixed share",
      );
    }
    if (name !== undefined && code !== undefined) {
      const key = `${normalizeName(code)}\u0000${normalizeName(name)}`;
      const earlier = seenAt.get(key);
      if (earlier !== undefined) {
        reader.report(
          partyRef,
          `'${name}' is listed twice as a Party to ${code}: also on row ${earlier}; list it once`,
        );
      } else seenAt.set(key, row.row);
    }
    if (code !== undefined && fixed !== undefined && fixedRef !== undefined) {
      const sum = (fixedSum.get(code) ?? 0) + fixed;
      fixedSum.set(code, sum);
      if (sum > 1 + 1e-9) {
        reader.report(
          fixedRef,
          `The fixed shares of ${code} add up to ${formatPercent(sum)} with this one, more than the whole budget (100%)`,
        );
      }
    }
    if (reader.problems.length > before || name === undefined || code === undefined) continue;
    parties.push({
      party: name,
      instrument: code,
      ...(unScale !== undefined ? { unScale } : {}),
      ...(fixed !== undefined ? { fixed } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return parties;
}

/** The instrument's code as the Instruments sheet writes it, or undefined (with a problem) when it is not there. */
function readInstrument(
  ref: CellRef,
  reader: CellReader,
  codes: ReadonlyMap<string, string>,
): string | undefined {
  const text = reader.requiredText(ref, "type the code of the instrument the Party belongs to, e.g. AEWA");
  if (text === undefined) return undefined;
  const code = codes.get(normalizeName(text));
  if (code === undefined) {
    reader.report(ref, `Instrument '${text}' is not in the Instruments sheet; use one of its codes`);
  }
  return code;
}

/** A fixed share: a percentage (2.5% or 2.5), from 0% to 100%. */
function readFixed(ref: CellRef, reader: CellReader): number | undefined {
  const fixed = reader.percent(ref, { plainAbove1: true });
  if (fixed !== undefined && (fixed < 0 || fixed > 1)) {
    reader.report(
      ref,
      `Fixed must be a share from 0% to 100% of the budget, found ${describeValue(ref.value)}`,
    );
    return undefined;
  }
  return fixed;
}
