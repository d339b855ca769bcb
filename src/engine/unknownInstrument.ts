import { editDistance } from "./editDistance";

/**
 * The code of the instrument an unknown code most likely meant: the first within one edit
 * (codes of four letters or fewer) or two ('AEWAA' for AEWA, 'RAPTOR' for RAPTORS); undefined
 * when none is that close.
 */
export function nearestCode(code: string, codes: readonly string[]): string | undefined {
  const t = code.trim().toLowerCase();
  return codes.find((c) => editDistance(c.toLowerCase(), t) <= (t.length <= 4 ? 1 : 2));
}

/**
 * The end of a sentence about an unknown code, its stop included: "'AEWAA', which is not in the
 * Instruments sheet; did you mean AEWA?" when a code is near, else "… Instruments sheet.".
 */
export function notAnInstrument(code: string, codes: readonly string[]): string {
  const near = nearestCode(code, codes);
  return `'${code}', which is not in the Instruments sheet${near === undefined ? "." : `; did you mean ${near}?`}`;
}
