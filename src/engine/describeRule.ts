import type { RuleSpec, SupportMethod } from "./model";
import { formatPercent } from "./formatPercent";

/** What describeRule needs to know besides the rule's method and basis. */
export interface DescribeOptions {
  /** Participating instrument codes, in Instruments order. */
  participants?: readonly string[];
  /** True when every instrument takes part (Participants empty or "all"). */
  everyone?: boolean;
  min?: number;
  max?: number;
  /** For a support unit: the method it is passed on by. */
  supportMethod?: SupportMethod;
}

function list(codes: readonly string[]): string {
  if (codes.length <= 1) return codes.join("");
  return `${codes.slice(0, -1).join(", ")} and ${codes[codes.length - 1]}`;
}

function driverPhrase(driver: string): string {
  return /^parties$/i.test(driver) ? "the number of Parties" : driver;
}

function boundsPhrase(min?: number, max?: number): string {
  const parts: string[] = [];
  if (min !== undefined && min > 0) parts.push(`with a floor of ${formatPercent(min)}`);
  if (max !== undefined && max < 1) parts.push(`capped at ${formatPercent(max)}`);
  return parts.length === 0 ? "" : `, ${parts.join(" and ")}`;
}

/**
 * Restates a unit's rule as one English sentence for the sheets and the annex, e.g. "Shared 50/50
 * between CMS and AEWA by agreement" or "In proportion to the number of Parties, capped at 50%".
 */
export function describeRule(spec: RuleSpec | { method: "support" }, options: DescribeOptions = {}): string {
  const { participants = [], everyone = false, min, max } = options;
  const bounds = boundsPhrase(min, max);
  switch (spec.method) {
    case "fixed": {
      const entries = Object.entries(spec.shares).filter(([, v]) => v > 0);
      if (entries.length === 2) {
        const [[a, x], [b, y]] = entries;
        return `Shared ${Number((x * 100).toFixed(2))}/${Number((y * 100).toFixed(2))} between ${a} and ${b} by agreement${bounds}`;
      }
      return `Shared by agreement: ${entries.map(([c, v]) => `${c} ${formatPercent(v)}`).join(", ")}${bounds}`;
    }
    case "equal":
      return `Shared equally among ${everyone ? "all instruments" : list(participants)}${bounds}`;
    case "driver":
      return `In proportion to ${driverPhrase(spec.driver)}${everyone ? "" : ` among ${list(participants)}`}${bounds}`;
    case "hybrid":
      return (
        spec.parts
          .map(
            (p) =>
              `${formatPercent(p.weight)} ${p.basis === "equal" ? "equally" : `in proportion to ${p.basis}`}`,
          )
          .join(", ") + bounds
      );
    case "posts":
      return "Each post's own agreed split";
    case "support":
      return `Support unit: passed on to the units it serves by the ${options.supportMethod ?? "reciprocal"} method`;
  }
}
