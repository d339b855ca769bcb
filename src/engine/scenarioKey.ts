/** How option names compare, like the other names of the workbook: trimmed, in lower case. */
export function scenarioKey(name: string): string {
  return name.trim().toLowerCase();
}
