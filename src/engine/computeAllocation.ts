import { describeRule } from "./describeRule";
import { escalate } from "./escalate";
import { keySet } from "./keySet";
import { largestRemainder } from "./largestRemainder";
import { largestRemainderInto, remainderScratch } from "./largestRemainderInto";
import { MEMO_LIMIT, RECENT_MASK, makeSplit, type Split } from "./makeSplit";
import { cachedSplit, hasSplit, ownSplitCache } from "./ownSplit";
import { splitLine } from "./splitLine";
import { computeSavings } from "./computeSavings";
import { type Grade, type Model, type Post, type Rule, STAFF_CATEGORY } from "./model";
import { quantizer } from "./money";
import { hasErrors, problemAt, warningAt, type Problem, type SourceRef } from "./problem";
import { resolveParticipants } from "./resolveParticipants";
import type {
  Allocation,
  AllocationOutcome,
  InstrumentTotal,
  LineResult,
  RuleApplied,
  SettlementResult,
  UnitResult,
} from "./result";
import { roundHalfAway } from "./roundHalfAway";
import { ruleWeights } from "./ruleWeights";
import { supportReach } from "./supportReach";
import { tieOrder } from "./tieOrder";
import { TotalMemo } from "./TotalMemo";
import { validateSettings } from "./validateSettings";
import { formatPercent } from "./formatPercent";

/** Tolerance on "adds up to 100%": a hundredth of a percent. */
const SUM_TOLERANCE = 1e-4;

/**
 * The most bytes of line shares in one buffer: below the size from which common allocators
 * (glibc's malloc: 128 KB) map fresh pages from the system rather than reuse freed memory.
 */
const SHARE_CHUNK_BYTES = 64 * 1024;

function key(name: string): string {
  return name.trim().toLowerCase();
}

/** What the pipeline knows about one unit. */
interface UnitInfo {
  name: string;
  posts: number[];
  budget: number[];
  rule?: Rule;
  support: boolean;
  /** Named as a Provider in the Support sheet (known before the links are read). */
  provider: boolean;
  /** Receives support from a support unit. */
  receives: boolean;
  split?: Split;
  applied?: RuleApplied;
  /** Shares year-major, the sum of its lines' (and, for an operating unit, received) shares. */
  shares?: Float64Array;
  /** Its lines' shares by category index (year-major), added up as the lines are split. */
  byCat: (Float64Array | undefined)[];
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
  // Lookups by the text as written first: thousands of rows repeat a few codes and grades.
  const codesAsWritten = new Map<string, number | undefined>();
  const instrumentAt = (code: string | undefined): number | undefined => {
    if (code === undefined) return undefined;
    // One lookup for a known code; a second only for text known not to be a code.
    const known = codesAsWritten.get(code);
    if (known !== undefined || codesAsWritten.has(code)) return known;
    const i = codeIndex.get(key(code));
    codesAsWritten.set(code, i);
    return i;
  };

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

  const gradesAsWritten = new Map<string, Grade | undefined>();
  const gradeOf = (name: string): Grade | undefined => {
    const known = gradesAsWritten.get(name);
    if (known !== undefined || gradesAsWritten.has(name)) return known;
    const g = grades.get(key(name));
    gradesAsWritten.set(name, g);
    return g;
  };

  // Categories are matched case-insensitively; the first spelling met is kept.
  const categories = new Map<string, number>([[key(STAFF_CATEGORY), 0]]);
  const categoryNames = [STAFF_CATEGORY];
  const categoryIndex = (name: string): number => {
    const written = name.trim() === "" ? "Other" : name.trim();
    const k = key(written);
    const known = categories.get(k);
    if (known !== undefined) return known;
    categories.set(k, categoryNames.length);
    categoryNames.push(written);
    return categoryNames.length - 1;
  };
  const category = (name: string): string => categoryNames[categoryIndex(name)];

  const stride = Y * n;
  const P = model.posts.length;
  const lineCount = P + model.budget.length;

  /**
   * Quanta per year of a cost given as an annual amount (escalated), per-year amounts (as they
   * are), or a grade's standard cost × FTE; undefined where a year has no cost at all.
   */
  const toQuanta = quantizer(rounding);
  // (1 + escalation)^k, once per year rather than once per post and year.
  const growth = years.map((_, k) => escalate(1, escalation, k));
  // Written at out[at + k], so that a line's totals go straight into the table of all lines.
  const costInto = (
    amount: number | undefined,
    byYear: Record<number, number> | undefined,
    grade: Grade | undefined,
    fte: number,
    out: Float64Array,
    at: number,
  ): boolean => {
    for (let k = 0; k < Y; k++) {
      const given = byYear?.[years[k]];
      // NaN, not undefined, for "no cost": a variable that is either undefined or a double has
      // every double boxed in a heap object, one per post and year.
      let v = Number.NaN;
      if (given !== undefined) v = given;
      else if (amount !== undefined) v = amount * growth[k];
      else if (grade !== undefined) {
        const g = grade.costByYear?.[years[k]];
        v = (g !== undefined ? g : grade.cost * growth[k]) * fte;
      }
      if (!Number.isFinite(v)) {
        out.fill(0, at, at + Y);
        return false;
      }
      out[at + k] = toQuanta(v);
    }
    return true;
  };
  const coversPeriod = (amount: number | undefined, byYear: Record<number, number> | undefined): boolean =>
    amount !== undefined || years.every((year) => byYear?.[year] !== undefined);
  const costByYear = (
    amount: number | undefined,
    byYear: Record<number, number> | undefined,
    grade: Grade | undefined,
    fte: number,
  ): number[] | undefined => {
    const out = new Float64Array(Y);
    return costInto(amount, byYear, grade, fte, out, 0) ? Array.from(out) : undefined;
  };

  // Units, in order of first appearance.
  const units = new Map<string, UnitInfo>();
  // Names as written, so that 10,000 posts of a few units do not trim and lower-case each time.
  const unitsAsWritten = new Map<string, UnitInfo>();
  const providers = new Set(model.support.map((l) => key(l.provider)));
  const unitOf = (name: string): UnitInfo => {
    const written = unitsAsWritten.get(name);
    if (written !== undefined) return written;
    const k = key(name);
    let u = units.get(k);
    if (u === undefined) {
      // Every field from the start, so that all units share one shape (see splitLine.ts).
      u = {
        name: name.trim(),
        posts: [],
        budget: [],
        rule: undefined,
        support: false,
        provider: providers.has(k),
        receives: false,
        split: undefined,
        applied: undefined,
        shares: undefined,
        byCat: [],
      };
      units.set(k, u);
    }
    unitsAsWritten.set(name, u);
    return u;
  };

  // Posts.
  // What the pipeline needs of each line, in typed arrays indexed by line (posts, then budget
  // lines) rather than in an object per line: the hot loops then touch no object at all, and the
  // results (LineResult) are built once at the end, when each line's rule is known.
  const lineTotals = new Float64Array(lineCount * Y);
  // Made at their full length: grown by push, they would leave their earlier copies as garbage.
  const lineUnit = new Array<UnitInfo>(lineCount);
  const lineOwn = new Array<Split | undefined>(lineCount);
  /** The sentence of a post's own split, or "". */
  const lineOwnText = new Array<string>(lineCount);
  /** 1 when a post gives a split of its own, valid or not (a bad one is already a problem). */
  const lineSplitGiven = new Uint8Array(lineCount);
  /** 1 when a post is costed from its grade's standard cost: such totals repeat. */
  const lineStandard = new Uint8Array(lineCount);
  const lineCat = new Int32Array(lineCount);
  const lineFte = new Float64Array(lineCount);
  const postIds = keySet(P);
  const fundedBy = new Array<number | undefined>(P);
  const splits = ownSplitCache();
  // The post itself passed, not its figures: a double passed to a function is boxed.
  const postCostInto = (post: Post, grade: Grade | undefined, k: number): boolean =>
    costInto(post.cost, post.costByYear, grade, post.fte, lineTotals, k * Y);
  // A function of its own, so that the optimising compiler takes it (see splitLine.ts).
  const readPost = (post: Post, k: number): void => {
    const before = problems.length;
    const unit = unitOf(post.unit);
    const inSupport = unit.provider;
    if (unit.name === "") problems.push(problemAt(post.source, "Unit", `Post '${post.id}' has no Unit.`));
    if (postIds.addSeen(post.id))
      problems.push(
        problemAt(post.source, "PostId", `PostId '${post.id}' appears twice in the Posts sheet.`),
      );
    if (!Number.isFinite(post.fte) || post.fte <= 0) {
      problems.push(
        problemAt(post.source, "FTE", `The FTE of post '${post.id}' must be above zero (1 = full time).`),
      );
    }
    let grade: Grade | undefined;
    if (post.grade !== undefined && post.grade.trim() !== "") {
      grade = gradeOf(post.grade);
      // A grade is only a label on a post whose own cost covers every year; only a grade that
      // must cost the post has to be in the Grades sheet.
      if (grade === undefined && !coversPeriod(post.cost, post.costByYear)) {
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
    const funder = post.fundedBy?.trim() ? post.fundedBy : undefined;
    const fb = instrumentAt(funder);
    if (funder !== undefined && fb === undefined) {
      problems.push(
        problemAt(
          post.source,
          "FundedBy",
          `Post '${post.id}' is funded by '${post.fundedBy}', which is not in the Instruments sheet.`,
        ),
      );
    }
    const own = cachedSplit(post, codes, instrumentAt, problems, splits);
    if (own !== undefined && inSupport) {
      problems.push(
        warningAt(
          post.source,
          codes[0],
          `Post '${post.id}' is in support unit '${unit.name}', whose costs are passed on to the units it serves; its own split is not used.`,
        ),
      );
    }
    // A warning (an own split not used) leaves the cost to count; only an error does not.
    const clean = problems.length === before || !hasErrors(problems.slice(before));
    if (clean && !postCostInto(post, grade, k)) {
      problems.push(
        problemAt(
          post.source,
          "Cost",
          `Post '${post.id}' has no cost for every year of the period; give a Cost or a Grade.`,
        ),
      );
    }
    unit.posts.push(k);
    fundedBy[k] = fb;
    lineFte[k] = post.fte;
    lineStandard[k] = hasCost ? 0 : 1;
    lineSplitGiven[k] = own !== undefined || hasSplit(post) ? 1 : 0;
    lineUnit[k] = unit;
    lineOwn[k] = own !== undefined && !inSupport ? own.split : undefined;
    lineOwnText[k] = own?.text ?? "";
  };
  // The loop in a function of its own too: a loop of 10,000 in computeAllocation itself would
  // have the compiler optimise the whole of it, which takes longer than the runs it speeds up.
  const readPosts = (): void => {
    for (let k = 0; k < P; k++) readPost(model.posts[k], k);
  };
  readPosts();

  // Budget lines.
  for (let b = 0; b < model.budget.length; b++) {
    const line = model.budget[b];
    const k = P + b;
    const unit = unitOf(line.unit);
    if (key(line.unit) === "")
      problems.push(problemAt(line.source, "Unit", `Budget line '${line.item}' has no Unit.`));
    if (!costInto(line.amount, line.amountByYear, undefined, 1, lineTotals, k * Y)) {
      problems.push(
        problemAt(
          line.source,
          "Amount",
          `Budget line '${line.item}' has no amount for every year of the period.`,
        ),
      );
    }
    unit.budget.push(k);
    lineCat[k] = categoryIndex(line.category);
    lineUnit[k] = unit;
    lineOwn[k] = undefined;
    lineOwnText[k] = "";
  }
  /** Where line k came from, for a problem. */
  const sourceOf = (k: number): SourceRef => (k < P ? model.posts[k].source : model.budget[k - P].source);
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
          `The shares of support unit '${units.get(p)?.name ?? p}' add up to ${formatPercent(sum)} (Support ${list.length === 1 ? "row" : "rows"} ${list.map((l) => l.source.row).join(", ")}); they must add up to 100%.`,
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
    const unsplit = u.posts.filter((k) => lineSplitGiven[k] === 0);
    if (rule !== undefined) {
      for (const w of unsplit) {
        const post = model.posts[w];
        problems.push(
          problemAt(
            post.source,
            codes[0],
            `Post '${post.id}' is in unit '${u.name}', whose rule is 'posts', but it has no split of its own.`,
          ),
        );
      }
    } else if (unsplit.length > 0 || u.posts.length === 0 || u.budget.length > 0) {
      const first = u.posts.length + u.budget.length > 0 ? sourceOf(u.posts[0] ?? u.budget[0]) : undefined;
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
    if (unsplit.length > 0 || u.posts.some((k) => lineOwn[k] === undefined)) continue;
    // Budget lines and support received follow the posts, weighted by their first-year cost.
    const acc = postsWeights(u.posts, lineOwn as Split[], lineTotals, Y, n);
    if (!acc.some((v) => v > 0)) {
      problems.push(
        problemAt(
          rule?.source ?? sourceOf(u.posts[0]),
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

  // Split every line of the operating units. Each line's shares are also added to its unit's
  // and its category's, looping over the participants only (two for most own splits).
  // The lines' shares live in buffers of up to 64 KB (line k in chunkOf(k) from baseOf(k)), made
  // only now that the model is known to be valid. One buffer of 7 MB would come fresh from the
  // system each run, and the processor would fault in each of its pages as the shares are
  // written (a third of the run); small ones are recycled by the allocator. Each is made when
  // its first line is written, so that its zeroing leaves it in the cache for those writes.
  const perChunk = Math.max(1, Math.floor(SHARE_CHUNK_BYTES / (8 * stride)));
  const chunks = new Array<Float64Array | undefined>(Math.ceil(lineCount / perChunk));
  const chunkOf = (k: number): Float64Array => {
    const c = Math.floor(k / perChunk);
    let chunk = chunks[c];
    if (chunk === undefined) {
      chunk = new Float64Array(Math.min(perChunk, lineCount - c * perChunk) * stride);
      chunks[c] = chunk;
    }
    return chunk;
  };
  const baseOf = (k: number): number => (k % perChunk) * stride;
  const scratch = remainderScratch(Math.max(n, operating.length));
  const unitReceived = new Map<UnitInfo, number[]>();
  for (const u of [...operating, ...supports]) {
    u.shares = new Float64Array(stride);
    unitReceived.set(u, new Array<number>(Y).fill(0));
  }
  const byCat = categoryNames.map(() => new Float64Array(stride));
  const fte = new Float64Array(n);
  // A function of its own, so that the optimising compiler takes it (see splitLine.ts).
  const splitOperatingLines = (): void => {
    for (let k = 0; k < lineCount; k++) {
      const unit = lineUnit[k];
      if (unit.support) continue;
      const split = lineOwn[k] ?? unit.split;
      if (split === undefined) continue;
      const acc = unitCategoryShares(unit, lineCat[k], stride);
      const out = chunkOf(k);
      const base = baseOf(k);
      splitLine(lineTotals, k, Y, split, lineStandard[k] === 1, out, base, acc, scratch);
      if (k < P && lineTotals[k * Y] !== 0)
        addFte(fte, lineFte[k] / lineTotals[k * Y], out, base, split.order);
    }
  };
  splitOperatingLines();

  // Pass support lines on: over the operating units they reach, then by each unit's rule.
  const passedOn = supports.map(() => operating.map(() => new Array<number>(Y).fill(0)));
  const unitNames = operating.map((u) => u.name);
  const O = operating.length;
  /**
   * What a total of one support unit becomes: the piece each operating unit receives, that
   * piece's shares (O × n), their sum by instrument (the line's shares), and how many lines
   * of each year had this total (its effect on the receiving units is added once, times that).
   */
  interface PassedOn {
    pieces: Float64Array;
    shares: Float64Array;
    line: Float64Array;
    uses: Float64Array;
  }
  const passedOnEntry = (): PassedOn => ({
    pieces: new Float64Array(O),
    shares: new Float64Array(O * n),
    line: new Float64Array(n),
    uses: new Float64Array(Y),
  });
  // What an entry adds to the operating units it reaches in year y, `times` over.
  const reachUnits = (e: PassedOn, t: number, y: number, times: number): void => {
    for (let u = 0; u < O; u++) {
      const amount = e.pieces[u];
      if (amount === 0) continue;
      const target = operating[u];
      addScaled(target.shares as Float64Array, y * n, e.shares, u * n, n, times);
      (unitReceived.get(target) as number[])[y] += amount * times;
      passedOn[t][u][y] += amount * times;
    }
  };
  // A function of its own, so that the optimising compiler takes it (see splitLine.ts).
  const passOnSupport = (su: UnitInfo, t: number): void => {
    const rt = reach[t];
    const reachWeights = Float64Array.from(rt);
    const reachSum = rt.reduce((a, b) => a + b, 0);
    const reachOrder = tieOrder(reachWeights, unitNames);
    // By total, the index of its entry in `kept` (as Split.memo).
    const memo = new TotalMemo();
    const kept: PassedOn[] = [];
    // Totals lately met, as in Split.recent.
    const recent = new Float64Array(RECENT_MASK + 1).fill(Number.NaN);
    const once = passedOnEntry();
    const passOn = (total: number, repeats: boolean): PassedOn => {
      const known = memo.get(total);
      if (known >= 0) return kept[known];
      // Memoised when first met for a standard cost (see splitLine), else the second time; the
      // first time, worked out in scratch space.
      const slot = total & RECENT_MASK;
      const keep = (repeats || recent[slot] === total) && memo.size < MEMO_LIMIT;
      if (!keep) recent[slot] = total;
      const out = keep ? passedOnEntry() : once;
      if (!keep) {
        out.pieces.fill(0);
        out.shares.fill(0);
        out.line.fill(0);
      }
      largestRemainderInto(total, reachWeights, reachSum, reachOrder, out.pieces, 0, scratch);
      for (let u = 0; u < O; u++) {
        if (out.pieces[u] === 0) continue;
        const split = operating[u].split as Split;
        largestRemainderInto(
          out.pieces[u],
          split.weights,
          split.sum,
          split.order,
          out.shares,
          u * n,
          scratch,
        );
        addInto(out.line, 0, out.shares, u * n, n);
      }
      if (keep) {
        memo.set(total, kept.length);
        kept.push(out);
      }
      return out;
    };
    const passLine = (k: number): void => {
      const acc = unitCategoryShares(su, lineCat[k], stride);
      const out = chunkOf(k);
      const base = baseOf(k);
      for (let y = 0; y < Y; y++) {
        const e = passOn(lineTotals[k * Y + y], lineStandard[k] === 1);
        addInto(out, base + y * n, e.line, 0, n);
        addInto(acc, y * n, e.line, 0, n);
        if (e === once) reachUnits(e, t, y, 1);
        else e.uses[y]++;
      }
      if (k < P && lineTotals[k * Y] !== 0) addFte(fte, lineFte[k] / lineTotals[k * Y], out, base, null);
    };
    for (let j = 0; j < su.posts.length; j++) passLine(su.posts[j]);
    for (let j = 0; j < su.budget.length; j++) passLine(su.budget[j]);
    for (const e of kept) for (let y = 0; y < Y; y++) if (e.uses[y] > 0) reachUnits(e, t, y, e.uses[y]);
  };
  supports.forEach(passOnSupport);
  // Each line was added once, into its unit's shares in its category: the units' and the
  // categories' shares are the sums of those.
  for (const u of [...operating, ...supports]) {
    u.byCat.forEach((a, c) => {
      if (a === undefined) return;
      addInto(u.shares as Float64Array, 0, a, 0, stride);
      addInto(byCat[c], 0, a, 0, stride);
    });
  }

  // The lines' results, now that each line's rule is known.
  const supportRule = `Support: passed on by the ${settings.supportMethod} method`;
  const lines = new Array<LineResult>(lineCount);
  // Copied for each line's totals: an array made of doubles from the start, where one made empty
  // would be reallocated as doubles at its first amount, leaving the first allocation as garbage.
  const doubles: number[] = [];
  for (let y = 0; y < Y; y++) doubles.push(0.5);
  const unitRule = new Map<UnitInfo, string>();
  for (const u of operating) if (u.applied !== undefined) unitRule.set(u, `Unit rule: ${u.applied.method}`);
  // A function of its own, so that the optimising compiler takes it (see splitLine.ts).
  const buildLines = (): void => {
    for (let k = 0; k < lineCount; k++) {
      const unit = lineUnit[k];
      const rule = unit.support
        ? supportRule
        : lineOwn[k] !== undefined
          ? lineOwnText[k]
          : (unitRule.get(unit) ?? lineOwnText[k]);
      const totals = doubles.slice();
      for (let y = 0; y < Y; y++) totals[y] = lineTotals[k * Y + y];
      const shares = new Float64Array(chunkOf(k).buffer, baseOf(k) * 8, stride);
      if (k < P) lines[k] = postLine(model.posts[k], unit.name, rule, totals, shares, fundedBy[k], codes);
      else {
        const line = model.budget[k - P];
        lines[k] = {
          kind: "budget",
          id: line.item,
          title: line.item,
          unit: unit.name,
          category: categoryNames[lineCat[k]],
          rule,
          totals,
          shares,
          source: line.source,
        };
      }
    }
  };
  buildLines();

  // Unit results.
  const sumLines = (u: UnitInfo): number[] => {
    const own = new Float64Array(Y);
    addTotals(own, u.posts, lineTotals);
    addTotals(own, u.budget, lineTotals);
    return Array.from(own);
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
      shares: u.shares as Float64Array,
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
      shares: su.shares as Float64Array,
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

  // Instrument totals (the sums of the category totals), PSC per year.
  const direct = Array.from({ length: n }, () => new Array<number>(Y).fill(0));
  const byCategory = Array.from({ length: n }, (): Record<string, number> => ({}));
  byCat.forEach((cs, c) => {
    for (let i = 0; i < n; i++) {
      let period = 0;
      for (let y = 0; y < Y; y++) {
        direct[i][y] += cs[y * n + i];
        period += cs[y * n + i];
      }
      if (period !== 0) byCategory[i][categoryNames[c]] = period;
    }
  });
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
  const funded = new Float64Array(n);
  addFunded(funded, fundedBy, lineTotals, Y);
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

/**
 * The weights of a unit whose posts carry their own splits: each post's split times its
 * first-year cost, added up (or the splits alone when no post has a cost). A function of its
 * own, so that the optimising compiler takes the loop (see splitLine.ts).
 */
function postsWeights(
  posts: readonly number[],
  own: readonly Split[],
  lineTotals: Float64Array,
  Y: number,
  n: number,
): Float64Array {
  const acc = new Float64Array(n);
  let weighted = false;
  for (const w of posts) {
    const split = own[w];
    const c = lineTotals[w * Y];
    if (c > 0) weighted = true;
    for (let j = 0; j < split.order.length; j++) {
      const i = split.order[j];
      acc[i] += (split.weights[i] / split.sum) * c;
    }
  }
  if (!weighted) {
    for (const w of posts) {
      const split = own[w];
      for (let i = 0; i < n; i++) acc[i] += split.weights[i] / split.sum;
    }
  }
  return acc;
}

/** Adds the totals of the lines `list` (at lineTotals[k·Y + y]) into `own` (Y long). */
function addTotals(own: Float64Array, list: readonly number[], lineTotals: Float64Array): void {
  const Y = own.length;
  for (let j = 0; j < list.length; j++) {
    const at = list[j] * Y;
    for (let y = 0; y < Y; y++) own[y] += lineTotals[at + y];
  }
}

/** Adds each post's totals over the period (at lineTotals[k·Y + y]) to the instrument that funds it. */
function addFunded(
  funded: Float64Array,
  fundedBy: readonly (number | undefined)[],
  lineTotals: Float64Array,
  Y: number,
): void {
  for (let k = 0; k < fundedBy.length; k++) {
    const f = fundedBy[k];
    if (f !== undefined) for (let y = 0; y < Y; y++) funded[f] += lineTotals[k * Y + y];
  }
}

/** Adds `times` × `from[src + i]` into `a[off + i]` for i < n. */
function addScaled(
  a: Float64Array,
  off: number,
  from: Float64Array,
  src: number,
  n: number,
  times: number,
): void {
  for (let i = 0; i < n; i++) a[off + i] += times * from[src + i];
}

/** Adds `from[src + i]` into `a[off + i]` for i < n. */
function addInto(a: Float64Array, off: number, from: Float64Array, src: number, n: number): void {
  for (let i = 0; i < n; i++) a[off + i] += from[src + i];
}

/** A unit's shares in one category (year-major), made when first needed. */
function unitCategoryShares(u: UnitInfo, category: number, stride: number): Float64Array {
  let a = u.byCat[category];
  if (a === undefined) {
    a = new Float64Array(stride);
    u.byCat[category] = a;
  }
  return a;
}

/**
 * Adds a post's staff time to each instrument: FTE × its first-year share (f = FTE / first-year
 * cost), the shares read at s[at + i]; over `order` only when given.
 */
function addFte(fte: Float64Array, f: number, s: Float64Array, at: number, order: Int32Array | null): void {
  if (order === null) {
    for (let i = 0; i < fte.length; i++) fte[i] += f * s[at + i];
  } else {
    for (let j = 0; j < order.length; j++) fte[order[j]] += f * s[at + order[j]];
  }
}

/**
 * A post's result. Each combination of the optional fields is written as one literal, so that
 * every object is made whole, with its properties in the object itself, rather than grown.
 */
function postLine(
  post: Post,
  unit: string,
  rule: string,
  totals: number[],
  shares: Float64Array,
  fundedBy: number | undefined,
  codes: readonly string[],
): LineResult {
  const { id, title, fte, source, grade } = post;
  const category = STAFF_CATEGORY;
  if (fundedBy === undefined) {
    return grade === undefined
      ? { kind: "post", id, title, unit, category, fte, rule, totals, shares, source }
      : { kind: "post", id, title, unit, category, fte, rule, totals, shares, source, grade };
  }
  const by = codes[fundedBy];
  return grade === undefined
    ? { kind: "post", id, title, unit, category, fte, rule, totals, shares, source, fundedBy: by }
    : { kind: "post", id, title, unit, category, fte, rule, totals, shares, source, grade, fundedBy: by };
}

/** The Basis text of a rule as the sheets show it ("Parties", "40% equal + 60% Parties"). */
function basisText(rule: Rule): { basis?: string } {
  const spec = rule.spec;
  switch (spec.method) {
    case "driver":
      return { basis: spec.driver };
    case "hybrid":
      return { basis: spec.parts.map((p) => `${formatPercent(p.weight)} ${p.basis}`).join(" + ") };
    case "fixed":
      return {
        basis: Object.entries(spec.shares)
          .map(([c, v]) => `${c} ${formatPercent(v)}`)
          .join("; "),
      };
    default:
      return {};
  }
}
