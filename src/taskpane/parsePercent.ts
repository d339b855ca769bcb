/**
 * Reads a floor or ceiling as an officer types it: "20%" and "20" are 20%, "0.2" is 20% (a
 * fraction, as Excel stores a percent cell). Blank is undefined; anything else is NaN, so the
 * caller can say which field is wrong.
 */
export function parsePercent(text: string): number | undefined {
  const t = text.trim().replace(/\s+/g, "");
  if (t === "") return undefined;
  const percent = t.endsWith("%");
  const n = Number((percent ? t.slice(0, -1) : t).replace(",", "."));
  if (!Number.isFinite(n) || (percent ? t.length < 2 : false)) return Number.NaN;
  return percent || n > 1 ? n / 100 : n;
}

/**
 * True for a plain 1 (no % sign): read as a fraction it is 100%, as a percentage 1%, and either
 * is a likely share: the officer is asked to say which rather than have one chosen for them.
 */
export function ambiguousOne(text: string): boolean {
  const t = text.trim().replace(/\s+/g, "");
  return !t.endsWith("%") && Number(t.replace(",", ".")) === 1;
}
