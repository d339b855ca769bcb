import { OPTIONS_SHEET, OUTPUT_SHEETS } from "./ownership";

/** The sheet that is written only by a run with Parties (or to replace one an earlier run wrote). */
const CONTRIBUTIONS = "Contributions";

/** What decides which output sheets a run writes. */
export interface OutputSheetsOf {
  /** The workbook has options (Scenario columns): Options is written after Settlement. */
  hasOptions: boolean;
  /** The workbook has a Parties sheet: Contributions is written. */
  hasParties: boolean;
  /** The sheets an earlier run of ours wrote (a Contributions sheet among them is replaced). */
  ownedSheets: readonly string[];
}

/**
 * The output sheets a run writes, in order: OUTPUT_SHEETS, with Options after Settlement when the
 * workbook has options (or an Options sheet of ours to replace), and without Contributions when
 * the workbook has no Parties sheet and no Contributions sheet of ours to replace — so a sheet of
 * the officer's named Options or Contributions is in the way only of a run that writes one.
 */
export function outputSheetNames({ hasOptions, hasParties, ownedSheets }: OutputSheetsOf): string[] {
  const owned = ownedSheets.some((s) => s.toLowerCase() === CONTRIBUTIONS.toLowerCase());
  const names: string[] = OUTPUT_SHEETS.filter((name) => name !== CONTRIBUTIONS || hasParties || owned);
  // An Options sheet of ours from an earlier run is replaced too (by a note) when the options are gone.
  const ownedOptions = ownedSheets.some((s) => s.toLowerCase() === OPTIONS_SHEET.toLowerCase());
  if (hasOptions || ownedOptions) names.splice(names.indexOf("Settlement") + 1, 0, OPTIONS_SHEET);
  return names;
}
