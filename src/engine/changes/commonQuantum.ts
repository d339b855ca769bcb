/**
 * The rounding unit in which figures of two runs can both be written as whole numbers: the finer
 * one, when the coarser is a whole multiple of it (1 and 0.01, 1000 and 1); undefined otherwise.
 */
export function commonQuantum(a: number, b: number): number | undefined {
  const fine = Math.min(a, b);
  const coarse = Math.max(a, b);
  return quantaPer(coarse, fine) === undefined ? undefined : fine;
}

/** How many quanta of `quantum` make one quantum of `rounding`, when that is a whole number. */
export function quantaPer(rounding: number, quantum: number): number | undefined {
  const k = Math.round(rounding / quantum);
  return k >= 1 && Math.abs(k * quantum - rounding) <= 1e-9 * rounding ? k : undefined;
}
