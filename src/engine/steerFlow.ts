import { checkBalance, EPS, type FlowNetwork } from "./roundFlow";

/** Arcs that should carry given values, moved together or not at all (e.g. an instrument's direct share, PSC and total). */
export type ArcTargets = readonly { arc: number; value: number }[];

/**
 * Groups to steer, in tiers: the groups of a tier may move the arcs of later tiers, never those
 * of an earlier tier's groups that reached their values.
 */
export type SteerTiers = readonly (readonly ArcTargets[])[];

/**
 * Moves a rounded flow, where it can, so that chosen arcs carry chosen values — each value the
 * floor or the ceiling of the arc's exact flow — without moving any arc out of its bounds.
 *
 * Why: two options of a comparison are rounded as two networks. An instrument whose exact
 * figures are the same in both (an option that changes nothing of what it pays) can still come
 * out a step apart in each, because which of two equally good roundings a figure gets depends on
 * the cycles through the rest of the network. Steering its figures to those of the earlier option
 * keeps an unchanged instrument unchanged, to the unit, where the rounding allows it.
 *
 * How: in a rounded flow every arc whose exact flow is fractional carries its floor or its ceiling,
 * so it can move by one step the other way and no further. Changing one arc by a step keeps every
 * node in balance only along a cycle of such moves: from the arc's head back to its tail, over arcs
 * that can go up (walked forward) or down (walked backward). A short such cycle (the shortest, or
 * a step longer) is found by a breadth-first search from both ends; moving every arc on it by a
 * step keeps every node in balance and every arc at its floor or ceiling, so every bound and every
 * sum that held still holds (roundFlow.ts). Arcs already at their wanted value are locked, so that
 * steering one group never undoes another. A group whose arcs cannot all be moved is put back as
 * it was: it keeps its rounding, which is as good as any.
 *
 * `net` is the network as it was rounded, each arc's flow as floor + fraction (an arc with
 * fraction 0 is fixed), and `flow` its rounding (roundFlow). Tier by tier, groups are tried in
 * order; one that cannot move is tried again once others of its tier have moved, while any does.
 * Returns how many groups were moved; the flow is changed in place.
 */
export function steerFlow(net: FlowNetwork, flow: Float64Array, tiers: SteerTiers): number {
  const { nodeCount, arcCount, tail, head, floor, fraction } = net;
  const met = (group: ArcTargets): boolean => group.every(({ arc, value }) => flow[arc] === value);
  if (tiers.every((groups) => groups.every(met))) return 0;
  const free = (a: number): boolean => fraction[a] > EPS && fraction[a] < 1 - EPS;
  // Only arcs that can move matter: adjacency of the free arcs, in compressed rows.
  const start = new Int32Array(nodeCount + 1);
  for (let a = 0; a < arcCount; a++) {
    if (!free(a)) continue;
    start[tail[a] + 1]++;
    start[head[a] + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) start[v + 1] += start[v];
  const adj = new Int32Array(start[nodeCount]);
  const fill = Int32Array.from(start.subarray(0, nodeCount));
  for (let a = 0; a < arcCount; a++) {
    if (!free(a)) continue;
    adj[fill[tail[a]]++] = a;
    adj[fill[head[a]]++] = a;
  }
  const locked = new Uint8Array(arcCount);
  // The search runs from both ends at once (a cycle through a busy node, a year's or an
  // instrument's, searched from one end visited about 2,400 nodes a search on the options
  // benchmark, and the search was 17.6% of its profile; from both ends, 4.4%): `toward[v]` is the
  // arc v was reached by from `from`, or the arc that leads on from v to `to`.
  const toward = new Int32Array(nodeCount);
  const seenFrom = new Int32Array(nodeCount); // the search that last reached each node (0: none)
  const seenTo = new Int32Array(nodeCount);
  const queueFrom = new Int32Array(nodeCount);
  const queueTo = new Int32Array(nodeCount);
  let search = 0;

  /** Moves arc `e` one step toward `up`, with a cycle of moves back to it; false if there is none. */
  const move = (e: number, up: boolean, moved: number[]): boolean => {
    // Walking e forward (up) goes from its tail to its head: the cycle comes back from the head.
    const from = up ? head[e] : tail[e];
    const to = up ? tail[e] : head[e];
    search++;
    let [fHead, fTail, tHead, tTail] = [0, 1, 0, 1];
    queueFrom[0] = from;
    seenFrom[from] = search;
    queueTo[0] = to;
    seenTo[to] = search;
    // Where the searches meet, and the arc that reached it from `from` (−1: it is `from`).
    let meet = -1;
    let meetBack = -1;
    // One level at a time, from the end whose next level is smaller.
    while (meet < 0 && fHead < fTail && tHead < tTail) {
      const forward = fTail - fHead <= tTail - tHead;
      const end = forward ? fTail : tTail;
      for (let q = forward ? fHead : tHead; q < end && meet < 0; q++) {
        const v = forward ? queueFrom[q] : queueTo[q];
        for (let p = start[v]; p < start[v + 1]; p++) {
          const a = adj[p];
          if (a === e || locked[a] === 1) continue;
          const atFloor = flow[a] === floor[a];
          if (forward) {
            // On from the tail of an arc that can go up, from the head of one that can go down.
            const w = tail[a] === v ? (atFloor ? head[a] : -1) : atFloor ? -1 : tail[a];
            if (w < 0 || seenFrom[w] === search) continue;
            if (seenTo[w] === search) {
              meet = w;
              meetBack = a;
              break;
            }
            seenFrom[w] = search;
            toward[w] = a;
            queueFrom[fTail++] = w;
          } else {
            // Back to the tail of an arc that can go up, to the head of one that can go down.
            const w = head[a] === v ? (atFloor ? tail[a] : -1) : atFloor ? -1 : head[a];
            if (w < 0 || seenTo[w] === search) continue;
            if (seenFrom[w] === search) {
              meet = w;
              meetBack = w === from ? -1 : toward[w];
              toward[w] = a;
              break;
            }
            seenTo[w] = search;
            toward[w] = a;
            queueTo[tTail++] = w;
          }
        }
      }
      if (forward) fHead = end;
      else tHead = end;
    }
    if (meet < 0) return false;
    // Each arc on the way moves a step the way it can: up from its floor, down from its ceiling.
    const path: number[] = [];
    for (let a = meetBack; a >= 0;) {
      path.push(a);
      const v = flow[a] === floor[a] ? tail[a] : head[a];
      a = v === from ? -1 : toward[v];
    }
    for (let v = meet; v !== to;) {
      const a = toward[v];
      path.push(a);
      v = flow[a] === floor[a] ? head[a] : tail[a];
    }
    for (const a of path) {
      flow[a] += flow[a] === floor[a] ? 1 : -1;
      moved.push(a);
    }
    flow[e] += up ? 1 : -1;
    moved.push(e);
    return true;
  };

  // Only a value the arc may carry: its floor or its ceiling.
  const allowed = ({ arc, value }: { arc: number; value: number }): boolean =>
    flow[arc] === value || (free(arc) && (value === floor[arc] || value === floor[arc] + 1));
  /** Moves a group's arcs to their values, or puts everything back and frees its arcs. */
  const steer = (group: ArcTargets): boolean => {
    const moved: number[] = [];
    let ok = true;
    for (let pass = 0; ok && pass < group.length; pass++) {
      const wrong = group.find(({ arc, value }) => flow[arc] !== value);
      if (wrong === undefined) break;
      for (const { arc, value } of group) if (flow[arc] === value) locked[arc] = 1;
      // An arc another group holds where it is (groups that disagree) does not move.
      ok = locked[wrong.arc] === 0 && move(wrong.arc, wrong.value > flow[wrong.arc], moved);
    }
    if (ok && met(group)) {
      for (const { arc } of group) locked[arc] = 1;
      return true;
    }
    // Put the group back (each arc moved a step at a time, so a step back undoes each), and
    // free its arcs: a group given up holds nothing where it is.
    for (let j = moved.length - 1; j >= 0; j--) {
      const a = moved[j];
      flow[a] += flow[a] === floor[a] ? 1 : -1;
    }
    for (const { arc } of group) locked[arc] = 0;
    return false;
  };

  let steered = 0;
  const held: ArcTargets[] = [];
  for (const groups of tiers) {
    // Arcs already at their values are held: those of this tier, and those of earlier tiers' groups that got theirs.
    locked.fill(0);
    for (const group of [...held, ...groups])
      for (const { arc, value } of group) if (flow[arc] === value) locked[arc] = 1;
    let left = groups.filter((g) => !met(g) && g.every(allowed));
    // A group that could not move may once others have: try again while any moves.
    for (let progress = true; progress && left.length > 0;) {
      const before = left.length;
      left = left.filter((g) => !met(g) && !steer(g));
      steered += before - left.length;
      progress = left.length < before;
    }
    for (const group of groups) if (met(group)) held.push(group);
  }
  if (steered > 0) checkBalance(net, flow);
  return steered;
}
