/**
 * What an officer is told about a formula cell that holds no calculated value (files written by
 * scripts store the formula alone): never read as blank, since a blank has a meaning of its own.
 */
export function uncalculatedMessage(formula: string): string {
  const shown = formula.length > 60 ? `${formula.slice(0, 57)}...` : formula;
  return `this cell holds a formula (=${shown}) whose value was never calculated: open and save the file in Excel (or LibreOffice) first, then run again`;
}
