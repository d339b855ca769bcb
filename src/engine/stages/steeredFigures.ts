import type { Headline } from "../headline";
import type { FlowNetwork } from "../roundFlow";
import { type ArcTargets, steerFlow } from "../steerFlow";

/** Exact figures this close (in quanta) are the same figure, computed in another order. */
const SAME = 1e-6;

/**
 * A published figure as an arc of roundShares' network, with its exact value. Figures of one
 * `group` are steered together or not at all (an instrument's direct share, PSC and total for the
 * period); groups are steered in the order of `rank`: the figures a Committee reads first, first.
 */
export interface SteeredFigure {
  key: string;
  group: string;
  rank: number;
  arc: number;
  floor: number;
  fraction: number;
}

/** A figure carried by `arc`, with its exact value; on its own unless given a group. */
export function steeredFigure(
  key: string,
  rank: number,
  arc: number,
  exact: { floor: number; fraction: number },
  group = key,
): SteeredFigure {
  return { key, group, rank, arc, floor: exact.floor, fraction: exact.fraction };
}

/** The order in which figures are steered: an instrument's period figures first, then the grand totals, … */
export const RANK = { period: 0, grand: 1, year: 2, share: 3, unit: 4, passed: 5, support: 6 } as const;

// Each earlier headline's keys, looked up by key; built once per headline.
const placesOf = new WeakMap<Headline, Map<string, number>>();

function places(h: Headline): Map<string, number> {
  let m = placesOf.get(h);
  if (m === undefined) {
    m = new Map(h.keys.map((k, j) => [k, j]));
    placesOf.set(h, m);
  }
  return m;
}

/**
 * The figures whose exact values are those of the same figures in an earlier computation, with
 * the values they got there, by group: for each group, the earlier computation that shares most
 * of its figures (the first on a tie) gives the targets. An instrument an edit leaves alone
 * matches in all three of its period figures; one whose PSC rate changed, in its direct share
 * only. Every such figure is listed, even one already at its value: steering the others must not
 * move it. Groups come as `figures` lists them.
 */
export function sameAs(figures: readonly SteeredFigure[], earlier: readonly Headline[]): SteerGroup[] {
  if (earlier.length === 0) return [];
  const at = earlier.map(places);
  // Only groups with a figure some earlier computation has can match (the options before this
  // one keep only their period and grand figures: a few dozen of some thousands of groups).
  const known = new Set<string>();
  for (const f of figures) if (at.some((m) => m.has(f.key))) known.add(f.group);
  const groups = new Map<string, SteeredFigure[]>();
  for (const f of figures) {
    if (!known.has(f.group)) continue;
    const g = groups.get(f.group);
    if (g === undefined) groups.set(f.group, [f]);
    else g.push(f);
  }
  const out: SteerGroup[] = [];
  for (const [group, members] of groups) {
    let best: { arc: number; value: number }[] = [];
    for (const [k, e] of earlier.entries()) {
      const matched = members.flatMap((f) => {
        const j = at[k].get(f.key);
        if (j === undefined) return [];
        const same = Math.abs(f.floor - e.floor[j] + (f.fraction - e.fraction[j])) <= SAME;
        return same ? [{ arc: f.arc, value: e.rounded[j] }] : [];
      });
      if (matched.length > best.length) best = matched;
    }
    if (best.length > 0) out.push({ group, rank: members[0].rank, targets: best });
  }
  return out;
}

/** Figures to steer together, to the values they should carry, and their rank. */
export interface SteerGroup {
  group: string;
  rank: number;
  targets: ArcTargets;
}

/**
 * Steers a rounded flow's figures to their targets (steerFlow), rank by rank: the groups of a rank
 * may move the figures of later ranks, never those of an earlier rank that reached their targets.
 * (Holding every figure already at its target from the start kept fewer instruments' period
 * figures: 11 of 4,138 apart in optionsSteering.property.test.ts, against 2 rank by rank.)
 */
export function steerByRank(net: FlowNetwork, flow: Float64Array, groups: readonly SteerGroup[]): void {
  const ranks = [...new Set(groups.map((g) => g.rank))].sort((a, b) => a - b);
  steerFlow(
    net,
    flow,
    ranks.map((rank) => groups.filter((g) => g.rank === rank).map((g) => g.targets)),
  );
}

/** The figures as a headline, with their rounded values read off the flow. */
export function headlineOf(figures: readonly SteeredFigure[], flow: Float64Array): Headline {
  return {
    keys: figures.map((f) => f.key),
    floor: Float64Array.from(figures, (f) => f.floor),
    fraction: Float64Array.from(figures, (f) => f.fraction),
    rounded: Float64Array.from(figures, (f) => flow[f.arc]),
  };
}
