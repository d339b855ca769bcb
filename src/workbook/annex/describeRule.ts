import type { Language, SupportMethod } from "../../engine/model";
import { parseBasis } from "../../engine/parseBasis";
import type { RuleApplied } from "../../engine/result";
import { formatNumber } from "./formatNumber";
import { formatPercent } from "./formatPercent";
import { annexMessages } from "./i18n";

/** What a rule sentence needs besides the rule itself. */
export interface RuleContext {
  /** All instrument codes, in sheet order: "all instruments" is said when the participants are these. */
  instruments: readonly string[];
  language: Language;
  supportMethod: SupportMethod;
  /** Name of the staffing annex, for the `posts` method ("Annex 2"). */
  staffingAnnex: string;
  /** Unit order, so that a support unit lists the units it serves as the tables do. */
  unitOrder?: readonly string[];
}

/**
 * States a unit's cost-sharing rule in one sentence of the annex language, generated from the
 * rule's method, weights, basis, participants and bounds ("In proportion to the number of Parties,
 * capped at 50%."), so that a footnote always says what the engine actually did.
 */
export function describeRule(rule: RuleApplied, context: RuleContext): string {
  const m = annexMessages[context.language];
  const pct = (f: number) => formatPercent(f, context.language);
  const payers = Object.keys(rule.weights ?? {}).filter((code) => (rule.weights?.[code] ?? 0) > 0);
  if (payers.length === 1 && rule.method !== "posts" && rule.method !== "support") return m.sole(payers[0]);
  switch (rule.method) {
    case "fixed": {
      const weights = rule.weights;
      if (weights === undefined) return m.asWritten(rule.basis ?? rule.description);
      const parts = context.instruments
        .filter((code) => (weights[code] ?? 0) > 0)
        .map((code, order) => ({ code, weight: weights[code], order }))
        .sort((a, b) => b.weight - a.weight || a.order - b.order);
      if (parts.length === 2) {
        const split = parts.map((p) =>
          formatNumber(roundPercent(p.weight), context.language, decimalsOf(p.weight)),
        );
        return m.fixedPair(split.join("/"), parts[0].code, parts[1].code);
      }
      return m.fixedMany(parts.map((p) => `${p.code} ${pct(p.weight)}`).join(", "));
    }
    case "equal":
      return m.equal(who(rule, context));
    case "driver":
      return `${m.driver(driverPhrase(rule.basis ?? "", context.language))}${amongClause(rule, context)}${bounds(rule, m, pct)}.`;
    case "hybrid": {
      const parsed = parseBasis("hybrid", rule.basis ?? "");
      if (!parsed.ok || parsed.spec.method !== "hybrid") return m.asWritten(rule.basis ?? rule.description);
      const parts = parsed.spec.parts.map((p) =>
        p.basis === "equal"
          ? m.hybridEqual(pct(p.weight))
          : m.hybridDriver(pct(p.weight), driverPhrase(p.basis, context.language)),
      );
      return `${m.hybrid(parts)}${amongClause(rule, context)}${bounds(rule, m, pct)}.`;
    }
    case "posts":
      return m.posts(context.staffingAnnex);
    case "support": {
      const served = rule.servedUnits ?? {};
      const order = context.unitOrder ?? [];
      const units = Object.keys(served).sort((a, b) => rank(order, a) - rank(order, b));
      return m.support(
        rule.unit,
        context.supportMethod,
        units.map((u) => m.servedPart(u, pct(served[u]))).join(", "),
      );
    }
  }
}

/** The participants as words: "all instruments", or "CMS, AEWA and EUROBATS". */
function who(rule: RuleApplied, context: RuleContext): string {
  const m = annexMessages[context.language];
  const everyone =
    rule.participants.length === 0 ||
    (rule.participants.length === context.instruments.length &&
      context.instruments.every((c) => rule.participants.includes(c)));
  return everyone ? m.allInstrumentsPhrase : m.list(rule.participants);
}

/** ", among CMS and AEWA" — said only when not every instrument takes part. */
function amongClause(rule: RuleApplied, context: RuleContext): string {
  const m = annexMessages[context.language];
  const text = who(rule, context);
  return text === m.allInstrumentsPhrase ? "" : m.among(text);
}

/** ", capped at 50%, with a floor of 5%": fixed weights are final already, so only keys that compute say this. */
function bounds(rule: RuleApplied, m: (typeof annexMessages)[Language], pct: (f: number) => string): string {
  let text = "";
  if (rule.max !== undefined) text += m.capped(pct(rule.max));
  if (rule.min !== undefined) text += m.floor(pct(rule.min));
  return text;
}

/** "the number of Parties" for the drivers officers use most; the column's own name otherwise. */
function driverPhrase(driver: string, language: Language): string {
  const m = annexMessages[language];
  const key = driver
    .trim()
    .toLowerCase()
    .replace(/^(number of|no\.?( of)?)\s+/, "");
  return m.drivers[key] ?? m.driverColumn(driver.trim());
}

function roundPercent(fraction: number): number {
  return Number((fraction * 100).toFixed(1));
}

function decimalsOf(fraction: number): number {
  return Number.isInteger(roundPercent(fraction)) ? 0 : 1;
}

function rank(order: readonly string[], unit: string): number {
  const i = order.indexOf(unit);
  return i < 0 ? order.length : i;
}
