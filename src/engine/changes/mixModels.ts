import type { Grade, Model, Post, Settings } from "../model";
import { nameKey } from "../stages/nameKey";
import type { ChangeCause } from "./changeCause";

/**
 * The model of an earlier run with the groups in `applied` taken from this run's model: a step of
 * the waterfall. Settings, instruments, budget lines, rules and support are taken whole by their
 * group. Posts pair by PostId: "posts" decides which posts there are (an added post comes with
 * all it has now, a removed one keeps all it had), "costs" a kept post's Grade, FTE and costs,
 * "assignment" its Unit, split and FundedBy. Grades keep the other run's grades that one run
 * lacks, since a grade no post uses moves nothing. The Baseline is left out: it moves savings
 * only, never a share.
 */
export function mixModels(before: Model, after: Model, applied: ReadonlySet<ChangeCause>): Model {
  const has = (c: ChangeCause) => applied.has(c);
  const s0 = before.settings;
  const s1 = after.settings;
  const period = has("settings") ? s1 : s0;
  return {
    settings: {
      ...withoutOptions(s1),
      firstYear: period.firstYear,
      years: period.years,
      escalation: period.escalation,
      rounding: period.rounding,
      supportMethod: (has("support") ? s1 : s0).supportMethod,
      psc: (has("psc") ? s1 : s0).psc,
      ...optionSettings(has("option") ? s1 : s0),
    },
    instruments: has("instruments") ? after.instruments : before.instruments,
    grades: has("costs")
      ? withMissing(after.grades, before.grades)
      : withMissing(before.grades, after.grades),
    posts: mixPosts(before.posts, after.posts, has("posts"), has("costs"), has("assignment")),
    budget: has("budget") ? after.budget : before.budget,
    rules: has("rules") ? after.rules : before.rules,
    support: has("support") ? after.support : before.support,
    baseline: [],
  };
}

/** The settings that name the options and the one written, as one run has them (absent ones stay absent). */
function optionSettings(s: Settings): Pick<Settings, "scenarios" | "scenario"> {
  return {
    ...(s.scenarios !== undefined ? { scenarios: s.scenarios } : {}),
    ...(s.scenario !== undefined ? { scenario: s.scenario } : {}),
  };
}

function withoutOptions(s: Settings): Settings {
  const { scenarios: _list, scenario: _chosen, ...rest } = s;
  return rest;
}

/** `main`, then the grades of `other` that `main` lacks. */
function withMissing(main: readonly Grade[], other: readonly Grade[]): Grade[] {
  const known = new Set(main.map((g) => nameKey(g.grade)));
  return [...main, ...other.filter((g) => !known.has(nameKey(g.grade)))];
}

/**
 * The posts of a step. Which posts there are, and their order, come from the run that "posts"
 * takes them from: the order can decide a tie in rounding, so the model with no group applied
 * is the earlier model exactly, and a reordering counts with the posts. A kept post carries its
 * costs and its place from the run each group takes them from, and everything else from the run
 * that "posts" takes.
 */
function mixPosts(
  before: readonly Post[],
  after: readonly Post[],
  which: boolean,
  costs: boolean,
  assignment: boolean,
): Post[] {
  // A PostId may come back on another row for other options: the n-th of an id pairs with the n-th.
  const numbered = (posts: readonly Post[]): [string, Post][] => {
    const seen = new Map<string, number>();
    return posts.map((p) => {
      const id = p.id.toLowerCase();
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      return [`${id}\u0000${n}`, p];
    });
  };
  const earlierList = numbered(before);
  const laterList = numbered(after);
  const earlier = new Map(earlierList);
  const later = new Map(laterList);
  const mix = (a: Post, b: Post): Post => {
    const base = which ? b : a;
    const cost = costs ? b : a;
    const place = assignment ? b : a;
    // Whatever else a post holds (its title, its row, its options) goes with which posts there
    // are. Field by field: a spread with fields left out was ten times slower, over 10,000 posts
    // in each step of the waterfall.
    const post: Post = {
      id: base.id,
      title: base.title,
      unit: place.unit,
      fte: cost.fte,
      source: base.source,
    };
    if (base.scenarios !== undefined) post.scenarios = base.scenarios;
    if (cost.grade !== undefined) post.grade = cost.grade;
    if (cost.cost !== undefined) post.cost = cost.cost;
    if (cost.costByYear !== undefined) post.costByYear = cost.costByYear;
    if (place.fundedBy !== undefined) post.fundedBy = place.fundedBy;
    if (place.split !== undefined) post.split = place.split;
    return post;
  };
  if (which) {
    return laterList.map(([k, b]) => {
      const a = earlier.get(k);
      return a === undefined ? b : mix(a, b);
    });
  }
  return earlierList.map(([k, a]) => {
    const b = later.get(k);
    return b === undefined ? a : mix(a, b);
  });
}
