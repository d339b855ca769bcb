import type { BaselineItem, BudgetLine, Model, Settings } from "../model";
import type { SourceRef } from "../problem";
import { scenarioKey } from "../scenarioKey";
import { nameKey } from "../stages/nameKey";
import type { ChangeCause, OtherCause } from "./changeCause";
import type { InputChange } from "./inputChange";
import { sameValue } from "./sameValue";
import { showSpec, showValue } from "./showValue";

type Cause = ChangeCause | OtherCause;

/** A setting compared between runs: its property, its key on the Settings sheet, its group. */
const SETTINGS: readonly { property: keyof Settings; key: string; cause: Cause; percent?: boolean }[] = [
  { property: "firstYear", key: "FirstYear", cause: "settings" },
  { property: "years", key: "Years", cause: "settings" },
  { property: "escalation", key: "Escalation", cause: "settings", percent: true },
  { property: "rounding", key: "Rounding", cause: "settings" },
  { property: "supportMethod", key: "SupportMethod", cause: "support" },
  { property: "psc", key: "PSC", cause: "psc", percent: true },
  { property: "scenarios", key: "Scenarios", cause: "option" },
  { property: "scenario", key: "Scenario", cause: "option" },
  { property: "currency", key: "Currency", cause: "other" },
  { property: "documentSymbol", key: "DocumentSymbol", cause: "other" },
  { property: "status", key: "Status", cause: "other" },
  { property: "annexTitle", key: "AnnexTitle", cause: "other" },
  { property: "annexStart", key: "AnnexStart", cause: "other" },
  { property: "language", key: "Language", cause: "other" },
];

/**
 * Every input that differs between the model of an earlier run and this one, record by record:
 * settings by key, instruments by code, grades by grade, posts by PostId, rules by unit, support
 * by provider and receiver, budget and baseline lines by unit (or instrument), item and category,
 * Parties by instrument and name, Scales by instrument.
 * Each change names its sheet and row and the group of the waterfall it belongs to.
 */
export function diffModels(before: Model, after: Model): InputChange[] {
  const out: InputChange[] = [];
  diffSettings(before.settings, after.settings, out);

  matchRecords(before.instruments, after.instruments, (i) => nameKey(i.code), {
    item: (i) => `Instrument ${i.code}`,
    whole: "instruments",
    fields: (a, b, field) => {
      field("Type", "instruments", a.type, b.type, nameKey(a.type) === nameKey(b.type));
      field("Name", "other", a.name, b.name);
      const drivers = new Set([...Object.keys(a.drivers), ...Object.keys(b.drivers)]);
      for (const d of drivers) field(d, "instruments", a.drivers[d], b.drivers[d]);
    },
    out,
  });

  matchRecords(before.grades, after.grades, (g) => nameKey(g.grade), {
    item: (g) => `Grade ${g.grade}`,
    whole: "costs",
    fields: (a, b, field) => {
      field("Cost", "costs", a.cost, b.cost);
      field("Cost by year", "costs", a.costByYear, b.costByYear);
    },
    out,
  });

  matchRecords(before.posts, after.posts, (p) => p.id.toLowerCase(), {
    // A PostId may repeat in rows that hold in different options: such rows pair by their options first.
    refine: (p) => optionsKey(p.scenarios),
    item: (p) => `Post ${p.id} (${p.title})`,
    whole: "posts",
    fields: (a, b, field) => {
      field("Grade", "costs", a.grade, b.grade, nameKey(a.grade ?? "") === nameKey(b.grade ?? ""));
      field("FTE", "costs", a.fte, b.fte);
      field("Cost", "costs", a.cost, b.cost);
      field("Cost by year", "costs", a.costByYear, b.costByYear);
      field("Unit", "assignment", a.unit, b.unit, nameKey(a.unit) === nameKey(b.unit));
      field("Split", "assignment", a.split, b.split, undefined, true);
      field("FundedBy", "assignment", a.fundedBy, b.fundedBy);
      field("Scenario", "posts", a.scenarios, b.scenarios, sameOptions(a.scenarios, b.scenarios));
      field("Title", "other", a.title, b.title);
    },
    out,
  });

  matchRecords(before.budget, after.budget, budgetKey, {
    item: (l) => `Budget line ${l.item} (${l.unit}, ${l.category})`,
    whole: "budget",
    fields: (a, b, field) => {
      field("Amount", "budget", a.amount, b.amount);
      field("Amount by year", "budget", a.amountByYear, b.amountByYear);
      field("Scenario", "budget", a.scenarios, b.scenarios, sameOptions(a.scenarios, b.scenarios));
    },
    out,
  });

  matchRecords(before.rules, after.rules, (r) => nameKey(r.unit), {
    item: (r) => `Rule of ${r.unit}`,
    whole: "rules",
    fields: (a, b, field) => {
      field("Method and basis", "rules", showSpec(a.spec), showSpec(b.spec), sameValue(a.spec, b.spec));
      field("Participants", "rules", a.participants.join(", "), b.participants.join(", "));
      field("Min", "rules", a.min, b.min, undefined, true);
      field("Max", "rules", a.max, b.max, undefined, true);
      field("Scenario", "rules", a.scenarios, b.scenarios, sameOptions(a.scenarios, b.scenarios));
    },
    out,
  });

  matchRecords(before.support, after.support, (l) => `${nameKey(l.provider)}\u0000${nameKey(l.receiver)}`, {
    item: (l) => `Support of ${l.receiver} by ${l.provider}`,
    whole: "support",
    fields: (a, b, field) => {
      field("Share", "support", a.share, b.share, undefined, true);
      field("Scenario", "support", a.scenarios, b.scenarios, sameOptions(a.scenarios, b.scenarios));
    },
    out,
  });

  matchRecords(before.baseline, after.baseline, baselineKey, {
    item: (l) => `Baseline ${l.instrument}: ${l.item ?? l.grade ?? l.category}`,
    whole: "other",
    fields: (a, b, field) => {
      field("FTE", "other", a.fte, b.fte);
      field("Cost", "other", a.cost, b.cost);
      field("Cost by year", "other", a.costByYear, b.costByYear);
    },
    out,
  });

  // Parties and Scales move no instrument's figures, only the scales of contributions.
  matchRecords(
    before.parties ?? [],
    after.parties ?? [],
    (p) => `${nameKey(p.instrument)}\u0000${nameKey(p.party)}`,
    {
      item: (p) => `Party ${p.party} (${p.instrument})`,
      whole: "other",
      fields: (a, b, field) => {
        field("UNScale", "other", a.unScale, b.unScale, undefined, true);
        field("Fixed", "other", a.fixed, b.fixed, undefined, true);
      },
      out,
    },
  );

  matchRecords(before.scales ?? [], after.scales ?? [], (s) => nameKey(s.instrument), {
    item: (s) => `Scale of ${s.instrument}`,
    whole: "other",
    fields: (a, b, field) => {
      field("Amount", "other", a.amount, b.amount);
      field("Amount by year", "other", a.amountByYear, b.amountByYear);
      field("Threshold", "other", a.threshold, b.threshold, undefined, true);
      field("Floor", "other", a.floor, b.floor);
      field("Ceiling", "other", a.ceiling, b.ceiling, undefined, true);
    },
    out,
  });
  return out;
}

function diffSettings(a: Settings, b: Settings, out: InputChange[]): void {
  for (const s of SETTINGS) {
    const x = a[s.property];
    const y = b[s.property];
    if (sameValue(x, y)) continue;
    const source = b.sources?.[s.property] ?? a.sources?.[s.property];
    out.push({
      cause: s.cause,
      sheet: source?.sheet ?? "Settings",
      ...(source !== undefined && source.row > 0 ? { row: source.row } : {}),
      kind: "changed",
      item: s.key,
      field: "Value",
      before: showValue(x, s.percent),
      after: showValue(y, s.percent),
    });
  }
}

/** Reports one field of a matched record: `same` overrides the plain comparison (names compare loosely). */
type FieldFn = (
  name: string,
  cause: Cause,
  before: unknown,
  after: unknown,
  same?: boolean,
  percent?: boolean,
) => void;

interface MatchOptions<T> {
  /** Records of one key pair first with a record of the same key and refinement, then in order. */
  refine?: (record: T) => string;
  item: (record: T) => string;
  /** The group a record added or removed belongs to. */
  whole: Cause;
  fields: (before: T, after: T, field: FieldFn) => void;
  out: InputChange[];
}

/**
 * Pairs the records of two runs by key and reports what was added, removed or changed. Records
 * that may repeat (two budget lines "Travel" of one unit) pair in order: the n-th record of a key
 * in one run with the n-th of the same key in the other; with `refine`, those that agree on it
 * too pair first.
 */
function matchRecords<T extends { source: SourceRef }>(
  before: readonly T[],
  after: readonly T[],
  key: (record: T) => string,
  options: MatchOptions<T>,
): void {
  const refine = options.refine ?? (() => "");
  // Pairs of the same key and refinement first; the records left pair by key alone.
  const first = pairs(before, after, (r) => `${key(r)}\u0000${refine(r)}`);
  const paired = new Set(first.flat());
  const rest = pairs(
    before.filter((r) => !paired.has(r)),
    after.filter((r) => !paired.has(r)),
    key,
  );
  const earlierOf = new Map<T, T>([...first, ...rest].map(([a, b]) => [b, a]));
  const matched = new Set(earlierOf.values());
  for (const b of after) {
    const a = earlierOf.get(b);
    if (a === undefined) options.out.push(record("added", b, options));
    else compare(a, b, options);
  }
  for (const a of before) if (!matched.has(a)) options.out.push(record("removed", a, options));
}

/** The records of two runs paired by key, the n-th of a key in one with the n-th in the other. */
function pairs<T>(before: readonly T[], after: readonly T[], key: (record: T) => string): [T, T][] {
  const earlier = new Map<string, T>(numbered(before, key));
  return numbered(after, key).flatMap(([k, b]): [T, T][] => {
    const a = earlier.get(k);
    return a === undefined ? [] : [[a, b]];
  });
}

/** Reports each field of a matched pair that differs. */
function compare<T extends { source: SourceRef }>(a: T, b: T, options: MatchOptions<T>): void {
  options.fields(a, b, (name, cause, x, y, same, percent) => {
    if (same ?? sameValue(x, y)) return;
    options.out.push({
      cause,
      sheet: b.source.sheet,
      row: b.source.row,
      kind: "changed",
      item: options.item(b),
      field: name,
      before: showValue(x, percent),
      after: showValue(y, percent),
    });
  });
}

/** Each record with its key and the number of records of the same key before it. */
function numbered<T>(list: readonly T[], key: (record: T) => string): [string, T][] {
  const count = new Map<string, number>();
  return list.map((r) => {
    const k = key(r);
    const n = count.get(k) ?? 0;
    count.set(k, n + 1);
    return [`${k}\u0000${n}`, r];
  });
}

function record<T extends { source: SourceRef }>(
  kind: "added" | "removed",
  r: T,
  options: MatchOptions<T>,
): InputChange {
  return { cause: options.whole, sheet: r.source.sheet, row: r.source.row, kind, item: options.item(r) };
}

function budgetKey(l: BudgetLine): string {
  return [l.unit, l.item, l.category].map(nameKey).join("\u0000");
}

function baselineKey(l: BaselineItem): string {
  return [l.instrument, l.item ?? "", l.category, l.grade ?? ""].map(nameKey).join("\u0000");
}

/** Two Scenario cells name the same options, whatever their case, spacing and order (blank = every option). */
function sameOptions(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return optionsKey(a) === optionsKey(b);
}

/** The options a Scenario cell names, as one text that does not depend on case, spacing or order. */
function optionsKey(names: readonly string[] | undefined): string {
  return [...new Set((names ?? []).map(scenarioKey))].sort().join("\u0000");
}
