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
 * rather than from scratch; the whole rounding costs the sum of the cycles' lengths. Pushes made
 * before the walk, where cycles are easy to find (cancelBlockCycles.ts), are pushes like these:
 * the argument covers them, and the walk has only the arcs they left fractional to make integral.
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
export const EPS = 1e-7;

/**
 * Two moves closer than this are the same move: a tie, decided the same way every time. Exact
 * ties are common (equal weights, or a post and its unit sharing one split, give equal
 * fractions) and float noise, up to about 10^-8 for amounts of 10^7 quanta, must not decide them.
 */
export const TIE = 1e-6;

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
  const { nodeCount, arcCount, floor } = net;
  const out = new Float64Array(arcCount);
  // The fractional arcs are copied apart and numbered 0 .. m − 1, so that the walk's arrays are
  // small and close together: in a large table most arcs are integral before the walk (see
  // cancelBlockCycles.ts), and this halves the walk's time.
  const original = new Int32Array(arcCount);
  let m = 0;
  for (let k = 0; k < arcCount; k++) {
    const f = net.fraction[k];
    if (!(f >= 0 && f < 1))
      throw new InvalidArgumentError(`Arc ${k} has fraction ${f}; it must be in [0, 1).`);
    if (f <= EPS) out[k] = floor[k];
    else if (f >= 1 - EPS) out[k] = floor[k] + 1;
    else original[m++] = k;
  }
  const tail = new Int32Array(m);
  const head = new Int32Array(m);
  const frac = new Float64Array(m);
  const live = new Uint8Array(m).fill(1);
  const degree = new Int32Array(nodeCount + 1);
  for (let j = 0; j < m; j++) {
    const k = original[j];
    tail[j] = net.tail[k];
    head[j] = net.head[k];
    frac[j] = net.fraction[k];
    degree[tail[j] + 1]++;
    degree[head[j] + 1]++;
  }
  // Adjacency of the fractional arcs, in compressed rows: node v's arcs are adj[start[v] .. start[v + 1]).
  for (let v = 0; v < nodeCount; v++) degree[v + 1] += degree[v];
  const start = degree;
  const adj = new Int32Array(start[nodeCount]);
  const ptr = Int32Array.from(start.subarray(0, nodeCount));
  for (let j = 0; j < m; j++) {
    adj[ptr[tail[j]]++] = j;
    adj[ptr[head[j]]++] = j;
  }
  // ptr[v]: the arcs of v before it are no longer fractional.
  ptr.set(start.subarray(0, nodeCount));
  // The walk: stackNode[p] was reached by stackArc[p] (−1 for the first node), walked forward
  // (stackDir[p] = +1, from its tail) or backward (−1); pos[v] = v's place on the stack or −1.
  const stackNode = new Int32Array(nodeCount + 1);
  const stackArc = new Int32Array(nodeCount + 1);
  const stackDir = new Float64Array(nodeCount + 1);
  const pos = new Int32Array(nodeCount).fill(-1);

  for (let k0 = 0; k0 < m; k0++) {
    if (live[k0] === 0) continue;
    let top = 0;
    stackNode[0] = tail[k0];
    stackArc[0] = -1;
    pos[tail[k0]] = 0;
    while (top >= 0) {
      const v = stackNode[top];
      const arrived = stackArc[top];
      // The first fractional arc at v other than the one we came by.
      const end = start[v + 1];
      let p = ptr[v];
      while (p < end && live[adj[p]] === 0) p++;
      ptr[v] = p;
      let a = -1;
      for (; p < end; p++) {
        const b = adj[p];
        if (live[b] === 1 && b !== arrived) {
          a = b;
          break;
        }
      }
      if (a < 0) {
        // v balances with one fractional arc only: that arc is integral up to rounding noise.
        if (arrived >= 0) settle(arrived, frac, live);
        pos[v] = -1;
        top--;
        continue;
      }
      const forwardA = tail[a] === v;
      const w = forwardA ? head[a] : tail[a];
      const from = pos[w];
      if (from < 0) {
        top++;
        stackNode[top] = w;
        stackArc[top] = a;
        stackDir[top] = forwardA ? 1 : -1;
        pos[w] = top;
        continue;
      }
      // A cycle: stackNode[from] → … → stackNode[top] → (a) → stackNode[from]. Room on each
      // arc: walked forward it can take up to 1 − f more, or give up f; backward, the reverse.
      const fa = frac[a];
      let up = forwardA ? 1 - fa : fa;
      let down = forwardA ? fa : 1 - fa;
      for (let q = from + 1; q <= top; q++) {
        const f = frac[stackArc[q]];
        const more = stackDir[q] > 0 ? 1 - f : f;
        const less = stackDir[q] > 0 ? f : 1 - f;
        if (more < up) up = more;
        if (less < down) down = less;
      }
      // The smaller move: it disturbs the exact figures least. Moves equal but for float noise
      // count as equal, so that the same table computed in another order rounds the same way.
      const delta = up <= down + TIE ? up : -down;
      // The walk goes on from just before the first arc that became integral: the path up to
      // there is still a walk along fractional arcs.
      let resume = top;
      for (let q = from + 1; q <= top; q++) {
        const b = stackArc[q];
        let f = frac[b] + stackDir[q] * delta;
        if (f <= EPS) f = 0;
        else if (f >= 1 - EPS) f = 1;
        frac[b] = f;
        if (f === 0 || f === 1) {
          live[b] = 0;
          if (resume === top) resume = q - 1;
        }
      }
      {
        let f = fa + (forwardA ? delta : -delta);
        if (f <= EPS) f = 0;
        else if (f >= 1 - EPS) f = 1;
        frac[a] = f;
        if (f === 0 || f === 1) live[a] = 0;
      }
      for (let q = top; q > resume; q--) pos[stackNode[q]] = -1;
      top = resume;
    }
  }

  for (let j = 0; j < m; j++) out[original[j]] = floor[original[j]] + frac[j];
  checkBalance(net, out);
  return out;
}

/** Every node of the rounded flow must balance exactly: a figure that breaks a sum is never returned. */
export function checkBalance(net: FlowNetwork, flow: Float64Array): void {
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
