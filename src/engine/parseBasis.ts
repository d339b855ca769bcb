import type { HybridPart, RuleSpec } from "./model";
import { formatPercent } from "./formatPercent";

/** The method names a Rules row may use, in the order messages list them. */
const METHODS = ["fixed", "equal", "driver", "hybrid", "posts"] as const;

/** Spellings officers use for the same methods; the keys are compared lower-case, without spaces. */
const METHOD_ALIASES: Record<string, (typeof METHODS)[number]> = {
  fixed: "fixed",
  fixedkey: "fixed",
  agreed: "fixed",
  equal: "equal",
  equally: "equal",
  equalshares: "equal",
  driver: "driver",
  hybrid: "hybrid",
  composite: "hybrid",
  posts: "posts",
  post: "posts",
  ownsplit: "posts",
};

/** Tolerance on "adds up to 100%": a hundredth of a percent, as officers type shares to two decimals. */
const SUM_TOLERANCE = 1e-4;

type Parsed = { ok: true; spec: RuleSpec } | { ok: false; message: string };

/** One "label number" part of a Basis text, before percent or fraction is decided. */
interface RawPart {
  label: string;
  value: number;
  percent: boolean;
}

/**
 * Parses the Method and Basis cells of a Rules row into a rule, or says in plain words what is wrong.
 */
export function parseBasis(method: string, basis: string): Parsed {
  const key = method.toLowerCase().replace(/[\s_-]+/g, "");
  if (key === "") {
    return { ok: false, message: `The rule has no Method. Use one of: ${METHODS.join(", ")}.` };
  }
  const name = METHOD_ALIASES[key];
  if (name === undefined) {
    return {
      ok: false,
      message: `Method '${method.trim()}' is not known. Use one of: ${METHODS.join(", ")}.`,
    };
  }
  const text = basis.trim();
  switch (name) {
    case "equal":
      return { ok: true, spec: { method: "equal" } };
    case "posts":
      return { ok: true, spec: { method: "posts" } };
    case "driver":
      if (text === "") {
        return {
          ok: false,
          message:
            "A driver rule needs, in Basis, the name of an Instruments column, e.g. 'Parties' or 'Budget'.",
        };
      }
      return { ok: true, spec: { method: "driver", driver: text } };
    case "fixed":
      return parseFixed(text);
    case "hybrid":
      return parseHybrid(text);
  }
}

function parseFixed(text: string): Parsed {
  const example = "e.g. 'CMS 50%; AEWA 50%'";
  if (text === "")
    return { ok: false, message: `A fixed rule needs its agreed shares in Basis, ${example}.` };
  // A semicolon, slash or line break separates the parts; then a comma may be a decimal comma ("12,5%").
  const parts = splitParts(text, /[;\n/]/.test(text) ? /[;\n/]+/ : /[;\n/,]+/);
  const raw: RawPart[] = [];
  for (const part of parts) {
    const p = parsePart(part);
    if (p === undefined) {
      return {
        ok: false,
        message: `Could not read '${part}' in Basis: write each share as an instrument code and a percentage, ${example}.`,
      };
    }
    raw.push(p);
  }
  const fractions = toFractions(raw);
  const shares: Record<string, number> = {};
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const code = raw[i].label;
    const lower = code.toLowerCase();
    if (seen.has(lower))
      return { ok: false, message: `Basis names '${code}' twice; give each instrument one share.` };
    seen.add(lower);
    if (fractions[i] < 0) return { ok: false, message: `The share of '${code}' in Basis is negative.` };
    shares[code] = fractions[i];
  }
  const sumMessage = checkSum(fractions, "The shares in Basis");
  if (sumMessage !== undefined) return { ok: false, message: sumMessage };
  return { ok: true, spec: { method: "fixed", shares } };
}

function parseHybrid(text: string): Parsed {
  const example = "e.g. '40% equal + 60% Parties'";
  if (text === "") return { ok: false, message: `A hybrid rule needs its parts in Basis, ${example}.` };
  const parts = splitParts(text, /[+;\n]+/);
  const raw: RawPart[] = [];
  for (const part of parts) {
    const p = parsePart(part);
    if (p === undefined) {
      return {
        ok: false,
        message: `Could not read '${part}' in Basis: write each part as a percentage and 'equal' or an Instruments column, ${example}.`,
      };
    }
    raw.push(p);
  }
  const fractions = toFractions(raw);
  const result: HybridPart[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const label = /^equal(ly)?$/i.test(raw[i].label) ? "equal" : raw[i].label;
    const lower = label.toLowerCase();
    if (seen.has(lower)) return { ok: false, message: `Basis names '${label}' twice; give it one weight.` };
    seen.add(lower);
    if (fractions[i] < 0) return { ok: false, message: `The weight of '${label}' in Basis is negative.` };
    result.push({ weight: fractions[i], basis: label });
  }
  const sumMessage = checkSum(fractions, "The weights in Basis");
  if (sumMessage !== undefined) return { ok: false, message: sumMessage };
  return { ok: true, spec: { method: "hybrid", parts: result } };
}

function splitParts(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Reads "CMS 50%", "CMS: 0.5", "50% CMS", "0.4 equal"; undefined when there is no single label and number. */
function parsePart(part: string): RawPart | undefined {
  const number = String.raw`(-?\d+(?:[.,]\d+)?|-?[.,]\d+)\s*(%?)`;
  const labelFirst = new RegExp(String.raw`^(.*?[^\s:=])\s*[:=]?\s*${number}$`).exec(part);
  const numberFirst = new RegExp(String.raw`^${number}\s*(?:of\s+|x\s+|×\s*)?(.*\S)$`, "i").exec(part);
  let label: string;
  let digits: string;
  let pct: string;
  if (labelFirst && !/^[-\d.,]+$/.test(labelFirst[1])) {
    [, label, digits, pct] = labelFirst;
  } else if (numberFirst && !/^[-\d.,%]+$/.test(numberFirst[3])) {
    [, digits, pct, label] = numberFirst;
  } else {
    return undefined;
  }
  const value = Number(digits.replace(",", "."));
  if (!Number.isFinite(value)) return undefined;
  return { label: label.trim(), value, percent: pct === "%" };
}

/**
 * Decides whether the numbers are percents or fractions: any "%" sign, or any number above 1,
 * means percents ("CMS 50, AEWA 50"); otherwise they are fractions ("CMS 0.5, AEWA 0.5").
 */
function toFractions(raw: readonly RawPart[]): number[] {
  const percents = raw.some((p) => p.percent || p.value > 1);
  return raw.map((p) => (percents ? p.value / 100 : p.value));
}

function checkSum(fractions: readonly number[], what: string): string | undefined {
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) <= SUM_TOLERANCE) return undefined;
  return `${what} add up to ${formatPercent(sum)}; they must add up to 100%.`;
}
