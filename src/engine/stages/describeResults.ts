import { describeRule } from "../describeRule";
import type { Model, SupportMethod } from "../model";
import { STAFF_CATEGORY } from "../model";
import type { InstrumentTotal, LineResult, RuleApplied, UnitResult } from "../result";
import type { PscShares } from "./addPsc";
import type { CategoryTable } from "./CategoryTable";
import type { Lines } from "./costLines";
import type { InstrumentIndex } from "./indexInstruments";
import type { SupportLinks } from "./linkSupport";
import type { RoundedShares } from "./roundShares";
import type { UnitTable } from "./UnitTable";

/** The rounded figures as the engine's results: lines, units with their rules, instrument totals. */
export interface Described {
  lines: LineResult[];
  units: UnitResult[];
  rules: RuleApplied[];
  instrumentTotals: InstrumentTotal[];
}

/** What describeResults needs from the earlier stages. */
export interface DescribeInputs {
  model: Model;
  supportMethod: SupportMethod;
  lines: Lines;
  units: UnitTable;
  links: SupportLinks;
  operating: readonly number[];
  reach: readonly (readonly number[])[];
  index: InstrumentIndex;
  categories: CategoryTable;
  shares: RoundedShares;
  psc: PscShares;
}

/** Builds the engine's result records from the rounded figures. */
export function describeResults(input: DescribeInputs): Described {
  return {
    lines: lineResults(input),
    ...unitResults(input),
    instrumentTotals: instrumentTotals(input),
  };
}

/** One LineResult per post and budget line, with the words of the rule that split it. */
function lineResults({
  model,
  supportMethod,
  lines,
  units,
  index,
  categories,
  shares,
}: DescribeInputs): LineResult[] {
  const Y = lines.years;
  const n = index.codes.length;
  const supportRule = `Support: passed on by the ${supportMethod} method`;
  // Each unit's rule in words, worked out once rather than once per line.
  const unitRule = units.list.map((unit) =>
    unit.support ? supportRule : unit.applied !== undefined ? `Unit rule: ${unit.applied.method}` : undefined,
  );
  const out = new Array<LineResult>(lines.count);
  for (let k = 0; k < lines.count; k++) {
    const u = lines.unit[k];
    const unit = units.list[u];
    const rule =
      unit.support || lines.own[k] === undefined ? (unitRule[u] ?? lines.ownText[k]) : lines.ownText[k];
    const totals = new Array<number>(Y);
    for (let y = 0; y < Y; y++) totals[y] = lines.totals[k * Y + y];
    const lineShares = shares.lineShares.subarray(k * Y * n, (k + 1) * Y * n);
    const split = unit.support ? undefined : (lines.own[k] ?? unit.split)?.weights;
    if (k < lines.posts) {
      const post = model.posts[k];
      const f = lines.fundedBy[k];
      const result: LineResult = {
        kind: "post",
        id: post.id,
        title: post.title,
        unit: unit.name,
        category: STAFF_CATEGORY,
        fte: post.fte,
        rule,
        totals,
        shares: lineShares,
        source: post.source,
      };
      if (post.grade !== undefined) result.grade = post.grade;
      if (split !== undefined) result.split = split;
      if (f >= 0) result.fundedBy = index.codes[f];
      out[k] = result;
    } else {
      const line = model.budget[k - lines.posts];
      out[k] = {
        kind: "budget",
        id: line.item,
        title: line.item,
        unit: unit.name,
        category: categories.names[lines.category[k]],
        rule,
        totals,
        shares: lineShares,
        ...(split !== undefined ? { split } : {}),
        source: line.source,
      };
    }
  }
  return out;
}

/** Operating units with a split (first appearance order), then support units; and their rules. */
function unitResults(input: DescribeInputs): { units: UnitResult[]; rules: RuleApplied[] } {
  const { lines, units, links, operating, reach, index, shares, supportMethod } = input;
  const Y = lines.years;
  const own = (list: readonly number[]): number[] => {
    const out = new Array<number>(Y).fill(0);
    for (const k of list) for (let y = 0; y < Y; y++) out[y] += lines.totals[k * Y + y];
    return out;
  };
  const results: UnitResult[] = [];
  const rules: RuleApplied[] = [];
  for (const u of operating) {
    const unit = units.list[u];
    const unitShares = shares.unitShares[u];
    if (unit.split === undefined || unitShares === undefined) continue;
    const ownCost = own(unit.lines);
    const received = shares.received[u] ?? new Array<number>(Y).fill(0);
    results.push({
      unit: unit.name,
      support: false,
      own: ownCost,
      received,
      totals: ownCost.map((v, y) => v + received[y]),
      shares: unitShares,
    });
    if (unit.applied !== undefined) rules.push(unit.applied);
  }
  links.providers.forEach((p, t) => {
    const unit = units.list[p];
    const ownCost = own(unit.lines);
    const passedOn: Record<string, number[]> = {};
    const servedUnits: Record<string, number> = {};
    const participants = new Set<string>();
    operating.forEach((u, o) => {
      const amounts = shares.passedOn[t].get(u);
      if (amounts !== undefined && amounts.some((v) => v !== 0)) passedOn[units.list[u].name] = amounts;
      if (reach[t][o] > 0) {
        servedUnits[units.list[u].name] = reach[t][o];
        units.list[u].applied?.participants.forEach((c) => participants.add(c));
      }
    });
    results.push({
      unit: unit.name,
      support: true,
      own: ownCost,
      received: new Array<number>(Y).fill(0),
      totals: ownCost,
      shares: shares.supportShares[t],
      passedOn,
    });
    rules.push({
      unit: unit.name,
      method: "support",
      description: describeRule({ method: "support" }, { supportMethod }),
      participants: index.codes.filter((c) => participants.has(c)),
      servedUnits,
      source: links.firstRow[t],
    });
  });
  return { units: results, rules };
}

/** Each instrument's direct share, PSC and total per year, by category, and the staff time it bears. */
function instrumentTotals({ lines, index, categories, shares, psc }: DescribeInputs): InstrumentTotal[] {
  const Y = lines.years;
  const n = index.codes.length;
  const fte = new Float64Array(n);
  // Staff time borne: each post's FTE times the instrument's part of its first-year cost.
  for (let k = 0; k < lines.posts; k++) {
    const first = lines.totals[k * Y];
    if (first === 0) continue;
    const f = lines.fte[k] / first;
    for (let i = 0; i < n; i++) fte[i] += f * shares.lineShares[k * Y * n + i];
  }
  return index.codes.map((code, i) => {
    const direct = Array.from({ length: Y }, (_, y) => shares.direct[y * n + i]);
    const pscOf = Array.from({ length: Y }, (_, y) => psc.psc[y * n + i]);
    const byCategory: Record<string, number> = {};
    categories.names.forEach((name, c) => {
      const v = shares.byCategory[c * n + i];
      if (v !== 0) byCategory[name] = v;
    });
    return {
      code,
      direct,
      psc: pscOf,
      total: direct.map((v, y) => v + pscOf[y]),
      byCategory,
      fte: fte[i],
    };
  });
}
