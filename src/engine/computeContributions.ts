import type { Model, Party, ScaleRule, Settings } from "./model";
import { fromQuanta, toQuanta, toQuantaUp } from "./money";
import { problemAt, type Problem } from "./problem";
import type { Allocation, ContributionsOutcome, InstrumentContributions, PartyContribution } from "./result";
import { scaleOfContributions } from "./scaleOfContributions";
import type { ScaleField } from "./scaleYear";

/** What an officer can do about each kind of rule that cannot hold. */
const REMEDY: Record<ScaleField, string> = {
  Fixed: "Check the Fixed shares in the Parties sheet.",
  Threshold: "Lower the Threshold, or give the fixed shares that make up the whole amount.",
  Floor: "Lower the Floor or raise the Amount.",
  Ceiling: "Raise the Ceiling.",
  UNScale: "Give the Parties their UN scale rates.",
};

/**
 * The scale of contributions of every instrument that has Parties, in the order of the
 * Instruments sheet: what its Parties fund each year (the Scales sheet's Amount, or the
 * instrument's total with PSC from the allocation), shared by its rules (scaleOfContributions).
 * Parties are taken in order of name, so the order of the Parties sheet changes no figure; the
 * result lists them in sheet order. Rules that cannot hold are a problem at the Scales row.
 */
export function computeContributions(model: Model, allocation: Allocation): ContributionsOutcome {
  const problems: Problem[] = [];
  const contributions: InstrumentContributions[] = [];
  allocation.instruments.forEach((code, i) => {
    const outcome = scaleOfInstrument(
      model,
      allocation.settings,
      code,
      allocation.years,
      (y) => allocation.instrumentTotals[i].total[y],
    );
    if (outcome === undefined) return;
    if ("problem" in outcome) problems.push(outcome.problem);
    else contributions.push(outcome.contributions);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, contributions };
}

/**
 * The problems of the scales that the allocation does not enter into: those of the instruments
 * whose Scales row gives what their Parties fund. The workbook reader reports them with its own
 * problems, so that they do not wait for a run that reads, in the same words as the run would.
 */
export function scaleProblemsAlone(model: Model): Problem[] {
  const { firstYear, years } = model.settings;
  const calendar = Array.from({ length: years }, (_, k) => firstYear + k);
  return model.instruments.flatMap((instrument) => {
    const outcome = scaleOfInstrument(model, model.settings, instrument.code, calendar, undefined);
    return outcome !== undefined && "problem" in outcome ? [outcome.problem] : [];
  });
}

/**
 * One instrument's scale of contributions, or the problem that prevents it; undefined when it has
 * no Parties, or when its amounts are its total from an allocation not given (`allocated`).
 */
function scaleOfInstrument(
  model: Model,
  settings: Settings,
  code: string,
  years: readonly number[],
  allocated: ((y: number) => number) | undefined,
): { contributions: InstrumentContributions } | { problem: Problem } | undefined {
  const rounding = settings.rounding;
  const describeAmount = (q: number): string =>
    `${settings.currency} ${groupDigits(fromQuanta(q, rounding))}`;
  const parties = (model.parties ?? []).filter((p) => key(p.instrument) === key(code));
  if (parties.length === 0) return undefined;
  const scale = (model.scales ?? []).find((s) => key(s.instrument) === key(code));
  const amounts = amountsOf(scale, years, allocated, rounding);
  if (amounts === undefined) return undefined;
  if (!amounts.ok) return { problem: problemAt(scale?.source, "Amount", `${code}: ${amounts.message}`) };
  // By name, then by the name as written: the same figures whatever the sheet's order.
  const keys = parties.map((p) => key(p.party));
  const order = parties
    .map((_, k) => k)
    .sort((a, b) => compare(keys[a], keys[b]) || compare(parties[a].party, parties[b].party));
  const floor = scale?.floor === undefined ? undefined : toQuantaUp(scale.floor, rounding);
  const outcome = scaleOfContributions({
    parties: order.map((k) => ({
      rate: parties[k].unScale ?? 0,
      ...(parties[k].fixed !== undefined ? { fixed: parties[k].fixed } : {}),
    })),
    amounts: amounts.values,
    rule: {
      ...(scale?.threshold !== undefined ? { threshold: scale.threshold } : {}),
      ...(floor !== undefined ? { floor } : {}),
      ...(scale?.ceiling !== undefined ? { ceiling: scale.ceiling } : {}),
    },
    describeAmount,
  });
  if (!outcome.ok) {
    const where = years.length > 1 ? `${code} in ${years[outcome.year]}` : code;
    const message = `${where}: ${outcome.message} ${REMEDY[outcome.field]}`;
    return { problem: problemFor(outcome.field, scale, parties, message) };
  }
  const n = parties.length;
  const result: InstrumentContributions = {
    instrument: code,
    amount: amounts.values,
    amountFromAllocation: amounts.fromAllocation,
    ...(scale?.threshold !== undefined ? { threshold: scale.threshold } : {}),
    ...(floor !== undefined ? { floor } : {}),
    ...(scale?.ceiling !== undefined ? { ceiling: scale.ceiling } : {}),
    parties: new Array<PartyContribution>(n),
  };
  order.forEach((k, p) => {
    const party = parties[k];
    const byYear = years.map((_, y) => outcome.byYear[y * n + p]);
    result.parties[k] = {
      party: party.party,
      ...(party.unScale !== undefined ? { unScale: party.unScale } : {}),
      ...(party.fixed !== undefined ? { fixed: party.fixed } : {}),
      share: outcome.shares[p],
      basis: outcome.basis[p],
      byYear,
      total: byYear.reduce((a, b) => a + b, 0),
      source: party.source,
    };
  });
  return { contributions: result };
}

type Amounts = { ok: true; values: number[]; fromAllocation: boolean } | { ok: false; message: string };

/**
 * What the Parties fund each year, in quanta: the Scales row's amount for the year or its Amount;
 * with neither anywhere on the row, the instrument's total with PSC (undefined without an
 * allocation). A row that gives amounts for some years must give one for every year: half an
 * allocation and half a typed budget is a slip.
 */
function amountsOf(
  scale: ScaleRule | undefined,
  years: readonly number[],
  allocated: ((y: number) => number) | undefined,
  rounding: number,
): Amounts | undefined {
  const given = scale?.amount !== undefined || Object.keys(scale?.amountByYear ?? {}).length > 0;
  if (!given)
    return allocated === undefined
      ? undefined
      : { ok: true, values: years.map((_, y) => allocated(y)), fromAllocation: true };
  const values: number[] = [];
  const missing: number[] = [];
  for (const year of years) {
    const amount = scale?.amountByYear?.[year] ?? scale?.amount;
    if (amount === undefined) missing.push(year);
    else values.push(toQuanta(amount, rounding));
  }
  if (missing.length > 0) {
    return {
      ok: false,
      message:
        `the Scales row gives amounts for some years but none for ${missing.join(", ")}. Give an Amount ` +
        `(used for every year without its own column), or leave every amount blank to share the instrument's total with PSC.`,
    };
  }
  return { ok: true, values, fromAllocation: false };
}

/** Where a failure is shown: the Scales row for its own rules, else the instrument's first Party. */
function problemFor(
  field: ScaleField,
  scale: ScaleRule | undefined,
  parties: Party[],
  message: string,
): Problem {
  const onScales = field === "Threshold" || field === "Floor" || field === "Ceiling";
  if (onScales && scale !== undefined) return problemAt(scale.source, field, message);
  const fixedParties = parties.filter((p) => p.fixed !== undefined);
  const party =
    field === "Fixed" && fixedParties.length > 0 ? fixedParties[fixedParties.length - 1] : parties[0];
  return problemAt(party.source, field === "UNScale" || field === "Fixed" ? field : "Instrument", message);
}

/** Names and codes compare case-insensitively and without surrounding spaces. */
function key(name: string): string {
  return name.trim().toLowerCase();
}

/** By code unit, so that no locale changes the order (and so no figure). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 1234567.5 → "1,234,567.5", for messages. */
function groupDigits(value: number): string {
  const [whole, fraction] = String(Number(value.toPrecision(15))).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
