import type { Instrument, Rule } from "./model";
import { problemAt, type Problem } from "./problem";

/** Who takes part in a rule: a flag per instrument, in Instruments order. */
export interface Participation {
  mask: boolean[];
  /** True when every instrument takes part. */
  everyone: boolean;
  problems: Problem[];
}

/**
 * Resolves a rule's Participants tokens — an instrument code, an instrument Type (any case) or
 * "all"; none means all — to a flag per instrument. An unknown token is a problem.
 */
export function resolveParticipants(rule: Rule, instruments: readonly Instrument[]): Participation {
  const n = instruments.length;
  const tokens = rule.participants.map((t) => t.trim()).filter((t) => t !== "");
  if (tokens.length === 0) return { mask: new Array<boolean>(n).fill(true), everyone: true, problems: [] };
  const mask = new Array<boolean>(n).fill(false);
  const problems: Problem[] = [];
  for (const token of tokens) {
    const t = token.toLowerCase();
    if (t === "all") {
      mask.fill(true);
      continue;
    }
    const code = instruments.findIndex((ins) => ins.code.toLowerCase() === t);
    if (code >= 0) {
      mask[code] = true;
      continue;
    }
    let typed = false;
    instruments.forEach((ins, i) => {
      if (ins.type.trim().toLowerCase() === t) {
        mask[i] = true;
        typed = true;
      }
    });
    if (!typed) {
      problems.push(
        problemAt(
          rule.source,
          "Participants",
          `Participants of unit '${rule.unit}' name '${token}', which is neither an instrument code, an instrument Type nor 'all'.`,
        ),
      );
    }
  }
  return { mask, everyone: mask.every(Boolean), problems };
}
