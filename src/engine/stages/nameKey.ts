/** How the engine compares names (units, codes, grades, categories): trimmed, in lower case. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
