import { cellError } from "./cellError";

/**
 * Reads one scalar argument as a number. Excel hands over numbers for `number` parameters, but a
 * text cell ("25%", "1000") or a blank reaches us when a function is called from code or through
 * a range, so both are read the way a budget officer would read them.
 */
export function toNumber(value: unknown, what: string): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw cellError("invalidValue", `${what} must be a finite number.`);
  }
  if (value === null || value === undefined || value === "")
    throw cellError("notAvailable", `${what} is missing.`);
  if (typeof value === "string") {
    const parsed = parseNumberText(value);
    if (parsed !== undefined) return parsed;
    throw cellError("invalidValue", `${what} must be a number, not the text "${value}".`);
  }
  if (typeof value === "boolean") {
    throw cellError("invalidValue", `${what} must be a number, not ${value ? "TRUE" : "FALSE"}.`);
  }
  throw cellError("invalidValue", `${what} must be a number.`);
}

/** A number typed as text: "1000", " 12.5 ", "25%" (= 0.25). Undefined when it is not one. */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  const percent = t.endsWith("%");
  const body = percent ? t.slice(0, -1).trim() : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return undefined;
  const n = Number(body);
  return percent ? n / 100 : n;
}
