/**
 * Where the memoised shares of each total start, by total, in an open-addressing table of typed
 * arrays. A split looks up every line's total every year (30,000 times for 10,000 posts); a
 * Map<number, number> costs a call into the runtime and a hash of a boxed number each time, this
 * a multiplication and a comparison or two.
 */
export class TotalMemo {
  /** Totals in their slots; NaN marks an empty slot (no total is NaN). */
  private keys = new Float64Array(16).fill(Number.NaN);
  private starts = new Int32Array(16);
  /** log2 of the number of slots. */
  private bits = 4;
  /** How many totals are memoised. */
  size = 0;

  /** Where the shares of `total` start, or -1 when it is not memoised. */
  get(total: number): number {
    const mask = this.keys.length - 1;
    for (let s = this.slot(total); ; s = (s + 1) & mask) {
      const key = this.keys[s];
      if (key === total) return this.starts[s];
      if (key !== key) return -1;
    }
  }

  /** Memoises a total that is not yet memoised, its shares starting at `start`. */
  set(total: number, start: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    this.place(total, start);
    this.size++;
  }

  /** Fibonacci hashing of the total's low 32 bits: the top `bits` bits of its product. */
  private slot(total: number): number {
    return Math.imul(total | 0, 0x9e3779b1) >>> (32 - this.bits);
  }

  private place(total: number, start: number): void {
    const mask = this.keys.length - 1;
    let s = this.slot(total);
    while (this.keys[s] === this.keys[s]) s = (s + 1) & mask;
    this.keys[s] = total;
    this.starts[s] = start;
  }

  /** Doubles the table, so that it stays at most half full and probes stay short. */
  private grow(): void {
    const keys = this.keys;
    const starts = this.starts;
    this.bits++;
    this.keys = new Float64Array(2 * keys.length).fill(Number.NaN);
    this.starts = new Int32Array(2 * keys.length);
    for (let s = 0; s < keys.length; s++) if (keys[s] === keys[s]) this.place(keys[s], starts[s]);
  }
}
