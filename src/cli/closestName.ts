/**
 * The name in `names` that `word` most likely misspells (case ignored): one that starts with
 * `word` or that `word` starts with ("ver" for version, "output" for out), else the nearest
 * within two edits ("jsn" for json, "forse" for force); undefined when none is that close.
 */
export function closestName(word: string, names: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w.length === 0) return undefined;
  const prefix = names.find((n) => w.length >= 2 && (n.startsWith(w) || w.startsWith(n)));
  if (prefix !== undefined) return prefix;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(w, name.toLowerCase());
    if (distance <= Math.min(2, Math.floor(name.length / 2)) && (!best || distance < best.distance))
      best = { name, distance };
  }
  return best?.name;
}

/** Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, swaps. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
