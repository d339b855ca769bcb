import { formatPercent } from "../engine/formatPercent";
import { fromQuanta } from "../engine/money";
import type { Allocation, ContributionBasis, InstrumentContributions } from "../engine/result";
import { periodLabel, type PreviewSlice } from "./previewModel";

/** One Party's row of the Contributions view, in currency units. */
export interface ContributionRow {
  party: string;
  /** UN scale rate as a fraction; absent for a Party with only a fixed share. */
  unScale?: number;
  /** Its adjusted share of the instrument's amount over the period (fraction). */
  share: number;
  /** What it pays in the slice shown. */
  amount: number;
  /** How a rule set its figure in the slice ("minimum contribution"), when one did. */
  rule?: string;
}

/** What the Contributions view shows for one instrument and one slice of the period. */
export interface ContributionsModel {
  /** The instruments that have Parties, in the order of the Instruments sheet. */
  instruments: string[];
  /** The instrument shown. */
  instrument: string;
  /** "2015–2017" or "2016". */
  label: string;
  /** The Parties that match the search, alphabetically. */
  rows: ContributionRow[];
  /** How many Parties the instrument has (the search aside). */
  count: number;
  /** What all its Parties pay in the slice: the amount shared, whatever the search. */
  total: number;
  /** The instrument's rules, in words ("Minimum contribution EUR 2,000"). */
  rules: string[];
  /** Where the amount comes from, in words. */
  amountSource: string;
}

/** How each rule that set a figure reads in a row. */
const RULE_WORDS: Record<Exclude<ContributionBasis, "scale">, string> = {
  fixed: "fixed share",
  floor: "minimum contribution",
  ceiling: "maximum share",
  exempt: "below the threshold: pays nothing",
};

/**
 * The Contributions view of one instrument (the first with Parties when `instrument` names none):
 * its Parties alphabetically, those whose name contains `query` (case and accents aside, so
 * "cote" finds Côte d'Ivoire), each with what it pays in the period or one year, and the
 * instrument's total and rules. Undefined when the allocation has no scale of contributions.
 */
export function contributionsModel(
  allocation: Allocation,
  instrument: string | undefined,
  slice: PreviewSlice,
  query: string,
): ContributionsModel | undefined {
  const all = allocation.contributions ?? [];
  const c = all.find((x) => x.instrument === instrument) ?? all[0];
  if (c === undefined) return undefined;
  const { years, settings } = allocation;
  const yearIdx = slice === "period" ? years.map((_, y) => y) : [slice];
  const money = (q: number): number => fromQuanta(q, settings.rounding);
  const sum = (perYear: readonly number[]): number => yearIdx.reduce((s, y) => s + (perYear[y] ?? 0), 0);
  const needle = fold(query.trim());
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const rows = c.parties
    .filter((p) => needle === "" || fold(p.party).includes(needle))
    .sort((a, b) => collator.compare(a.party, b.party) || (a.party < b.party ? -1 : 1))
    .map((p): ContributionRow => {
      const rule = ruleOf(
        yearIdx.map((y) => p.basis[y]),
        yearIdx.length === 1 ? [] : years,
      );
      return {
        party: p.party,
        ...(p.unScale !== undefined ? { unScale: p.unScale } : {}),
        share: p.share,
        amount: money(sum(p.byYear)),
        ...(rule ? { rule } : {}),
      };
    });
  return {
    instruments: all.map((x) => x.instrument),
    instrument: c.instrument,
    label: slice === "period" ? periodLabel(years) : String(years[slice]),
    rows,
    count: c.parties.length,
    total: money(sum(c.amount)),
    rules: rulesOf(c, settings.currency, settings.rounding),
    amountSource: c.amountFromAllocation
      ? `${c.instrument}'s total with programme support costs, from the allocation`
      : "the Amount in the Scales sheet",
  };
}

/** Lower case without accents, for a search that forgives both. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The rule that set a Party's figure in the years shown: one rule for all of them, or each with
 * its years when they differ ("minimum contribution in 2015").
 */
function ruleOf(bases: readonly ContributionBasis[], years: readonly number[]): string | undefined {
  const ruled = [...new Set(bases)].filter((b): b is Exclude<ContributionBasis, "scale"> => b !== "scale");
  if (ruled.length === 0) return undefined;
  if (ruled.length === 1 && bases.every((b) => b === ruled[0])) return RULE_WORDS[ruled[0]];
  return ruled
    .map((b) => {
      const when = years.filter((_, k) => bases[k] === b);
      return when.length > 0 ? `${RULE_WORDS[b]} in ${when.join(", ")}` : RULE_WORDS[b];
    })
    .join("; ");
}

/** The instrument's rules in words, each one a line. */
function rulesOf(c: InstrumentContributions, currency: string, rounding: number): string[] {
  const rules: string[] = [];
  const fixed = c.parties.filter((p) => p.fixed !== undefined);
  if (fixed.length > 0)
    rules.push(
      `Fixed shares first: ${fixed.map((p) => `${p.party} ${formatPercent(p.fixed ?? 0)}`).join(", ")}`,
    );
  if (c.threshold !== undefined)
    rules.push(`A Party below ${unRate(c.threshold)} on the UN scale pays nothing`);
  rules.push(`The ${fixed.length > 0 ? "rest" : "amount"} in proportion to the Parties' UN scale rates`);
  if (c.ceiling !== undefined)
    rules.push(`No Party above ${formatPercent(c.ceiling)} of the amount: the excess goes to the others`);
  if (c.floor !== undefined)
    rules.push(
      `Minimum contribution ${currency} ${fromQuanta(c.floor, rounding).toLocaleString("en-GB")} a year, made up by the others`,
    );
  return rules;
}

/** A rate or share (a fraction) as the UN prints its scale: in percent, to three decimals (0.001%). */
export function unRate(fraction: number): string {
  return `${(fraction * 100).toFixed(3)}%`;
}
