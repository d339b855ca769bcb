/** Worksheet rows as officers write them: "4, 6–8, 12" (sorted, repeated rows once). */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(
      j === i
        ? `${sorted[i]}`
        : j === i + 1
          ? `${sorted[i]}, ${sorted[j]}`
          : `${sorted[i]}\u2013${sorted[j]}`,
    );
    i = j;
  }
  return parts.join(", ");
}
