import { InvalidArgumentError } from "./errors";

/** Programme support costs on a direct amount: amount × rate (13% by the UN General Assembly rule). */
export function programmeSupportCost(amount: number, rate = 0.13): number {
  if (!Number.isFinite(amount) || !Number.isFinite(rate)) {
    throw new InvalidArgumentError("Amount and rate must be finite numbers.");
  }
  if (rate < 0 || rate >= 1)
    throw new InvalidArgumentError(`A PSC rate must be from 0% to under 100%, got ${rate}.`);
  return amount * rate;
}
