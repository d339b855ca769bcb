import { describeRule } from "./describeRule";
import { escalate } from "./escalate";
import { largestRemainder } from "./largestRemainder";
import { largestRemainderInto, remainderScratch } from "./largestRemainderInto";
import { type BaselineItem, type Grade, type Model, type Post, type Rule, STAFF_CATEGORY } from "./model";
import { toQuanta } from "./money";
import { hasErrors, problemAt, warningAt, type Problem, type SourceRef } from "./problem";
import { resolveParticipants } from "./resolveParticipants";
import type {
  Allocation,
  AllocationOutcome,
  InstrumentTotal,
  LineResult,
  RuleApplied,
  SavingsResult,
  SettlementResult,
  UnitResult,
} from "./result";
import { roundHalfAway } from "./roundHalfAway";
import { ruleWeights } from "./ruleWeights";
import { supportReach } from "./supportReach";
import { tieOrder } from "./tieOrder";
import { validateSettings } from "./validateSettings";

/** Tolerance on "adds up to 100%": a hundredth of a percent. */
const SUM_TOLERANCE = 1e-4;

function pct(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

function key(name: string): string {
  return name.trim().toLowerCase();
}

/** A weight vector over the instruments with what the hot path needs, computed once. */
interface Split {
  weights: Float64Array;
  sum: number;
  order: Int32Array;
}

/** What the pipeline knows about one unit. */
interface UnitInfo {
  name: string;
  posts: number[];
  budget: number[];
  rule?: Rule;
  support: boolean;
  /** Receives support from a support unit. */
  receives: boolean;
  split?: Split;
  applied?: RuleApplied;
}

/** A line being built: its result plus the split it uses. */
interface Work {
  result: LineResult;
  own?: Split;
  /** The post gives a split of its own, valid or not (a bad one is already a problem). */
  splitGiven?: boolean;
  unit: UnitInfo;
}

function makeSplit(weights: Float64Array, codes: readonly string[]): Split {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  return { weights, sum, order: tieOrder(weights, codes) };
}

/**
 * The whole pipeline: costs every post and budget line per year in integer quanta, splits each by
 * its rule (or its own split) over the instruments by largest remainder, passes support units on
 * to the units they serve, adds programme support costs, and works out savings and settlement.
 * It never throws for bad data: every problem is collected, with the row and field it came from.
 */
export function computeAllocation(model: Model): AllocationOutcome {
  const settings = model.settings;
  const problems: Problem[] = validateSettings(settings);
  if (hasErrors(problems)) return { ok: false, problems };
  const { rounding, escalation, firstYear } = settings;
  const Y = settings.years;
  const years = Array.from({ length: Y }, (_, k) => firstYear + k);

  // Instruments.
  const instruments = model.instruments;
  const n = instruments.length;
  const codes = instruments.map((i) => i.code);
  const codeIndex = new Map<string, number>();
  instruments.forEach((ins, i) => {
    const k = key(ins.code);
    if (k === "") problems.push(problemAt(ins.source, "Code", `An instrument has no Code.`));
    else if (codeIndex.has(k)) {
      problems.push(
        problemAt(
          ins.source,
          "Code",
          `Instrument code '${ins.code}' appears twice in the Instruments sheet.`,
        ),
      );
    } else codeIndex.set(k, i);
  });
  if (n === 0) {
    problems.push({
      severity: "error",
      sheet: "Instruments",
      message: "The Instruments sheet lists no instrument.",
    });
    return { ok: false, problems };
  }
  const instrumentAt = (code: string | undefined): number | undefined =>
    code === undefined ? undefined : codeIndex.get(key(code));

  // Grades.
  const grades = new Map<string, Grade>();
  for (const g of model.grades) {
    const k = key(g.grade);
    if (grades.has(k))
      problems.push(problemAt(g.source, "Grade", `Grade '${g.grade}' appears twice in the Grades sheet.`));
    else grades.set(k, g);
    if (!Number.isFinite(g.cost) || g.cost < 0) {
      problems.push(
        problemAt(g.source, "Cost", `The standard cost of grade '${g.grade}' must be a number of 0 or more.`),
      );
    }
  }

  // Categories are matched case-insensitively; the first spelling met is kept.
  const categories = new Map<string, string>([[key(STAFF_CATEGORY), STAFF_CATEGORY]]);
  const category = (name: string): string => {
    const written = name.trim() === "" ? "Other" : name.trim();
    const k = key(written);
    const known = categories.get(k);
    if (known !== undefined) return known;
    categories.set(k, written);
    return written;
  };

  /**
   * Quanta per year of a cost given as an annual amount (escalated), per-year amounts (as they
   * are), or a grade's standard cost × FTE; undefined where a year has no cost at all.
   */
  const costByYear = (
    amount: number | undefined,
    byYear: Record<number, number> | undefined,
    grade: Grade | undefined,
    fte: number,
  ): number[] | undefined => {
    const out = new Array<number>(Y);
    for (let k = 0; k < Y; k++) {
      const given = byYear?.[years[k]];
      let v: number | undefined;
      if (given !== undefined) v = given;
      else if (amount !== undefined) v = k === 0 ? amount : escalate(amount, escalation, k);
      else if (grade !== undefined) {
        const g = grade.costByYear?.[years[k]];
        v = (g !== undefined ? g : k === 0 ? grade.cost : escalate(grade.cost, escalation, k)) * fte;
      }
      if (v === undefined || !Number.isFinite(v)) return undefined;
      out[k] = toQuanta(v, rounding);
    }
    return out;
  };

  // Units, in order of first appearance.
  const units = new Map<string, UnitInfo>();
  const unitOf = (name: string): UnitInfo => {
    const k = key(name);
    let u = units.get(k);
    if (u === undefined) {
      u = { name: name.trim(), posts: [], budget: [], support: false, receives: false };
      units.set(k, u);
    }
    return u;
  };
  const providers = new Set(model.support.map((l) => key(l.provider)));

  // Posts.
  const work: Work[] = [];
  const postIds = new Set<string>();
  const fundedBy: (number | undefined)[] = [];
  for (const post of model.posts) {
    const before = problems.length;
    const unit = unitOf(post.unit);
    if (key(post.unit) === "")
      problems.push(problemAt(post.source, "Unit", `Post '${post.id}' has no Unit.`));
    const idKey = key(post.id);
    if (postIds.has(idKey))
      problems.push(
        problemAt(post.source, "PostId", `PostId '${post.id}' appears twice in the Posts sheet.`),
      );
    postIds.add(idKey);
    if (!Number.isFinite(post.fte) || post.fte <= 0) {
      problems.push(
        problemAt(post.source, "FTE", `The FTE of post '${post.id}' must be above zero (1 = full time).`),
      );
    }
    let grade: Grade | undefined;
    if (post.grade !== undefined && post.grade.trim() !== "") {
      grade = grades.get(key(post.grade));
      if (grade === undefined) {
        problems.push(
          problemAt(
            post.source,
            "Grade",
            `Grade '${post.grade}' of post '${post.id}' is not in the Grades sheet.`,
          ),
        );
      }
    }
    if (post.cost !== undefined && (!Number.isFinite(post.cost) || post.cost < 0)) {
      problems.push(
        problemAt(post.source, "Cost", `The cost of post '${post.id}' must be a number of 0 or more.`),
      );
    }
    const hasCost = post.cost !== undefined || post.costByYear !== undefined;
    if (!hasCost && (post.grade === undefined || post.grade.trim() === "")) {
      problems.push(
        problemAt(post.source, "Cost", `Post '${post.id}' has neither a Cost nor a Grade; give one of them.`),
      );
    }
    const fb = post.fundedBy?.trim() ? instrumentAt(post.fundedBy) : undefined;
    if (post.fundedBy?.trim() && fb === undefined) {
      problems.push(
        problemAt(
          post.source,
          "FundedBy",
          `Post '${post.id}' is funded by '${post.fundedBy}', which is not in the Instruments sheet.`,
        ),
      );
    }
    const own = ownSplit(post, codes, instrumentAt, problems);
    if (own !== undefined && providers.has(key(post.unit))) {
      problems.push(
        warningAt(
          post.source,
          codes[0],
          `Post '${post.id}' is in support unit '${unit.name}', whose costs are passed on to the units it serves; its own split is not used.`,
        ),
      );
    }
    let totals: number[] | undefined;
    if (problems.length === before) {
      totals = costByYear(post.cost, post.costByYear, grade, post.fte);
      if (totals === undefined) {
        problems.push(
          problemAt(
            post.source,
            "Cost",
            `Post '${post.id}' has no cost for every year of the period; give a Cost or a Grade.`,
          ),
        );
      }
    }
    unit.posts.push(work.length);
    fundedBy.push(fb);
    work.push({
      unit,
      splitGiven: post.split !== undefined && Object.values(post.split).some((v) => v !== 0),
      ...(own !== undefined && !providers.has(key(post.unit)) ? { own: own.split } : {}),
      result: {
        kind: "post",
        id: post.id,
        title: post.title,
        unit: unit.name,
        category: STAFF_CATEGORY,
        ...(post.grade !== undefined ? { grade: post.grade } : {}),
        fte: post.fte,
        ...(fb !== undefined ? { fundedBy: codes[fb] } : {}),
        rule: own?.text ?? "",
        totals: totals ?? new Array<number>(Y).fill(0),
        shares: new Float64Array(Y * n),
        source: post.source,
      },
    });
  }

  // Budget lines.
  for (const line of model.budget) {
    const unit = unitOf(line.unit);
    if (key(line.unit) === "")
      problems.push(problemAt(line.source, "Unit", `Budget line '${line.item}' has no Unit.`));
    const totals = costByYear(line.amount, line.amountByYear, undefined, 1);
    if (totals === undefined) {
      problems.push(
        problemAt(
          line.source,
          "Amount",
          `Budget line '${line.item}' has no amount for every year of the period.`,
        ),
      );
    }
    unit.budget.push(work.length);
    work.push({
      unit,
      result: {
        kind: "budget",
        id: line.item,
        title: line.item,
        unit: unit.name,
        category: category(line.category),
        rule: "",
        totals: totals ?? new Array<number>(Y).fill(0),
        shares: new Float64Array(Y * n),
        source: line.source,
      },
    });
  }
  const withCosts = new Set([...units.keys()]);

  // Rules.
  for (const rule of model.rules) {
    const k = key(rule.unit);
    if (providers.has(k)) {
      problems.push(
        warningAt(
          rule.source,
          "Unit",
          `Unit '${rule.unit}' is a support unit (a Provider in the Support sheet): its costs are passed on to the units it serves, and this rule is not used.`,
        ),
      );
      continue;
    }
    const u = unitOf(rule.unit);
    if (u.rule !== undefined) {
      problems.push(
        problemAt(rule.source, "Unit", `Unit '${rule.unit}' has more than one rule in the Rules sheet.`),
      );
      continue;
    }
    u.rule = rule;
  }

  // Support links.
  const supportNames: string[] = [];
  const supportFirst = new Map<string, SourceRef>();
  const links = new Map<string, { receiver: string; share: number; source: SourceRef }[]>();
  for (const link of model.support) {
    const p = key(link.provider);
    const r = key(link.receiver);
    const provider = unitOf(link.provider);
    if (!provider.support) {
      provider.support = true;
      supportNames.push(p);
      supportFirst.set(p, link.source);
    }
    const list = links.get(p) ?? [];
    links.set(p, list);
    if (p === r) {
      problems.push(
        problemAt(link.source, "Receiver", `Support unit '${link.provider}' cannot serve itself.`),
      );
      continue;
    }
    if (!Number.isFinite(link.share) || link.share < 0 || link.share > 1) {
      problems.push(
        problemAt(
          link.source,
          "Share",
          `The share of '${link.provider}' going to '${link.receiver}' must be a percentage from 0% to 100%.`,
        ),
      );
      continue;
    }
    if (list.some((l) => l.receiver === r)) {
      problems.push(
        problemAt(
          link.source,
          "Receiver",
          `Support unit '${link.provider}' lists '${link.receiver}' more than once.`,
        ),
      );
      continue;
    }
    if (!providers.has(r) && !withCosts.has(r) && units.get(r)?.rule === undefined) {
      problems.push(
        problemAt(
          link.source,
          "Receiver",
          `'${link.receiver}' receives support from '${link.provider}', but it is neither a support unit nor a unit with posts, budget lines or a rule.`,
        ),
      );
      continue;
    }
    list.push({ receiver: r, share: link.share, source: link.source });
    if (!providers.has(r)) unitOf(link.receiver).receives = true;
  }
  for (const p of supportNames) {
    const list = model.support.filter((l) => key(l.provider) === p);
    const sum = list.reduce((a, l) => a + (Number.isFinite(l.share) ? l.share : 0), 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      problems.push(
        problemAt(
          supportFirst.get(p),
          "Share",
          `The shares of support unit '${units.get(p)?.name ?? p}' add up to ${pct(sum)} (Support rows ${list.map((l) => l.source.row).join(", ")}); they must add up to 100%.`,
        ),
      );
    }
  }

  // Each operating unit's weights, from its rule or its posts' own splits.
  const operating = [...units.values()].filter((u) => !u.support);
  const supports = supportNames.map((p) => units.get(p) as UnitInfo);
  for (const u of operating) {
    const k = key(u.name);
    const hasCosts = withCosts.has(k) || u.receives;
    const rule = u.rule;
    if (!hasCosts) {
      if (rule !== undefined) {
        problems.push(
          warningAt(
            rule.source,
            "Unit",
            `Unit '${rule.unit}' has a rule but no posts or budget lines, so the rule is not used.`,
          ),
        );
      }
      continue;
    }
    if (rule !== undefined && rule.spec.method !== "posts") {
      const participation = resolveParticipants(rule, instruments);
      const outcome = ruleWeights(rule, instruments, participation);
      if (!outcome.ok) {
        problems.push(...outcome.problems);
        continue;
      }
      u.split = makeSplit(outcome.weights, codes);
      const participants = codes.filter((_, i) => outcome.mask[i]);
      const description = describeRule(rule.spec, {
        participants,
        everyone: outcome.everyone,
        min: rule.min,
        max: rule.max,
      });
      const weights: Record<string, number> = {};
      codes.forEach((c, i) => outcome.mask[i] && (weights[c] = outcome.weights[i]));
      u.applied = {
        unit: u.name,
        method: rule.spec.method,
        description,
        ...basisText(rule),
        participants,
        ...(rule.min !== undefined ? { min: rule.min } : {}),
        ...(rule.max !== undefined ? { max: rule.max } : {}),
        weights,
        source: rule.source,
      };
      continue;
    }
    // A posts rule, or no rule: the unit's posts carry their own splits.
    const unsplit = u.posts.filter((w) => work[w].splitGiven !== true);
    if (rule !== undefined) {
      for (const w of unsplit) {
        const r = work[w].result;
        problems.push(
          problemAt(
            r.source,
            codes[0],
            `Post '${r.id}' is in unit '${u.name}', whose rule is 'posts', but it has no split of its own.`,
          ),
        );
      }
    } else if (unsplit.length > 0 || u.posts.length === 0 || u.budget.length > 0) {
      const first = work[u.posts[0] ?? u.budget[0]]?.result.source;
      problems.push(
        problemAt(
          first,
          "Unit",
          u.posts.length > 0 && unsplit.length === 0
            ? `Unit '${u.name}' has budget lines but no rule in the Rules sheet; its posts carry their own split, but its budget lines need a rule.`
            : `Unit '${u.name}' has costs but no rule in the Rules sheet, and not all of its posts carry their own split.`,
        ),
      );
      continue;
    }
    if (unsplit.length > 0 || u.posts.some((w) => work[w].own === undefined)) continue;
    // Budget lines and support received follow the posts, weighted by their first-year cost.
    const acc = new Float64Array(n);
    let weighted = false;
    for (const w of u.posts) {
      const own = work[w].own as Split;
      const c = work[w].result.totals[0];
      if (c > 0) weighted = true;
      for (let i = 0; i < n; i++) acc[i] += (own.weights[i] / own.sum) * c;
    }
    if (!weighted) {
      for (const w of u.posts) {
        const own = work[w].own as Split;
        for (let i = 0; i < n; i++) acc[i] += own.weights[i] / own.sum;
      }
    }
    if (!acc.some((v) => v > 0)) {
      problems.push(
        problemAt(
          rule?.source ?? work[u.posts[0]].result.source,
          "Unit",
          `The posts of unit '${u.name}' give no instrument a share.`,
        ),
      );
      continue;
    }
    u.split = makeSplit(acc, codes);
    u.applied = {
      unit: u.name,
      method: "posts",
      description: describeRule({ method: "posts" }),
      participants: codes.filter((_, i) => acc[i] > 0),
      ...(rule !== undefined ? { source: rule.source } : {}),
    };
  }

  // Where each support unit's cost lands, among the operating units.
  const opIndex = new Map(operating.map((u, i) => [key(u.name), i]));
  const supIndex = new Map(supportNames.map((p, i) => [p, i]));
  let reach: number[][] = [];
  if (supports.length > 0 && !hasErrors(problems)) {
    const A = supportNames.map(() => new Array<number>(supports.length).fill(0));
    const B = operating.map(() => new Array<number>(supports.length).fill(0));
    supportNames.forEach((p, t) => {
      for (const l of links.get(p) ?? []) {
        const s = supIndex.get(l.receiver);
        if (s !== undefined) A[s][t] += l.share;
        else B[opIndex.get(l.receiver) as number][t] += l.share;
      }
    });
    const outcome = supportReach(settings.supportMethod, A, B);
    if (!outcome.ok) {
      const p = supportNames[outcome.unit];
      problems.push(
        problemAt(supportFirst.get(p), "Share", `Support unit '${units.get(p)?.name}': ${outcome.message}`),
      );
    } else reach = outcome.reach;
  }
  if (hasErrors(problems)) return { ok: false, problems };

  // Split every line of the operating units.
  const scratch = remainderScratch(Math.max(n, operating.length));
  const unitShares = new Map<UnitInfo, Float64Array>();
  const unitReceived = new Map<UnitInfo, number[]>();
  for (const u of [...operating, ...supports]) {
    unitShares.set(u, new Float64Array(Y * n));
    unitReceived.set(u, new Array<number>(Y).fill(0));
  }
  const ruleText = new Map<UnitInfo, string>();
  for (const u of operating) if (u.applied) ruleText.set(u, `Unit rule: ${u.applied.method}`);
  for (const w of work) {
    if (w.unit.support) continue;
    const split = w.own ?? w.unit.split;
    if (split === undefined) continue;
    const r = w.result;
    if (w.own === undefined) r.rule = ruleText.get(w.unit) ?? "";
    const { weights, sum, order } = split;
    for (let y = 0; y < Y; y++)
      largestRemainderInto(r.totals[y], weights, sum, order, r.shares, y * n, scratch);
    const us = unitShares.get(w.unit) as Float64Array;
    const s = r.shares;
    for (let j = 0; j < s.length; j++) us[j] += s[j];
  }

  // Pass support lines on: over the operating units they reach, then by each unit's rule.
  const passedOn = supports.map(() => operating.map(() => new Array<number>(Y).fill(0)));
  const unitNames = operating.map((u) => u.name);
  const piece = new Float64Array(Math.max(operating.length, 1));
  const pieceShares = new Float64Array(n);
  supports.forEach((su, t) => {
    const rt = reach[t];
    const reachWeights = Float64Array.from(rt);
    const reachSum = rt.reduce((a, b) => a + b, 0);
    const reachOrder = tieOrder(reachWeights, unitNames);
    const supportRule = `Support: passed on by the ${settings.supportMethod} method`;
    const lines = [...su.posts, ...su.budget].map((i) => work[i].result);
    for (const r of lines) {
      r.rule = supportRule;
      for (let y = 0; y < Y; y++) {
        piece.fill(0);
        largestRemainderInto(r.totals[y], reachWeights, reachSum, reachOrder, piece, 0, scratch);
        for (let u = 0; u < operating.length; u++) {
          const amount = piece[u];
          if (amount === 0) continue;
          const target = operating[u];
          const split = target.split as Split;
          pieceShares.fill(0);
          largestRemainderInto(amount, split.weights, split.sum, split.order, pieceShares, 0, scratch);
          const us = unitShares.get(target) as Float64Array;
          for (let i = 0; i < n; i++) {
            r.shares[y * n + i] += pieceShares[i];
            us[y * n + i] += pieceShares[i];
          }
          (unitReceived.get(target) as number[])[y] += amount;
          passedOn[t][u][y] += amount;
        }
      }
      const ss = unitShares.get(su) as Float64Array;
      for (let j = 0; j < r.shares.length; j++) ss[j] += r.shares[j];
    }
  });

  // Unit results.
  const sumLines = (u: UnitInfo): number[] => {
    const own = new Array<number>(Y).fill(0);
    for (const i of [...u.posts, ...u.budget]) for (let y = 0; y < Y; y++) own[y] += work[i].result.totals[y];
    return own;
  };
  const unitResults: UnitResult[] = [];
  const rules: RuleApplied[] = [];
  for (const u of operating) {
    if (u.split === undefined) continue;
    const own = sumLines(u);
    const received = unitReceived.get(u) as number[];
    unitResults.push({
      unit: u.name,
      support: false,
      own,
      received,
      totals: own.map((v, y) => v + received[y]),
      shares: unitShares.get(u) as Float64Array,
    });
    if (u.applied) rules.push(u.applied);
  }
  supports.forEach((su, t) => {
    const own = sumLines(su);
    const passed: Record<string, number[]> = {};
    const served: Record<string, number> = {};
    operating.forEach((u, k) => {
      if (passedOn[t][k].some((v) => v !== 0)) passed[u.name] = passedOn[t][k];
      if (reach[t][k] > 0) served[u.name] = reach[t][k];
    });
    unitResults.push({
      unit: su.name,
      support: true,
      own,
      received: new Array<number>(Y).fill(0),
      totals: own,
      shares: unitShares.get(su) as Float64Array,
      passedOn: passed,
    });
    const participants = new Set<number>();
    for (const [name] of Object.entries(served)) {
      const op = operating[opIndex.get(key(name)) as number];
      op.applied?.participants.forEach((c) => participants.add(codeIndex.get(key(c)) as number));
    }
    rules.push({
      unit: su.name,
      method: "support",
      description: describeRule({ method: "support" }, { supportMethod: settings.supportMethod }),
      participants: codes.filter((_, i) => participants.has(i)),
      servedUnits: served,
      source: supportFirst.get(supportNames[t]),
    });
  });

  // Instrument totals, PSC per year.
  const lines = work.map((w) => w.result);
  const direct = Array.from({ length: n }, () => new Array<number>(Y).fill(0));
  const byCategory = Array.from({ length: n }, (): Record<string, number> => ({}));
  const fte = new Array<number>(n).fill(0);
  for (const r of lines) {
    const s = r.shares;
    for (let i = 0; i < n; i++) {
      let period = 0;
      for (let y = 0; y < Y; y++) {
        const v = s[y * n + i];
        direct[i][y] += v;
        period += v;
      }
      if (period !== 0 || r.category in byCategory[i])
        byCategory[i][r.category] = (byCategory[i][r.category] ?? 0) + period;
    }
    if (r.kind === "post" && r.totals[0] !== 0) {
      for (let i = 0; i < n; i++) if (s[i] !== 0) fte[i] += ((r.fte ?? 0) * s[i]) / r.totals[0];
    }
  }
  const grandDirect = years.map((_, y) => direct.reduce((a, d) => a + d[y], 0));
  const psc = Array.from({ length: n }, () => new Array<number>(Y).fill(0));
  const grandPsc = grandDirect.map((d, y) => {
    const total = roundHalfAway(settings.psc * d);
    if (total === 0) return 0;
    const sign = d < 0 ? -1 : 1;
    let w = direct.map((row) => Math.max(0, sign * row[y]));
    if (!w.some((v) => v > 0)) w = direct.map(() => 1);
    largestRemainder(total, w, codes).forEach((v, i) => (psc[i][y] = v));
    return total;
  });
  const instrumentTotals: InstrumentTotal[] = instruments.map((_, i) => ({
    code: codes[i],
    direct: direct[i],
    psc: psc[i],
    total: direct[i].map((v, y) => v + psc[i][y]),
    byCategory: byCategory[i],
    fte: fte[i],
  }));

  // Savings against the stand-alone baseline.
  const savings = computeSavings(
    model.baseline,
    instrumentTotals,
    codes,
    instrumentAt,
    grades,
    category,
    costByYear,
    problems,
  );

  // Settlement: share of the common costs against the posts an instrument funds.
  const funded = new Array<number>(n).fill(0);
  work.forEach((w, k) => {
    const f = w.result.kind === "post" ? fundedBy[k] : undefined;
    if (f !== undefined) funded[f] += w.result.totals.reduce((a, b) => a + b, 0);
  });
  const settlement: SettlementResult[] = instrumentTotals.map((t, i) => {
    const share = t.direct.reduce((a, b) => a + b, 0);
    return { code: t.code, share, funded: funded[i], balance: share - funded[i] };
  });
  if (hasErrors(problems)) return { ok: false, problems };

  const allocation: Allocation = {
    settings,
    years,
    instruments: codes,
    rules,
    lines,
    units: unitResults,
    instrumentTotals,
    savings,
    settlement,
    grandTotal: { direct: grandDirect, psc: grandPsc, total: grandDirect.map((d, y) => d + grandPsc[y]) },
    warnings: problems,
  };
  return { ok: true, allocation };
}

/** The Basis text of a rule as the sheets show it ("Parties", "40% equal + 60% Parties"). */
function basisText(rule: Rule): { basis?: string } {
  const spec = rule.spec;
  switch (spec.method) {
    case "driver":
      return { basis: spec.driver };
    case "hybrid":
      return { basis: spec.parts.map((p) => `${pct(p.weight)} ${p.basis}`).join(" + ") };
    case "fixed":
      return {
        basis: Object.entries(spec.shares)
          .map(([c, v]) => `${c} ${pct(v)}`)
          .join("; "),
      };
    default:
      return {};
  }
}

/** A post's own split as a weight vector with its sentence, or undefined; problems name the split cells. */
function ownSplit(
  post: Post,
  codes: readonly string[],
  instrumentAt: (code: string) => number | undefined,
  problems: Problem[],
): { split: Split; text: string } | undefined {
  if (post.split === undefined) return undefined;
  const entries = Object.entries(post.split).filter(([, v]) => v !== 0);
  if (entries.length === 0) {
    if (Object.keys(post.split).length > 0) {
      problems.push(
        problemAt(
          post.source,
          Object.keys(post.split)[0],
          `The split of post '${post.id}' gives every instrument 0%.`,
        ),
      );
    }
    return undefined;
  }
  const weights = new Float64Array(codes.length);
  let sum = 0;
  let bad = false;
  for (const [code, v] of entries) {
    const i = instrumentAt(code);
    if (i === undefined) {
      problems.push(
        problemAt(
          post.source,
          code,
          `Post '${post.id}' gives a share to '${code}', which is not in the Instruments sheet.`,
        ),
      );
      bad = true;
    } else if (!Number.isFinite(v) || v < 0) {
      problems.push(
        problemAt(
          post.source,
          code,
          `The share of '${code}' in the split of post '${post.id}' must be 0% or more.`,
        ),
      );
      bad = true;
    } else {
      weights[i] += v;
      sum += v;
    }
  }
  if (bad) return undefined;
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    problems.push(
      problemAt(
        post.source,
        entries[0][0],
        `The split of post '${post.id}' adds up to ${pct(sum)}; it must add up to 100%.`,
      ),
    );
    return undefined;
  }
  const text = `Own split: ${codes
    .map((c, i) => (weights[i] > 0 ? `${c} ${pct(weights[i] / sum)}` : ""))
    .filter((s) => s !== "")
    .join(", ")}`;
  return { split: makeSplit(weights, codes), text };
}

/** Savings of each instrument named in the baseline: stand-alone cost against its shared cost, by category. */
function computeSavings(
  baseline: readonly BaselineItem[],
  totals: readonly InstrumentTotal[],
  codes: readonly string[],
  instrumentAt: (code: string) => number | undefined,
  grades: ReadonlyMap<string, Grade>,
  category: (name: string) => string,
  costByYear: (
    a: number | undefined,
    b: Record<number, number> | undefined,
    g: Grade | undefined,
    fte: number,
  ) => number[] | undefined,
  problems: Problem[],
): SavingsResult[] {
  const base = new Map<number, { byCategory: Record<string, number>; fte?: number }>();
  for (const item of baseline) {
    const i = instrumentAt(item.instrument);
    const label = item.item ?? item.category;
    if (i === undefined) {
      problems.push(
        problemAt(
          item.source,
          "Instrument",
          `Baseline line '${label}' names instrument '${item.instrument}', which is not in the Instruments sheet.`,
        ),
      );
      continue;
    }
    let grade: Grade | undefined;
    if (item.grade !== undefined && item.grade.trim() !== "") {
      grade = grades.get(key(item.grade));
      if (grade === undefined) {
        problems.push(
          problemAt(
            item.source,
            "Grade",
            `Grade '${item.grade}' of baseline line '${label}' is not in the Grades sheet.`,
          ),
        );
        continue;
      }
    }
    if (item.fte !== undefined && (!Number.isFinite(item.fte) || item.fte < 0)) {
      problems.push(problemAt(item.source, "FTE", `The FTE of baseline line '${label}' must be 0 or more.`));
      continue;
    }
    if (item.cost === undefined && item.costByYear === undefined && grade === undefined) {
      problems.push(
        problemAt(
          item.source,
          "Cost",
          `Baseline line '${label}' has neither a Cost nor a Grade; give one of them.`,
        ),
      );
      continue;
    }
    if (item.cost !== undefined && !Number.isFinite(item.cost)) {
      problems.push(problemAt(item.source, "Cost", `The cost of baseline line '${label}' is not a number.`));
      continue;
    }
    const perYear = costByYear(item.cost, item.costByYear, grade, item.fte ?? 1);
    if (perYear === undefined) {
      problems.push(
        problemAt(item.source, "Cost", `Baseline line '${label}' has no cost for every year of the period.`),
      );
      continue;
    }
    const entry = base.get(i) ?? { byCategory: {} };
    base.set(i, entry);
    const cat = category(item.category);
    entry.byCategory[cat] = (entry.byCategory[cat] ?? 0) + perYear.reduce((a, b) => a + b, 0);
    if (item.fte !== undefined) entry.fte = (entry.fte ?? 0) + item.fte;
  }
  const out: SavingsResult[] = [];
  codes.forEach((code, i) => {
    const entry = base.get(i);
    if (entry === undefined) return;
    const t = totals[i];
    const cats = new Set([...Object.keys(entry.byCategory), ...Object.keys(t.byCategory)]);
    const byCategory: SavingsResult["byCategory"] = {};
    let b = 0;
    let s = 0;
    for (const c of cats) {
      const cb = entry.byCategory[c] ?? 0;
      const cs = t.byCategory[c] ?? 0;
      byCategory[c] = { baseline: cb, shared: cs, savings: cb - cs };
      b += cb;
      s += cs;
    }
    out.push({
      code,
      baseline: b,
      shared: s,
      savings: b - s,
      byCategory,
      ...(entry.fte !== undefined ? { baselineFte: entry.fte, fteFreed: entry.fte - t.fte } : {}),
      sharedFte: t.fte,
    });
  });
  return out;
}
