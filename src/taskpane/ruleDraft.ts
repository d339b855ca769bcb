import type { Method, Rule, RuleSpec } from "../engine/model";

/** The five methods an officer can pick, in the order the Rules step lists them. */
export const METHODS: readonly Method[] = ["fixed", "equal", "driver", "hybrid", "posts"];

/**
 * One row of the Rules step as the officer edits it: text as in the Rules sheet, so that what is
 * previewed is exactly what gets written back and read again.
 */
export interface RuleDraft {
  /** The unit (common service) the rule applies to. */
  unit: string;
  /** The method; "" while none is chosen. */
  method: Method | "";
  /** Basis text: "CMS 50%; AEWA 50%", a driver column, "40% equal + 60% Parties", or "". */
  basis: string;
  /** Instrument codes, instrument types or "all"; empty means all instruments. */
  participants: string[];
  /** Floor on each share as typed ("2%", "0.02"), "" for none. */
  min: string;
  /** Ceiling on each share as typed ("20%"), "" for none. */
  max: string;
  /** Worksheet row of the Rules sheet the rule came from; undefined for a new rule. */
  row?: number;
  /** True when every post of the unit carries its own split, so the unit needs no rule. */
  optional?: boolean;
  /**
   * The options (scenarios) the rule holds in, as its Scenario cell names them; absent = every
   * option. Kept as read: the pane edits the rule, not the options it holds in.
   */
  scenarios?: string[];
}

/** The rule's name in the pane: its unit, and the options it holds in when not all ("Communication (Pilot; Joint)"). */
export function ruleName(d: RuleDraft): string {
  return d.scenarios === undefined ? d.unit : `${d.unit} (${d.scenarios.join("; ")})`;
}

/** True when a draft stands for no rule at all (a unit of own-split posts left without one). */
export function isEmptyOptional(d: RuleDraft): boolean {
  return d.optional === true && d.method === "" && d.row === undefined;
}

/** Restates a parsed rule's basis the way the Rules sheet writes it. */
export function formatBasis(spec: RuleSpec): string {
  switch (spec.method) {
    case "fixed":
      return Object.entries(spec.shares)
        .map(([code, f]) => `${code} ${percentText(f)}`)
        .join("; ");
    case "driver":
      return spec.driver;
    case "hybrid":
      return spec.parts.map((p) => `${percentText(p.weight)} ${p.basis}`).join(" + ");
    case "equal":
    case "posts":
      return "";
  }
}

/** Turns a rule read from the workbook into an editable draft. */
export function ruleToDraft(rule: Rule): RuleDraft {
  return {
    unit: rule.unit,
    method: rule.spec.method,
    basis: formatBasis(rule.spec),
    participants: [...rule.participants],
    min: rule.min === undefined ? "" : percentText(rule.min),
    max: rule.max === undefined ? "" : percentText(rule.max),
    row: rule.source.row,
    ...(rule.scenarios !== undefined ? { scenarios: [...rule.scenarios] } : {}),
  };
}

/** A fraction as the percentage text an officer would type (0.125 → "12.5%"). */
export function percentText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(6))}%`;
}
