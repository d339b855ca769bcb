import { formatPercent } from "./formatPercent";
import { makeSplit, type Split } from "./makeSplit";
import type { Post } from "./model";
import { problemAt, type Problem } from "./problem";
import type { InstrumentIndex } from "./stages/indexInstruments";
import { notAnInstrument } from "./unknownInstrument";

/** Tolerance on "adds up to 100%": a hundredth of a percent. */
const SUM_TOLERANCE = 1e-4;

/** True when a post gives any non-zero share of its own. */
export function hasSplit(post: Post): boolean {
  if (post.split === undefined) return false;
  for (const c in post.split) if (post.split[c] !== 0) return true;
  return false;
}

/** An own split with the sentence that describes it ("Own split: CMS 85%, ASCOBANS 15%"). */
export interface OwnSplit {
  split: Split;
  text: string;
}

/**
 * Valid own splits met so far, looked up entry by entry (code, then share, then the next code…)
 * rather than by a text key: building a key turns every share into text, post after post.
 */
export interface OwnSplitCache {
  next: Map<string, Map<unknown, OwnSplitCache>>;
  found?: OwnSplit;
}

/** An empty cache of own splits. */
export function ownSplitCache(): OwnSplitCache {
  return { next: new Map() };
}

/**
 * ownSplit, shared between posts with the same split: most shared posts repeat a handful of
 * agreed splits (75/25, 15/85, 3/97), so each is validated, weighted and described once.
 */
export function cachedSplit(
  post: Post,
  index: InstrumentIndex,
  problems: Problem[],
  cache: OwnSplitCache,
): OwnSplit | undefined {
  const given = post.split;
  if (given === undefined) return undefined;
  let node: OwnSplitCache | undefined = cache;
  for (const c in given) {
    node = node.next.get(c)?.get(given[c]);
    if (node === undefined) break;
  }
  if (node?.found !== undefined) return node.found;
  const fresh = ownSplit(post, index, problems);
  // Only a valid split is shared: a bad one must be reported on every post that has it.
  if (fresh !== undefined) {
    let at = cache;
    for (const c in given) {
      let byShare = at.next.get(c);
      if (byShare === undefined) {
        byShare = new Map();
        at.next.set(c, byShare);
      }
      let child = byShare.get(given[c]);
      if (child === undefined) {
        child = { next: new Map() };
        byShare.set(given[c], child);
      }
      at = child;
    }
    at.found = fresh;
  }
  return fresh;
}

/** A post's own split as a weight vector with its sentence, or undefined; problems name the split cells. */
function ownSplit(post: Post, index: InstrumentIndex, problems: Problem[]): OwnSplit | undefined {
  const { codes } = index;
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
    const i = index.at(code);
    if (i === undefined) {
      problems.push(
        problemAt(
          post.source,
          code,
          `Post '${post.id}' gives a share to ${notAnInstrument(code, index.codes)}`,
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
        `The split of post '${post.id}' adds up to ${formatPercent(sum)}; it must add up to 100%.`,
      ),
    );
    return undefined;
  }
  const text = `Own split: ${codes
    .map((c, i) => (weights[i] > 0 ? `${c} ${formatPercent(weights[i] / sum)}` : ""))
    .filter((s) => s !== "")
    .join(", ")}`;
  return { split: makeSplit(weights, index.canonical), text };
}
