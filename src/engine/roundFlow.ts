import { InvalidArgumentError, InvariantError } from "./errors";

/**
 * Controlled rounding as the rounding of a flow.
 *
 * Every table this engine publishes is a set of sums that must agree: the shares of a line add up
 * to the line's total; a unit's figures in a year add up over its lines; a year's over its units;
 * the period's over its years. Such nested sums are the arcs of a network, and the exact
 * (unrounded) figures are a flow in it: at every node what comes in goes out.
 *
 * Theorem (integrality of flows; Hoffman 1960, used for tables by Bacharach 1966 and Cox 1987):
 * if every arc's bounds are integers, and a feasible flow exists, then an integral feasible flow
 * exists. Give each arc the bounds ⌊x⌋ and ⌈x⌉ of its exact flow x: the exact flow is feasible,
 * so a flow exists in which every arc carries the floor or the ceiling of its exact value — every
 * figure within one rounding step, and every sum still exact, because conservation is kept.
 *
 * The proof is also the algorithm. Call an arc fractional while its flow is not an integer. At
 * any node, the flows in and out balance and the integral arcs add up to an integer, so the
 * fractional ones do too: a node with one fractional arc has at least two. Walking along
 * fractional arcs therefore never gets stuck and must close a cycle. Pushing δ around that cycle
 * (adding on arcs walked forward, taking off on arcs walked backward) keeps every node in
 * balance; taking δ as large as the bounds allow makes at least one arc integral, and no arc
 * leaves its bounds. Each push removes an arc for good, so after at most as many pushes as there
 * are fractional arcs, every arc is integral.
 *
 * The walk keeps its path on a stack, so after a push it resumes from where the cycle began
 * rather than from scratch; the whole rounding costs the sum of the cycles' lengths.
 *
 * The result depends on the order of the arcs (which cycle is found first) but never leaves the
 * bounds, so no figure can drift by more than one step whatever that order; callers that want a
 * result independent of the order of their input present the arcs in a canonical order.
 */

/**
 * Fractional parts within this distance of 0 or 1 count as integral. Amounts reach 10^13 quanta
 * (a hundred billion in cents), where a double resolves about 0.002; sums of fractional parts
 * are exact to about 10^-12 per term, so a tolerance well above that and well below any
 * published step is safe: snapping moves an arc by less than the tolerance, never past a bound.
 */
const EPS = 1e-7;

/**
 * Two moves closer than this are the same move: a tie, decided the same way every time. Exact
 * ties are common (equal weights, or a post and its unit sharing one split, give equal
 * fractions) and float noise, up to about 10^-8 for amounts of 10^7 quanta, must not decide them.
 */
const TIE = 1e-6;

/** A network whose arcs carry an exact flow, each split into an integer floor and a fraction. */
export interface FlowNetwork {
  /** Number of nodes; nodes are 0 .. nodeCount − 1. */
  nodeCount: number;
  /** Number of arcs; arc k goes from tail[k] to head[k]. */
  arcCount: number;
  tail: Int32Array;
  head: Int32Array;
  /** ⌊exact flow⌋ of each arc (an integer, possibly negative). */
  floor: Float64Array;
  /** exact flow − floor, in [0, 1). */
  fraction: Float64Array;
}

/**
 * Rounds the exact flow of a network to integers: every arc gets the floor or the ceiling of its
 * exact flow and every node stays in balance. The exact flow must balance at every node (a
 * circulation: give fixed totals an arc from a common root, with an integral flow).
 * Returns the rounded flow of each arc.
 */
export function roundFlow(net: FlowNetwork): Float64Array {
  const { nodeCount, arcCount, tail, head, floor } = net;
  const frac = Float64Array.from(net.fraction.subarray(0, arcCount));
  const live = new Uint8Array(arcCount);
  // Adjacency of the fractional arcs, in compressed rows: node v's arcs are adj[start[v] .. start[v + 1]).
  const degree = new Int32Array(nodeCount + 1);
  for (let k = 0; k < arcCount; k++) {
    const f = frac[k];
    if (!(f >= 0 && f < 1))
      throw new InvalidArgumentError(`Arc ${k} has fraction ${f}; it must be in [0, 1).`);
    if (f <= EPS) frac[k] = 0;
    else if (f >= 1 - EPS) frac[k] = 1;
    else {
      live[k] = 1;
      degree[tail[k] + 1]++;
      degree[head[k] + 1]++;
    }
  }
  for (let v = 0; v < nodeCount; v++) degree[v + 1] += degree[v];
  const start = degree;
  const adj = new Int32Array(start[nodeCount]);
  const fill = Int32Array.from(start.subarray(0, nodeCount));
  for (let k = 0; k < arcCount; k++) {
    if (live[k] === 0) continue;
    adj[fill[tail[k]]++] = k;
    adj[fill[head[k]]++] = k;
  }
  // ptr[v]: arcs of v before it are no longer fractional.
  const ptr = fill;
  ptr.set(start.subarray(0, nodeCount));

  // The walk: stackNode[p] was reached by stackArc[p] (−1 for the first node); pos[v] = p or −1.
  const stackNode = new Int32Array(nodeCount + 1);
  const stackArc = new Int32Array(nodeCount + 1);
  const pos = new Int32Array(nodeCount).fill(-1);
  let top = -1;

  /** The first fractional arc at v other than `except`, or −1. */
  const nextArc = (v: number, except: number): number => {
    const end = start[v + 1];
    let p = ptr[v];
    while (p < end && live[adj[p]] === 0) p++;
    ptr[v] = p;
    for (; p < end; p++) {
      const a = adj[p];
      if (live[a] === 1 && a !== except) return a;
    }
    return -1;
  };

  /**
   * Pushes around the cycle stackNode[from] → … → stackNode[top] → (closing arc) → stackNode[from]
   * and returns the stack position from which the walk goes on: the path up to the first arc
   * that became integral is still a walk along fractional arcs.
   */
  const pushCycle = (from: number, closing: number): number => {
    // Room on each arc: walked forward it can take up to 1 − f more, or give up f; backward, the reverse.
    let up = 1 - frac[closing];
    let down = frac[closing];
    if (tail[closing] !== stackNode[top]) {
      up = frac[closing];
      down = 1 - frac[closing];
    }
    for (let p = from + 1; p <= top; p++) {
      const a = stackArc[p];
      const f = frac[a];
      const forward = tail[a] === stackNode[p - 1];
      const more = forward ? 1 - f : f;
      const less = forward ? f : 1 - f;
      if (more < up) up = more;
      if (less < down) down = less;
    }
    // The smaller move: it disturbs the exact figures least. Moves equal but for float noise
    // count as equal, so that the same table computed in another order rounds the same way.
    const delta = up <= down + TIE ? up : -down;
    let resume = top;
    for (let p = from + 1; p <= top; p++) {
      const a = stackArc[p];
      if (move(a, tail[a] === stackNode[p - 1] ? delta : -delta) && resume === top) resume = p - 1;
    }
    move(closing, tail[closing] === stackNode[top] ? delta : -delta);
    return resume;
  };

  /** Adds d to arc a's flow; true when that makes it integral (it leaves the walk for good). */
  const move = (a: number, d: number): boolean => {
    let f = frac[a] + d;
    if (f <= EPS) f = 0;
    else if (f >= 1 - EPS) f = 1;
    frac[a] = f;
    if (f === 0 || f === 1) {
      live[a] = 0;
      return true;
    }
    return false;
  };

  for (let k0 = 0; k0 < arcCount; k0++) {
    if (live[k0] === 0) continue;
    top = 0;
    stackNode[0] = tail[k0];
    stackArc[0] = -1;
    pos[tail[k0]] = 0;
    while (top >= 0) {
      const v = stackNode[top];
      const arrived = stackArc[top];
      const a = nextArc(v, arrived);
      if (a < 0) {
        // v balances with one fractional arc only: that arc is integral up to rounding noise.
        if (arrived >= 0) settle(arrived, frac, live);
        pos[v] = -1;
        top--;
        continue;
      }
      const w = tail[a] === v ? head[a] : tail[a];
      if (pos[w] >= 0) {
        const resume = pushCycle(pos[w], a);
        for (let p = top; p > resume; p--) pos[stackNode[p]] = -1;
        top = resume;
      } else {
        top++;
        stackNode[top] = w;
        stackArc[top] = a;
        pos[w] = top;
      }
    }
  }

  const out = new Float64Array(arcCount);
  for (let k = 0; k < arcCount; k++) out[k] = floor[k] + frac[k];
  checkBalance(net, out);
  return out;
}

/** Every node of the rounded flow must balance exactly: a figure that breaks a sum is never returned. */
function checkBalance(net: FlowNetwork, flow: Float64Array): void {
  const balance = new Float64Array(net.nodeCount);
  for (let k = 0; k < net.arcCount; k++) {
    balance[net.tail[k]] -= flow[k];
    balance[net.head[k]] += flow[k];
  }
  for (let v = 0; v < net.nodeCount; v++) {
    if (balance[v] !== 0) {
      throw new InvariantError(`The rounded flow does not balance at node ${v} (off by ${balance[v]}).`);
    }
  }
}

/** Rounds an arc left alone at a node to the integer it must be, or fails if it is not near one. */
function settle(a: number, frac: Float64Array, live: Uint8Array): void {
  const f = frac[a];
  const r = Math.round(f);
  // Rounding noise stays far below this; a larger gap means the exact flow did not balance.
  if (Math.abs(f - r) > 0.25) {
    throw new InvariantError(`The flow does not balance: an arc is left with fraction ${f} at a node.`);
  }
  frac[a] = r;
  live[a] = 0;
}
