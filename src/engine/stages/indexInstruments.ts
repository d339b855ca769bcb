import type { Instrument } from "../model";
import { problemAt, type Problem } from "../problem";
import { nameKey } from "./nameKey";

/** The instruments, numbered in the order of the Instruments sheet, with a lookup by code. */
export interface InstrumentIndex {
  instruments: readonly Instrument[];
  /** Codes as written, in Instruments order. */
  codes: string[];
  /** The instrument numbers sorted by code: the canonical order, independent of the sheet's order. */
  canonical: Int32Array;
  /** The number of the instrument with this code (any case, spaces trimmed), or undefined. */
  at(code: string | undefined): number | undefined;
}

/** Numbers the instruments and checks their codes: present and unique (case-insensitively). */
export function indexInstruments(instruments: readonly Instrument[], problems: Problem[]): InstrumentIndex {
  const byKey = new Map<string, number>();
  instruments.forEach((ins, i) => {
    const k = nameKey(ins.code);
    if (k === "") problems.push(problemAt(ins.source, "Code", `An instrument has no Code.`));
    else if (byKey.has(k)) {
      problems.push(
        problemAt(
          ins.source,
          "Code",
          `Instrument code '${ins.code}' appears twice in the Instruments sheet.`,
        ),
      );
    } else byKey.set(k, i);
  });
  const codes = instruments.map((i) => i.code);
  // Lookups by the text as written first: thousands of rows repeat a few codes.
  const asWritten = new Map<string, number | undefined>();
  const at = (code: string | undefined): number | undefined => {
    if (code === undefined) return undefined;
    if (asWritten.has(code)) return asWritten.get(code);
    const i = byKey.get(nameKey(code));
    asWritten.set(code, i);
    return i;
  };
  const keys = codes.map(nameKey);
  const canonical = Int32Array.from(codes.keys()).sort((a, b) =>
    keys[a] < keys[b]
      ? -1
      : keys[a] > keys[b]
        ? 1
        : codes[a] < codes[b]
          ? -1
          : codes[a] > codes[b]
            ? 1
            : a - b,
  );
  return { instruments, codes, canonical, at };
}
