import type { Model } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { costOf } from "../../src/engine/stages/costOf";

/**
 * The unrounded figures of an allocation, worked out here independently of the engine's rounding
 * from its declared weights (RuleApplied.weights, own splits, servedUnits) and the lines' exact
 * (unrounded) costs, which costOf works out from the model.
 * Arrays are year-major (y·n + i).
 */
export interface ExactFigures {
  /** Exact shares of each line, as the allocation's lines (support lines: their shares of the unit's passing on). */
  lines: Float64Array[];
  /** Exact shares of each unit (operating: own lines and support received; support: what it passed on). */
  units: Map<string, Float64Array>;
  /** Exact amount each support unit passes on to each unit, per year. */
  passedOn: Map<string, Map<string, number[]>>;
  /** Exact direct share of each instrument per year. */
  direct: Float64Array;
  /** Exact cost of each line per year. */
  costs: number[][];
}

/** Works out the exact figures of an allocation of `model`. */
export function exactAllocation(model: Model, a: Allocation): ExactFigures {
  const n = a.instruments.length;
  const Y = a.years.length;
  const codeIndex = new Map(a.instruments.map((c, i) => [c.toLowerCase(), i]));
  const key = (s: string) => s.trim().toLowerCase();
  const ruleOf = new Map(a.rules.map((r) => [key(r.unit), r]));
  const supportUnits = new Set(a.units.filter((u) => u.support).map((u) => key(u.unit)));
  // Each line's exact cost per year, in quanta; a.lines are the posts, then the budget lines.
  const coster = costOf(model.settings);
  const P = model.posts.length;
  const costs = a.lines.map((_, k): number[] => {
    if (k >= P) {
      const b = model.budget[k - P];
      return coster.perYear(b.amount, b.amountByYear, undefined, 1) ?? [];
    }
    const p = model.posts[k];
    const grade = model.grades.find((g) => key(g.grade) === key(p.grade ?? ""));
    return coster.perYear(p.cost, p.costByYear, grade, p.fte) ?? [];
  });
  const cost = (k: number, y: number): number => costs[k][y] ?? 0;

  /** A post's own split as weights. */
  const ownWeights = (postIndex: number): Float64Array | undefined => {
    const split = model.posts[postIndex]?.split;
    if (split === undefined || !Object.values(split).some((v) => v !== 0)) return undefined;
    const w = new Float64Array(n);
    for (const [c, v] of Object.entries(split)) w[codeIndex.get(c.toLowerCase()) as number] += v;
    return w;
  };
  /** Each operating unit's weights: its rule's, or its posts' own splits weighted by first-year cost. */
  const unitWeights = new Map<string, Float64Array>();
  for (const u of a.units) {
    if (u.support) continue;
    const rule = ruleOf.get(key(u.unit));
    const w = new Float64Array(n);
    if (rule?.weights !== undefined) {
      for (const [c, v] of Object.entries(rule.weights)) w[codeIndex.get(c.toLowerCase()) as number] = v;
    } else {
      let weighted = false;
      a.lines.forEach((l, k) => {
        if (l.kind !== "post" || key(l.unit) !== key(u.unit)) return;
        const own = ownWeights(k) as Float64Array;
        const s = own.reduce((x, y) => x + y, 0);
        if (cost(k, 0) > 0) weighted = true;
        for (let i = 0; i < n; i++) w[i] += (own[i] / s) * cost(k, 0);
      });
      if (!weighted) {
        a.lines.forEach((l, k) => {
          if (l.kind !== "post" || key(l.unit) !== key(u.unit)) return;
          const own = ownWeights(k) as Float64Array;
          const s = own.reduce((x, y) => x + y, 0);
          for (let i = 0; i < n; i++) w[i] += own[i] / s;
        });
      }
    }
    unitWeights.set(key(u.unit), w);
  }
  const splitInto = (out: Float64Array, at: number, total: number, w: Float64Array, scale = 1): void => {
    const s = w.reduce((x, y) => x + y, 0);
    for (let i = 0; i < n; i++) out[at + i] += (total * scale * w[i]) / s;
  };

  const units = new Map<string, Float64Array>(a.units.map((u) => [u.unit, new Float64Array(Y * n)]));
  const unitName = new Map(a.units.map((u) => [key(u.unit), u.unit]));
  const lines = a.lines.map((l, k) => {
    const out = new Float64Array(Y * n);
    if (supportUnits.has(key(l.unit))) return out;
    const own = l.kind === "post" ? ownWeights(k) : undefined;
    const w =
      own !== undefined && own.some((v) => v > 0) ? own : (unitWeights.get(key(l.unit)) as Float64Array);
    for (let y = 0; y < Y; y++) splitInto(out, y * n, cost(k, y), w);
    const unit = units.get(unitName.get(key(l.unit)) as string) as Float64Array;
    for (let c = 0; c < Y * n; c++) unit[c] += out[c];
    return out;
  });
  const passedOn = new Map<string, Map<string, number[]>>();
  for (const su of a.units.filter((u) => u.support)) {
    const served = ruleOf.get(key(su.unit))?.servedUnits ?? {};
    const byUnit = new Map<string, number[]>();
    passedOn.set(su.unit, byUnit);
    const suShares = units.get(su.unit) as Float64Array;
    const suCost = new Array<number>(Y).fill(0);
    a.lines.forEach((l, k) => {
      if (key(l.unit) === key(su.unit)) for (let y = 0; y < Y; y++) suCost[y] += cost(k, y);
    });
    for (const [receiver, reach] of Object.entries(served)) {
      byUnit.set(
        receiver,
        suCost.map((t) => t * reach),
      );
      const w = unitWeights.get(key(receiver)) as Float64Array;
      const target = units.get(unitName.get(key(receiver)) as string) as Float64Array;
      for (let y = 0; y < Y; y++) {
        splitInto(target, y * n, suCost[y], w, reach);
        splitInto(suShares, y * n, suCost[y], w, reach);
      }
    }
    // Its lines: each line's part of what the unit passed on.
    a.lines.forEach((l, k) => {
      if (key(l.unit) !== key(su.unit)) return;
      for (let y = 0; y < Y; y++) {
        if (suCost[y] === 0) continue;
        for (let i = 0; i < n; i++) lines[k][y * n + i] = (suShares[y * n + i] * cost(k, y)) / suCost[y];
      }
    });
  }
  const direct = new Float64Array(Y * n);
  for (const u of a.units) {
    if (u.support) continue;
    const s = units.get(u.unit) as Float64Array;
    for (let c = 0; c < Y * n; c++) direct[c] += s[c];
  }
  return { lines, units, passedOn, direct, costs };
}
