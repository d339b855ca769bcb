import type { Model, Rule } from "../engine/model";
import { commonOptions, inCommonOptions } from "../workbook/commonOptions";
import { ambiguousOne, parsePercent } from "./parsePercent";
import type { ParsedBasis } from "./pipeline";
import { isEmptyOptional, type RuleDraft } from "./ruleDraft";

/** A mistake in one edited rule, shown next to the field. */
export interface DraftProblem {
  /** Index of the draft in the list. */
  index: number;
  field: "method" | "basis" | "min" | "max" | "unit";
  message: string;
}

/** The model with the edited rules, or the mistakes that stop the preview. */
export interface AppliedDrafts {
  model?: Model;
  problems: DraftProblem[];
}

/**
 * Replaces the model's rules with the officer's drafts (in memory only: the workbook is left
 * alone until they save), parsing each basis with the engine's own parser so the preview and a
 * later run from the sheet agree.
 */
export function applyRuleDrafts(
  model: Model,
  drafts: readonly RuleDraft[],
  parseBasis: (method: string, basis: string) => ParsedBasis,
  rulesSheet: string,
): AppliedDrafts {
  const problems: DraftProblem[] = [];
  const rules: Rule[] = [];
  const seen = new Map<string, (string[] | undefined)[]>();
  drafts.forEach((d, index) => {
    if (isEmptyOptional(d)) return;
    const unit = d.unit.trim();
    if (unit === "") {
      problems.push({ index, field: "unit", message: "Name the unit this rule applies to." });
      return;
    }
    // A unit may have one rule per option: two rules clash only where they hold in the same option.
    const earlier = seen.get(unit.toLowerCase()) ?? [];
    const clash = earlier.map((e) => commonOptions(e, d.scenarios)).find((c) => c.length > 0);
    if (clash !== undefined) {
      problems.push({
        index,
        field: "unit",
        message: `${unit} already has a rule above${inCommonOptions(clash)}; keep one rule per unit.`,
      });
      return;
    }
    seen.set(unit.toLowerCase(), [...earlier, d.scenarios]);
    if (d.method === "") {
      problems.push({ index, field: "method", message: "Choose a method." });
      return;
    }
    const parsed = parseBasis(d.method, d.basis);
    if (!parsed.ok) {
      problems.push({ index, field: "basis", message: besideTheField(parsed.message) });
      return;
    }
    const min = parsePercent(d.min);
    const max = parsePercent(d.max);
    for (const field of ["min", "max"] as const) {
      if (ambiguousOne(d[field])) {
        problems.push({ index, field, message: "Type 1% or 100%: a plain 1 could be either." });
      }
    }
    if (min !== undefined && !ambiguousOne(d.min) && !(min >= 0 && min <= 1)) {
      problems.push({ index, field: "min", message: "The floor must be a percentage between 0% and 100%." });
    }
    if (max !== undefined && !ambiguousOne(d.max) && !(max > 0 && max <= 1)) {
      problems.push({
        index,
        field: "max",
        message: "The ceiling must be a percentage above 0% and at most 100%.",
      });
    }
    if (min !== undefined && max !== undefined && min > max) {
      problems.push({ index, field: "max", message: "The ceiling must not be below the floor." });
    }
    rules.push({
      unit,
      spec: parsed.spec,
      participants: d.participants.filter((p) => p.trim() !== ""),
      ...(min !== undefined && !Number.isNaN(min) ? { min } : {}),
      ...(max !== undefined && !Number.isNaN(max) ? { max } : {}),
      ...(d.scenarios !== undefined ? { scenarios: [...d.scenarios] } : {}),
      source: { sheet: rulesSheet, row: d.row ?? 0 },
    });
  });
  return problems.length > 0 ? { problems } : { model: { ...model, rules }, problems };
}

/**
 * A Basis problem as said under the pane's own field for it ("Agreed shares", "Mix"): the
 * engine's words name the sheet's Basis column, which the pane does not show.
 */
function besideTheField(message: string): string {
  return message.replace(", in Basis,", "").replace(/ in Basis(?=[,:. ])/g, "");
}
