/**
 * The sheets this add-in writes, in the order they are written; each is replaced on every run
 * that writes it (Contributions only with Parties: see outputSheetNames). "Run records" is
 * hidden: it keeps what each run needs to know of the earlier ones.
 */
export const OUTPUT_SHEETS = [
  "Allocation",
  "Savings",
  "Settlement",
  "Contributions",
  "Changes",
  "Annex",
  "Log",
  "Run records",
] as const;

/** The sheet that compares the options, written only for a workbook with options (Scenario columns). */
export const OPTIONS_SHEET = "Options";

/** The prefix of every defined name that marks a sheet as ours. */
export const OWNERSHIP_PREFIX = "_CMSCS_OWNED_";

/**
 * The workbook-scope defined name that marks `sheet` as written by this add-in. A defined name
 * (rather than a cell or a custom property) survives copy, save-as and every file format both
 * adapters write, and the user does not see it in the grid. Characters a name may not hold
 * become "_".
 */
export function ownershipName(sheet: string): string {
  return OWNERSHIP_PREFIX + sheet.replace(/[^A-Za-z0-9_]/g, "_");
}

/** The formula the ownership name refers to: cell A1 of the sheet, quoted for any sheet name ('It''s'!$A$1). */
export function ownershipRefersTo(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}
