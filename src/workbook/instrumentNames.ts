import type { FoundSheet } from "./foundSheet";

/** The codes and Types written on the Instruments sheet, in lower case: what a Participants token may name. */
export interface InstrumentNames {
  codes: Set<string>;
  types: Set<string>;
  /** The codes as written, for a "did you mean" suggestion. */
  written: string[];
}

/**
 * Every code and Type typed on the Instruments sheet, also on rows that have problems of their
 * own, so that a rule naming such an instrument is not reported a second time.
 */
export function instrumentNames(sheet: FoundSheet): InstrumentNames {
  const names: InstrumentNames = { codes: new Set(), types: new Set(), written: [] };
  const textOf = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");
  for (const row of sheet.rows) {
    const code = textOf(sheet.cell(row, "Code")?.value);
    const type = textOf(sheet.cell(row, "Type")?.value);
    if (code !== "") {
      names.codes.add(code.toLowerCase());
      names.written.push(code);
    }
    if (type !== "") names.types.add(type.toLowerCase());
  }
  return names;
}
