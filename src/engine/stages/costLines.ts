import { keySet } from "../keySet";
import type { Split } from "../makeSplit";
import { STAFF_CATEGORY, type Grade, type Model, type Post } from "../model";
import { cachedSplit, hasSplit, ownSplitCache } from "../ownSplit";
import { hasErrors, problemAt, warningAt, type Problem, type SourceRef } from "../problem";
import { unknownFunder, unknownGrade } from "../postReferences";
import type { CategoryTable } from "./CategoryTable";
import type { Coster } from "./costOf";
import type { GradeIndex } from "./indexGrades";
import type { InstrumentIndex } from "./indexInstruments";
import { missingYearsText } from "./missingYearsText";
import { nameKey } from "./nameKey";
import type { UnitTable } from "./UnitTable";

/**
 * Every post and budget line with its cost per year in quanta. Lines 0 .. posts − 1 are the
 * posts, then the budget lines. Kept in typed arrays indexed by line: the later stages loop over
 * 10,000 lines without touching an object per line.
 *
 * A line's cost is kept exact (an escalated cost, or one in a coarse Rounding, is fractional) and
 * rounded only in roundShares, with everything else: rounding each line's cost first would let
 * the totals drift by up to half a step per line.
 */
export interface Lines {
  count: number;
  posts: number;
  /** Years in the period (Y). */
  years: number;
  /** Exact cost of line k in year y at exact[k·Y + y], in quanta (not rounded). */
  exact: Float64Array;
  /** Rounded cost of line k in year y at totals[k·Y + y], in whole quanta: set by roundShares. */
  totals: Float64Array;
  /** Unit number (UnitTable) of each line. */
  unit: Int32Array;
  /** Category number (CategoryTable): 0 = Staff for every post. */
  category: Int32Array;
  /** A post's FTE (0 for budget lines). */
  fte: Float64Array;
  /** The instrument that funds a post (−1: none). */
  fundedBy: Int32Array;
  /** A post's own split, when it has a valid one and is not in a support unit. */
  own: (Split | undefined)[];
  /** The sentence of a post's own split ("Own split: CMS 85%, ASCOBANS 15%"), or "". */
  ownText: string[];
  /** 1 when a post gives a split of its own, valid or not. */
  splitGiven: Uint8Array;
  /** A post's PostId (lines 0 .. posts − 1). */
  postIds: readonly string[];
  /** Where each line came from. */
  source(k: number): SourceRef;
}

/** What costLines needs to know of the rest of the model. */
export interface LineContext {
  instruments: InstrumentIndex;
  grades: GradeIndex;
  categories: CategoryTable;
  units: UnitTable;
  /** Keys of the units named as Providers in the Support sheet. */
  providers: ReadonlySet<string>;
  cost: Coster;
}

/** Checks and costs every post and budget line; each problem names its row and column. */
export function costLines(model: Model, ctx: LineContext, problems: Problem[]): Lines {
  const Y = ctx.cost.years.length;
  const P = model.posts.length;
  const count = P + model.budget.length;
  const lines: Lines = {
    count,
    posts: P,
    years: Y,
    exact: new Float64Array(count * Y),
    totals: new Float64Array(count * Y),
    unit: new Int32Array(count),
    category: new Int32Array(count),
    fte: new Float64Array(count),
    fundedBy: new Int32Array(count).fill(-1),
    own: new Array<Split | undefined>(count).fill(undefined),
    ownText: new Array<string>(count).fill(""),
    splitGiven: new Uint8Array(count),
    postIds: model.posts.map((p) => p.id),
    source: (k) => (k < P ? model.posts[k].source : model.budget[k - P].source),
  };
  const ids = keySet(P);
  const splits = ownSplitCache();
  const staff = ctx.categories.index(STAFF_CATEGORY);
  // Whether each unit (UnitTable number) is a support unit, found once per unit rather than per post.
  const inSupport: boolean[] = [];
  const isSupport = (u: number, name: string): boolean => (inSupport[u] ??= ctx.providers.has(nameKey(name)));
  for (let k = 0; k < P; k++) {
    const post = model.posts[k];
    const u = ctx.units.index(post.unit);
    costPost(post, k, u, isSupport(u, post.unit), staff, lines, ids, splits, ctx, problems);
  }
  problems.push(...freeGrades(model.posts, ctx));
  for (let b = 0; b < model.budget.length; b++) {
    const line = model.budget[b];
    const k = P + b;
    const u = ctx.units.index(line.unit);
    if (nameKey(line.unit) === "")
      problems.push(problemAt(line.source, "Unit", `Budget line '${line.item}' has no Unit.`));
    if (!ctx.cost.into(line.amount, line.amountByYear, undefined, 1, lines.exact, k * Y)) {
      const missing = ctx.cost.missingYears(line.amount, line.amountByYear, undefined);
      problems.push(
        problemAt(
          line.source,
          String(missing[0]),
          `Budget line '${line.item}' has ${missingYearsText(missing, ctx.cost.years, "amount", "Amount")}.`,
        ),
      );
    }
    ctx.units.list[u].lines.push(k);
    lines.unit[k] = u;
    lines.category[k] = ctx.categories.index(line.category);
  }
  return lines;
}

/** Checks and costs one post (line k). */
/**
 * A grade whose standard cost is 0 (and no cost for any year of the period) that costs posts: its
 * posts cost nothing, most likely a slip (a cost typed in the wrong cell, a line cleared). A
 * warning at the grade's cost, naming its posts: it may be meant.
 */
function freeGrades(posts: readonly Post[], ctx: LineContext): Problem[] {
  if (![...ctx.grades.byKey.values()].some((g) => g.cost === 0)) return [];
  const costed = new Map<Grade, string[]>();
  // In sheet order, so that every option (whose posts may come in another order) says it alike.
  const inSheetOrder = [...posts].sort((a, b) => (a.source?.row ?? 0) - (b.source?.row ?? 0));
  for (const post of inSheetOrder) {
    if (post.grade === undefined || post.grade.trim() === "") continue;
    const grade = ctx.grades.of(post.grade);
    if (grade === undefined || grade.cost !== 0) continue;
    if (ctx.cost.years.some((year) => (grade.costByYear?.[year] ?? 0) !== 0)) continue;
    if (ctx.cost.coversPeriod(post.cost, post.costByYear)) continue;
    costed.set(grade, [...(costed.get(grade) ?? []), post.id]);
  }
  return [...costed].map(([grade, ids]) => {
    const named =
      ids.length > 3 ? `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more` : ids.join(", ");
    return warningAt(
      grade.source,
      "Cost",
      `The standard cost of grade '${grade.grade}' is 0, so ${ids.length === 1 ? "post" : "posts"} ${named} ${ids.length === 1 ? "costs" : "cost"} nothing: type the grade's cost, unless that is meant.`,
    );
  });
}

function costPost(
  post: Post,
  k: number,
  u: number,
  inSupport: boolean,
  staff: number,
  lines: Lines,
  ids: ReturnType<typeof keySet>,
  splits: ReturnType<typeof ownSplitCache>,
  ctx: LineContext,
  problems: Problem[],
): void {
  const before = problems.length;
  const unit = ctx.units.list[u];
  if (unit.name === "") problems.push(problemAt(post.source, "Unit", `Post '${post.id}' has no Unit.`));
  if (ids.addSeen(post.id))
    problems.push(problemAt(post.source, "PostId", `PostId '${post.id}' appears twice in the Posts sheet.`));
  if (!Number.isFinite(post.fte) || post.fte <= 0) {
    problems.push(
      problemAt(post.source, "FTE", `The FTE of post '${post.id}' must be above zero (1 = full time).`),
    );
  }
  let grade: Grade | undefined;
  if (post.grade !== undefined && post.grade.trim() !== "") {
    grade = ctx.grades.of(post.grade);
    // A grade is only a label on a post whose own cost covers every year; only a grade that
    // must cost the post has to be in the Grades sheet.
    if (grade === undefined && !ctx.cost.coversPeriod(post.cost, post.costByYear)) {
      problems.push(unknownGrade(post));
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
  const fb = ctx.instruments.at(funder);
  if (funder !== undefined && fb === undefined) {
    problems.push(unknownFunder(post, ctx.instruments.codes));
  }
  const own = cachedSplit(post, ctx.instruments, problems, splits);
  if (own !== undefined && inSupport) {
    problems.push(
      warningAt(
        post.source,
        ctx.instruments.codes[0],
        `Post '${post.id}' is in support unit '${unit.name}', whose costs are passed on to the units it serves; its own split is not used.`,
      ),
    );
  }
  // A warning (an own split not used) leaves the cost to count; only an error does not.
  const clean = problems.length === before || !hasErrors(problems.slice(before));
  if (clean && !ctx.cost.into(post.cost, post.costByYear, grade, post.fte, lines.exact, k * lines.years)) {
    const missing = ctx.cost.missingYears(post.cost, post.costByYear, grade);
    problems.push(
      problemAt(
        post.source,
        String(missing[0]),
        `Post '${post.id}' has ${missingYearsText(missing, ctx.cost.years, "cost", "Cost", " or a Grade")}.`,
      ),
    );
  }
  unit.lines.push(k);
  lines.unit[k] = u;
  lines.category[k] = staff;
  lines.fte[k] = post.fte;
  lines.fundedBy[k] = fb ?? -1;
  lines.splitGiven[k] = own !== undefined || hasSplit(post) ? 1 : 0;
  lines.own[k] = own !== undefined && !inSupport ? own.split : undefined;
  lines.ownText[k] = own?.text ?? "";
}
