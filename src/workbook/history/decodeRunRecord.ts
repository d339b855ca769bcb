import type { Figures } from "../../engine/changes/figures";
import type {
  BaselineItem,
  BudgetLine,
  Grade,
  HybridPart,
  Instrument,
  Model,
  Party,
  Post,
  Rule,
  RuleSpec,
  RunStatus,
  ScaleRule,
  Settings,
  SupportLink,
} from "../../engine/model";
import type { SourceRef } from "../../engine/problem";
import { RUN_RECORD_FORMAT, type RunRecord } from "./runRecord";

/** Why a value of a record is not what a record holds. */
class Unreadable extends Error {}

type Json = unknown;

/**
 * Reads a run record back from its JSON text, checking every field it uses: a record that is not
 * exactly of the shape this version writes gives the reason, never a partly read record.
 */
export function decodeRunRecord(text: string): { record: RunRecord } | { reason: string } {
  let value: Json;
  try {
    value = JSON.parse(text);
  } catch {
    return { reason: "it is not the text costshare wrote" };
  }
  try {
    const o = obj(value, "record");
    if (o.format !== RUN_RECORD_FORMAT) {
      throw new Unreadable(
        `it is of the format ${JSON.stringify(o.format)}, which this version does not read (it reads ${RUN_RECORD_FORMAT})`,
      );
    }
    const figures = obj(o.figures, "figures");
    const record: RunRecord = {
      run: int(o.run, "run"),
      time: str(o.time, "time"),
      version: str(o.version, "version"),
      fingerprint: str(o.fingerprint, "fingerprint"),
      status: status(o.status, "status"),
      ...optional(o.documentSymbol, "documentSymbol", str),
      years: arr(o.years, "years").map((y, i) => int(y, `years[${i}]`)),
      figures: {
        currency: str(figures.currency, "figures.currency"),
        rounding: positive(figures.rounding, "figures.rounding"),
        instruments: arr(figures.instruments, "figures.instruments").map((c, i) =>
          str(c, `instruments[${i}]`),
        ),
        byInstrument: keyed(figures.byInstrument, "figures.byInstrument", figuresOf),
      },
      byYear: keyed(o.byYear, "byYear", (v, at) => {
        const y = obj(v, at);
        return { direct: ints(y.direct, `${at}.direct`), psc: ints(y.psc, `${at}.psc`) };
      }),
      units: arr(o.units, "units").map((u, i) => {
        const unit = obj(u, `units[${i}]`);
        return {
          unit: str(unit.unit, `units[${i}].unit`),
          shares: keyed(unit.shares, `units[${i}].shares`, (v, at) => int(v, at)),
        };
      }),
      ...optional(o.options, "options", (v, at) =>
        arr(v, at).map((x, i) => {
          const option = obj(x, `${at}[${i}]`);
          return {
            name: str(option.name, `${at}[${i}].name`),
            byInstrument: keyed(option.byInstrument, `${at}[${i}].byInstrument`, figuresOf),
            ...optional(option.exactFigures, "exactFigures", (e) =>
              keyed(e, `${at}[${i}].exactFigures`, exactOf),
            ),
            ...optional(option.savings, "savings", (e) => keyed(e, `${at}[${i}].savings`, int)),
          };
        }),
      ),
      ...optional(o.exactFigures, "exactFigures", (e, at) => keyed(e, at, exactOf)),
      ...optional(o.savings, "savings", (e, at) => keyed(e, at, int)),
      ...optional(o.contributions, "contributions", (e, at) =>
        keyed(e, at, (parties, where) => keyed(parties, where, ints)),
      ),
      ...optional(o.inputs, "inputs", modelOf),
    };
    return { record };
  } catch (err) {
    if (err instanceof Unreadable) return { reason: err.message };
    throw err;
  }
}

function optional<K extends string, T>(
  value: Json,
  key: K,
  read: (v: Json, at: string) => T,
): Partial<Record<K, T>> {
  return value === undefined ? {} : ({ [key]: read(value, key) } as Record<K, T>);
}

function fail(at: string, what: string): never {
  throw new Unreadable(`its ${at} is not ${what}`);
}

function obj(v: Json, at: string): Record<string, Json> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(at, "a record");
  return v as Record<string, Json>;
}

function arr(v: Json, at: string): Json[] {
  if (!Array.isArray(v)) fail(at, "a list");
  return v as Json[];
}

function str(v: Json, at: string): string {
  if (typeof v !== "string") fail(at, "a text");
  return v;
}

function num(v: Json, at: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(at, "a number");
  return v;
}

function int(v: Json, at: string): number {
  const n = num(v, at);
  if (!Number.isSafeInteger(n)) fail(at, "a whole number");
  return n;
}

function positive(v: Json, at: string): number {
  const n = num(v, at);
  if (!(n > 0)) fail(at, "a positive number");
  return n;
}

function ints(v: Json, at: string): number[] {
  return arr(v, at).map((x, i) => int(x, `${at}[${i}]`));
}

/** A figure's exact value and rounding: a whole floor, a fraction in [0, 1), a whole rounded value. */
function exactOf(v: Json, at: string): number[] {
  const three = arr(v, at).map((x, i) => num(x, `${at}[${i}]`));
  if (three.length !== 3) fail(at, "three numbers");
  three.forEach((x, i) => {
    if (i === 1 ? !(x >= 0 && x < 1) : !Number.isSafeInteger(x))
      fail(`${at}[${i}]`, i === 1 ? "a fraction" : "a whole number");
  });
  return three;
}

function status(v: Json, at: string): RunStatus {
  if (v !== "Draft" && v !== "Submitted" && v !== "Approved") fail(at, "Draft, Submitted or Approved");
  return v;
}

/** A record keyed by text, each value read by `read`. */
function keyed<T>(v: Json, at: string, read: (value: Json, at: string) => T): Record<string, T> {
  const o = obj(v, at);
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(o)) out[k] = read(x, `${at}.${k}`);
  return out;
}

function figuresOf(v: Json, at: string): Figures {
  const f = obj(v, at);
  return {
    direct: int(f.direct, `${at}.direct`),
    psc: int(f.psc, `${at}.psc`),
    total: int(f.total, `${at}.total`),
  };
}

function sourceOf(v: Json, at: string): SourceRef {
  const s = obj(v, at);
  return { sheet: str(s.sheet, `${at}.sheet`), row: int(s.row, `${at}.row`) };
}

function yearAmounts(v: Json, at: string): Record<number, number> {
  const o = obj(v, at);
  const out: Record<number, number> = {};
  for (const [k, x] of Object.entries(o)) {
    if (!/^\d{4}$/.test(k)) fail(at, "amounts by year");
    out[Number(k)] = num(x, `${at}.${k}`);
  }
  return out;
}

function texts(v: Json, at: string): string[] {
  return arr(v, at).map((x, i) => str(x, `${at}[${i}]`));
}

function fractions(v: Json, at: string): Record<string, number> {
  return keyed(v, at, num);
}

function modelOf(v: Json, at: string): Model {
  const m = obj(v, at);
  return {
    settings: settingsOf(m.settings, `${at}.settings`),
    instruments: arr(m.instruments, `${at}.instruments`).map((x, i) =>
      instrumentOf(x, `${at}.instruments[${i}]`),
    ),
    grades: arr(m.grades, `${at}.grades`).map((x, i) => gradeOf(x, `${at}.grades[${i}]`)),
    posts: arr(m.posts, `${at}.posts`).map((x, i) => postOf(x, `${at}.posts[${i}]`)),
    budget: arr(m.budget, `${at}.budget`).map((x, i) => budgetOf(x, `${at}.budget[${i}]`)),
    rules: arr(m.rules, `${at}.rules`).map((x, i) => ruleOf(x, `${at}.rules[${i}]`)),
    support: arr(m.support, `${at}.support`).map((x, i) => supportOf(x, `${at}.support[${i}]`)),
    baseline: arr(m.baseline, `${at}.baseline`).map((x, i) => baselineOf(x, `${at}.baseline[${i}]`)),
    ...optional(m.parties, "parties", (x) =>
      arr(x, `${at}.parties`).map((p, i) => partyOf(p, `${at}.parties[${i}]`)),
    ),
    ...optional(m.scales, "scales", (x) =>
      arr(x, `${at}.scales`).map((s, i) => scaleOf(s, `${at}.scales[${i}]`)),
    ),
  };
}

function settingsOf(v: Json, at: string): Settings {
  const s = obj(v, at);
  const method = s.supportMethod;
  if (method !== "reciprocal" && method !== "step-down")
    fail(`${at}.supportMethod`, "reciprocal or step-down");
  const language = s.language;
  if (language !== undefined && language !== "en" && language !== "fr" && language !== "es")
    fail(`${at}.language`, "en, fr or es");
  return {
    currency: str(s.currency, `${at}.currency`),
    firstYear: int(s.firstYear, `${at}.firstYear`),
    years: int(s.years, `${at}.years`),
    escalation: num(s.escalation, `${at}.escalation`),
    psc: num(s.psc, `${at}.psc`),
    rounding: positive(s.rounding, `${at}.rounding`),
    supportMethod: method,
    ...optional(s.documentSymbol, "documentSymbol", (x) => str(x, `${at}.documentSymbol`)),
    ...optional(s.status, "status", (x) => status(x, `${at}.status`)),
    ...optional(s.annexTitle, "annexTitle", (x) => str(x, `${at}.annexTitle`)),
    ...optional(s.annexStart, "annexStart", (x) => int(x, `${at}.annexStart`)),
    ...(language !== undefined ? { language: language } : {}),
    ...optional(s.scenarios, "scenarios", (x) => texts(x, `${at}.scenarios`)),
    ...optional(s.scenario, "scenario", (x) => str(x, `${at}.scenario`)),
    ...optional(s.sources, "sources", (x) => keyed(x, `${at}.sources`, sourceOf)),
  };
}

function instrumentOf(v: Json, at: string): Instrument {
  const i = obj(v, at);
  return {
    code: str(i.code, `${at}.code`),
    name: str(i.name, `${at}.name`),
    type: str(i.type, `${at}.type`),
    drivers: keyed(i.drivers, `${at}.drivers`, num),
    source: sourceOf(i.source, `${at}.source`),
  };
}

function gradeOf(v: Json, at: string): Grade {
  const g = obj(v, at);
  return {
    grade: str(g.grade, `${at}.grade`),
    cost: num(g.cost, `${at}.cost`),
    ...optional(g.costByYear, "costByYear", (x) => yearAmounts(x, `${at}.costByYear`)),
    source: sourceOf(g.source, `${at}.source`),
  };
}

function postOf(v: Json, at: string): Post {
  const p = obj(v, at);
  return {
    id: str(p.id, `${at}.id`),
    title: str(p.title, `${at}.title`),
    ...optional(p.grade, "grade", (x) => str(x, `${at}.grade`)),
    unit: str(p.unit, `${at}.unit`),
    fte: num(p.fte, `${at}.fte`),
    ...optional(p.cost, "cost", (x) => num(x, `${at}.cost`)),
    ...optional(p.costByYear, "costByYear", (x) => yearAmounts(x, `${at}.costByYear`)),
    ...optional(p.fundedBy, "fundedBy", (x) => str(x, `${at}.fundedBy`)),
    ...optional(p.split, "split", (x) => fractions(x, `${at}.split`)),
    ...optional(p.scenarios, "scenarios", (x) => texts(x, `${at}.scenarios`)),
    source: sourceOf(p.source, `${at}.source`),
  };
}

function budgetOf(v: Json, at: string): BudgetLine {
  const b = obj(v, at);
  return {
    item: str(b.item, `${at}.item`),
    unit: str(b.unit, `${at}.unit`),
    category: str(b.category, `${at}.category`),
    ...optional(b.amount, "amount", (x) => num(x, `${at}.amount`)),
    ...optional(b.amountByYear, "amountByYear", (x) => yearAmounts(x, `${at}.amountByYear`)),
    ...optional(b.scenarios, "scenarios", (x) => texts(x, `${at}.scenarios`)),
    source: sourceOf(b.source, `${at}.source`),
  };
}

function specOf(v: Json, at: string): RuleSpec {
  const s = obj(v, at);
  switch (s.method) {
    case "fixed":
      return { method: "fixed", shares: fractions(s.shares, `${at}.shares`) };
    case "equal":
      return { method: "equal" };
    case "driver":
      return { method: "driver", driver: str(s.driver, `${at}.driver`) };
    case "hybrid":
      return {
        method: "hybrid",
        parts: arr(s.parts, `${at}.parts`).map((x, i): HybridPart => {
          const p = obj(x, `${at}.parts[${i}]`);
          return {
            weight: num(p.weight, `${at}.parts[${i}].weight`),
            basis: str(p.basis, `${at}.parts[${i}].basis`),
          };
        }),
      };
    case "posts":
      return { method: "posts" };
    default:
      return fail(`${at}.method`, "a method");
  }
}

function ruleOf(v: Json, at: string): Rule {
  const r = obj(v, at);
  return {
    unit: str(r.unit, `${at}.unit`),
    spec: specOf(r.spec, `${at}.spec`),
    participants: arr(r.participants, `${at}.participants`).map((x, i) => str(x, `${at}.participants[${i}]`)),
    ...optional(r.min, "min", (x) => num(x, `${at}.min`)),
    ...optional(r.max, "max", (x) => num(x, `${at}.max`)),
    ...optional(r.scenarios, "scenarios", (x) => texts(x, `${at}.scenarios`)),
    source: sourceOf(r.source, `${at}.source`),
  };
}

function supportOf(v: Json, at: string): SupportLink {
  const l = obj(v, at);
  return {
    provider: str(l.provider, `${at}.provider`),
    receiver: str(l.receiver, `${at}.receiver`),
    share: num(l.share, `${at}.share`),
    ...optional(l.scenarios, "scenarios", (x) => texts(x, `${at}.scenarios`)),
    source: sourceOf(l.source, `${at}.source`),
  };
}

function baselineOf(v: Json, at: string): BaselineItem {
  const b = obj(v, at);
  return {
    instrument: str(b.instrument, `${at}.instrument`),
    ...optional(b.item, "item", (x) => str(x, `${at}.item`)),
    category: str(b.category, `${at}.category`),
    ...optional(b.grade, "grade", (x) => str(x, `${at}.grade`)),
    ...optional(b.fte, "fte", (x) => num(x, `${at}.fte`)),
    ...optional(b.cost, "cost", (x) => num(x, `${at}.cost`)),
    ...optional(b.costByYear, "costByYear", (x) => yearAmounts(x, `${at}.costByYear`)),
    source: sourceOf(b.source, `${at}.source`),
  };
}

function partyOf(v: Json, at: string): Party {
  const p = obj(v, at);
  return {
    party: str(p.party, `${at}.party`),
    instrument: str(p.instrument, `${at}.instrument`),
    ...optional(p.unScale, "unScale", (x) => num(x, `${at}.unScale`)),
    ...optional(p.fixed, "fixed", (x) => num(x, `${at}.fixed`)),
    source: sourceOf(p.source, `${at}.source`),
  };
}

function scaleOf(v: Json, at: string): ScaleRule {
  const s = obj(v, at);
  return {
    instrument: str(s.instrument, `${at}.instrument`),
    ...optional(s.amount, "amount", (x) => num(x, `${at}.amount`)),
    ...optional(s.amountByYear, "amountByYear", (x) => yearAmounts(x, `${at}.amountByYear`)),
    ...optional(s.threshold, "threshold", (x) => num(x, `${at}.threshold`)),
    ...optional(s.floor, "floor", (x) => num(x, `${at}.floor`)),
    ...optional(s.ceiling, "ceiling", (x) => num(x, `${at}.ceiling`)),
    source: sourceOf(s.source, `${at}.source`),
  };
}
