import { InvalidArgumentError } from "./errors";
import { largestRemainder } from "./largestRemainder";
import { fromQuanta, toQuanta } from "./money";

/**
 * Splits a currency amount in proportion to weights: the amount is rounded to `rounding` and its
 * rounded shares add up to it exactly (largest remainder). Bad arguments throw an
 * InvalidArgumentError whose message a budget officer can act on (a custom function shows it).
 */
export function splitAmount(amount: number, weights: number[], rounding = 1): number[] {
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw new InvalidArgumentError("The amount to split must be a number.");
  }
  if (typeof rounding !== "number" || !Number.isFinite(rounding) || rounding <= 0) {
    throw new InvalidArgumentError(
      "The rounding must be a positive number, e.g. 1 for whole units or 0.01 for cents.",
    );
  }
  if (weights.length === 0) throw new InvalidArgumentError("Give at least one share or weight to split by.");
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w)) {
      throw new InvalidArgumentError(`Share ${i + 1} is not a number.`);
    }
    if (w < 0) throw new InvalidArgumentError(`Share ${i + 1} is negative; shares cannot be below zero.`);
  }
  if (!weights.some((w) => w > 0)) {
    throw new InvalidArgumentError("All shares are zero; at least one must be above zero.");
  }
  const total = toQuanta(amount, rounding);
  return largestRemainder(total, weights).map((q) => fromQuanta(q, rounding));
}
