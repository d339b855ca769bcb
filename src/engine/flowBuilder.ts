import type { FlowNetwork } from "./roundFlow";

/**
 * Builds a FlowNetwork arc by arc. An arc's exact flow is given as an integer part and a fraction
 * (exact = floor + fraction), so that sums of many arcs stay exact: the floors add up as integers,
 * the fractions as small numbers (see `sum`).
 */
export class FlowBuilder {
  nodeCount = 0;
  arcCount = 0;
  private tail: Int32Array;
  private head: Int32Array;
  private floors: Float64Array;
  private fractions: Float64Array;

  constructor(expectedArcs = 64) {
    const size = Math.max(16, expectedArcs);
    this.tail = new Int32Array(size);
    this.head = new Int32Array(size);
    this.floors = new Float64Array(size);
    this.fractions = new Float64Array(size);
  }

  /** A new node's number. */
  node(): number {
    return this.nodeCount++;
  }

  /** `count` new nodes; returns the first one's number. */
  nodes(count: number): number {
    const first = this.nodeCount;
    this.nodeCount += count;
    return first;
  }

  /** Adds an arc carrying an exact flow of floor + fraction (fraction in [0, 1)); returns its number. */
  arc(tail: number, head: number, floor: number, fraction: number): number {
    if (this.arcCount === this.tail.length) this.grow();
    const k = this.arcCount++;
    this.tail[k] = tail;
    this.head[k] = head;
    this.floors[k] = floor;
    this.fractions[k] = fraction;
    return k;
  }

  /** Adds an arc carrying the exact flow `value`. */
  arcOf(tail: number, head: number, value: number): number {
    const f = Math.floor(value);
    return this.arc(tail, head, f, value - f);
  }

  /** The arcs' floors and fractions as they stand (until the next arc is added). */
  exact(): { floor: Float64Array; fraction: Float64Array } {
    return { floor: this.floors, fraction: this.fractions };
  }

  /** The network built so far. */
  build(): FlowNetwork {
    return {
      nodeCount: this.nodeCount,
      arcCount: this.arcCount,
      tail: this.tail,
      head: this.head,
      floor: this.floors,
      fraction: this.fractions,
    };
  }

  private grow(): void {
    const size = this.tail.length * 2;
    const grown = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.tail = grown(this.tail, (n) => new Int32Array(n));
    this.head = grown(this.head, (n) => new Int32Array(n));
    this.floors = grown(this.floors, (n) => new Float64Array(n));
    this.fractions = grown(this.fractions, (n) => new Float64Array(n));
  }
}

/** An exact sum of terms given as floor + fraction: its floor and fraction. */
export function sum(floors: number, fractions: number): { floor: number; fraction: number } {
  const whole = Math.floor(fractions);
  return { floor: floors + whole, fraction: fractions - whole };
}
