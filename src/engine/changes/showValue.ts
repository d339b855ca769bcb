import { formatPercent } from "../formatPercent";
import type { RuleSpec } from "../model";

/** A value of the model as the officer typed it, for a list of changes: numbers plain, fractions as percentages. */
export function showValue(value: unknown, percent = false): string {
  if (value === undefined || value === null) return "(blank)";
  if (typeof value === "number")
    return percent ? formatPercent(value) : String(Number(value.toPrecision(15)));
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => showValue(v, percent)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k} ${showValue(v, percent)}`)
      .join(", ");
  }
  return typeof value === "boolean" ? String(value) : "(a value)";
}

/** A rule's method and basis as the Rules sheet states them ("driver: Parties", "fixed: CMS 50%, AEWA 50%"). */
export function showSpec(spec: RuleSpec): string {
  switch (spec.method) {
    case "fixed":
      return `fixed: ${showValue(spec.shares, true)}`;
    case "driver":
      return `driver: ${spec.driver}`;
    case "hybrid":
      return `hybrid: ${spec.parts.map((p) => `${formatPercent(p.weight)} ${p.basis}`).join(" + ")}`;
    default:
      return spec.method;
  }
}
