import { InvalidArgumentError } from "./errors";

/** The amount after `years` years of escalation at `rate` compounded yearly: amount × (1 + rate)^years. */
export function escalate(amount: number, rate: number, years: number): number {
  if (!Number.isFinite(amount) || !Number.isFinite(rate) || !Number.isFinite(years)) {
    throw new InvalidArgumentError("Amount, rate and years must be finite numbers.");
  }
  if (rate <= -1) throw new InvalidArgumentError(`An escalation rate must be above -100%, got ${rate}.`);
  return years === 0 ? amount : amount * Math.pow(1 + rate, years);
}
