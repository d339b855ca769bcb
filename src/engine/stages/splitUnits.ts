import { describeRule } from "../describeRule";
import { formatPercent } from "../formatPercent";
import { makeSplit } from "../makeSplit";
import type { Rule } from "../model";
import { problemAt, warningAt, type Problem } from "../problem";
import { resolveParticipants } from "../resolveParticipants";
import { ruleWeights } from "../ruleWeights";
import { similarName } from "../similarName";
import type { Lines } from "./costLines";
import type { InstrumentIndex } from "./indexInstruments";
import type { UnitInfo, UnitTable } from "./UnitTable";

/**
 * Gives each operating unit with costs its split: the weights of its rule, or — for a `posts`
 * rule, or no rule where every post carries its own split — its posts' splits weighted by their
 * first-year cost, which its budget lines and the support it receives follow.
 */
export function splitUnits(
  units: UnitTable,
  lines: Lines,
  index: InstrumentIndex,
  problems: Problem[],
): void {
  // A rule no line uses and a unit with costs but no rule are often one unit written two ways.
  const unused = units.list.filter((u) => !u.support && u.lines.length === 0 && !u.receives && u.rule);
  const unruled = units.list.filter((u) => !u.support && u.lines.length > 0 && u.rule === undefined);
  // Failing an unused rule, one in use: a line or two moved to a misspelt unit ("Avian unitt").
  const ruled = units.list.filter((u) => !u.support && u.rule);
  for (const u of units.list) {
    if (u.support) continue;
    const rule = u.rule;
    if (u.lines.length === 0 && !u.receives) {
      if (rule !== undefined) {
        const like = unruled.find((v) => similarName(v.name, u.name));
        const at = like === undefined ? undefined : lines.source(like.lines[0]);
        problems.push(
          warningAt(
            rule.source,
            "Unit",
            `Unit '${rule.unit}' has a rule but no posts or budget lines, so the rule is not used.` +
              (like !== undefined && at !== undefined
                ? ` ${at.sheet} row ${at.row} names unit '${like.name}', which has no rule: is it this unit?`
                : ""),
          ),
        );
      }
      continue;
    }
    if (rule !== undefined && rule.spec.method !== "posts") splitByRule(u, rule, index, problems);
    else {
      const like =
        rule === undefined
          ? (unused.find((v) => similarName(v.name, u.name)) ??
            ruled.find((v) => similarName(v.name, u.name)))
          : undefined;
      splitByPosts(u, rule, lines, index, problems, like);
    }
  }
}

/** A fixed, equal, driver or hybrid rule: its weights among its participants, bounds applied. */
function splitByRule(u: UnitInfo, rule: Rule, index: InstrumentIndex, problems: Problem[]): void {
  const { instruments, codes } = index;
  const participation = resolveParticipants(rule, instruments);
  const outcome = ruleWeights(rule, instruments, participation);
  if (!outcome.ok) {
    problems.push(...outcome.problems);
    return;
  }
  u.split = makeSplit(outcome.weights, index.canonical);
  const participants = codes.filter((_, i) => outcome.mask[i]);
  const weights: Record<string, number> = {};
  codes.forEach((c, i) => outcome.mask[i] && (weights[c] = outcome.weights[i]));
  u.applied = {
    unit: u.name,
    method: rule.spec.method,
    description: describeRule(rule.spec, {
      participants,
      everyone: outcome.everyone,
      min: rule.min,
      max: rule.max,
    }),
    ...basisText(rule),
    participants,
    ...(rule.min !== undefined ? { min: rule.min } : {}),
    ...(rule.max !== undefined ? { max: rule.max } : {}),
    weights,
    source: rule.source,
  };
}

/** A `posts` rule, or no rule: the unit's posts carry their own splits. */
function splitByPosts(
  u: UnitInfo,
  rule: Rule | undefined,
  lines: Lines,
  index: InstrumentIndex,
  problems: Problem[],
  like?: UnitInfo,
): void {
  const { codes } = index;
  const posts = u.lines.filter((k) => k < lines.posts);
  const hasBudget = posts.length < u.lines.length;
  const unsplit = posts.filter((k) => lines.splitGiven[k] === 0);
  if (rule !== undefined) {
    for (const k of unsplit) {
      problems.push(
        problemAt(
          lines.source(k),
          codes[0],
          `Post '${postId(lines, k)}' is in unit '${u.name}', whose rule is 'posts', but it has no split of its own.`,
        ),
      );
    }
  } else if (unsplit.length > 0 || posts.length === 0 || hasBudget) {
    const first = u.lines.length > 0 ? lines.source(u.lines[0]) : undefined;
    problems.push(
      problemAt(
        first,
        "Unit",
        (posts.length > 0 && unsplit.length === 0
          ? `Unit '${u.name}' has budget lines but no rule in the Rules sheet; its posts carry their own split, but its budget lines need a rule.`
          : `Unit '${u.name}' has costs but no rule in the Rules sheet, and not all of its posts carry their own split: add a rule for it in the Rules sheet, or give each of its posts its own split.`) +
          (like?.rule === undefined
            ? ""
            : like.lines.length === 0 && !like.receives
              ? ` The Rules sheet has a rule for '${like.name}' (row ${like.rule.source.row}), which no post or budget line names: is it this unit?`
              : ` The Rules sheet has a rule for '${like.name}' (row ${like.rule.source.row}): is it this unit?`),
      ),
    );
    return;
  }
  if (unsplit.length > 0 || posts.some((k) => lines.own[k] === undefined)) return;
  const weights = postsWeights(posts, lines, codes.length);
  if (!weights.some((v) => v > 0)) {
    problems.push(
      problemAt(
        rule?.source ?? lines.source(posts[0]),
        "Unit",
        `The posts of unit '${u.name}' give no instrument a share.`,
      ),
    );
    return;
  }
  u.split = makeSplit(weights, index.canonical);
  u.applied = {
    unit: u.name,
    method: "posts",
    description: describeRule({ method: "posts" }),
    participants: codes.filter((_, i) => weights[i] > 0),
    ...(rule !== undefined ? { source: rule.source } : {}),
  };
}

/** Each post's split times its first-year cost, added up (the splits alone when no post has a cost). */
function postsWeights(posts: readonly number[], lines: Lines, n: number): Float64Array {
  const acc = new Float64Array(n);
  let weighted = false;
  for (const k of posts) {
    const split = lines.own[k];
    if (split === undefined) continue;
    const c = lines.exact[k * lines.years];
    if (c > 0) weighted = true;
    for (const i of split.participants) acc[i] += (split.weights[i] / split.sum) * c;
  }
  if (!weighted) {
    for (const k of posts) {
      const split = lines.own[k];
      if (split === undefined) continue;
      for (const i of split.participants) acc[i] += split.weights[i] / split.sum;
    }
  }
  return acc;
}

/** A post's id, for messages. */
function postId(lines: Lines, k: number): string {
  return lines.postIds[k];
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
