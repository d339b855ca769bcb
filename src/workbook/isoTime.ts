/** A time as ISO 8601 in UTC, to the second ("2026-11-27T20:18:00Z"): how the sheets and the Log show run times. */
export function isoTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, "Z");
}
