import { InvalidArgumentError } from "./errors";
import { largestRemainderInto, remainderScratch } from "./largestRemainderInto";
import { tieOrder } from "./tieOrder";

/**
 * Splits an integer total (in quanta) in proportion to non-negative weights by the largest
 * remainder (Hamilton) method: every share is the floor or the ceiling of its quota and the
 * shares add up exactly to the total. Leftover quanta go one each to the larger fractional
 * remainders; remainders equal within the tolerance of largestRemainderInto.ts tie, and ties go
 * to the larger weight, then the smaller tie key (instrument code), then the smaller index — so
 * reordering the instruments changes no share. A negative total is split as |total| and negated.
 */
export function largestRemainder(
  total: number,
  weights: ArrayLike<number>,
  tieKeys?: readonly string[],
): number[] {
  if (!Number.isSafeInteger(total)) {
    throw new InvalidArgumentError(`largestRemainder needs an integer total in quanta, got ${total}.`);
  }
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || w < 0) {
      throw new InvalidArgumentError(`Weight ${i + 1} is ${w}; weights must be finite and not negative.`);
    }
    sum += w;
  }
  if (!(sum > 0)) throw new InvalidArgumentError("At least one weight must be above zero.");
  // As a Float64Array, the only kind the engine's own splits pass: largestRemainderInto then
  // meets one kind of array and is compiled for that one alone.
  const w = Float64Array.from(weights);
  const order = tieOrder(w, tieKeys);
  const out = new Float64Array(w.length);
  largestRemainderInto(total, w, sum, order, out, 0, remainderScratch(order.length));
  return Array.from(out);
}
