/**
 * The problem of a rule shared by a driver that the Instruments sheet has no number column for,
 * in the words both the reader (at the Basis cell) and the engine use.
 */
export function noSuchDriver(unit: string, driver: string, columns: readonly string[]): string {
  const known = columns.join(", ");
  return (
    `Unit '${unit}' is shared by '${driver}', but the Instruments sheet has no such column` +
    (known ? ` (its number columns are: ${known}).` : ".")
  );
}
