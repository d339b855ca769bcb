import type { Model } from "../engine/model";
import { ruleToDraft, type RuleDraft } from "./ruleDraft";

/**
 * One draft per common service unit, in the order units first appear in the Rules, Posts and
 * Budget sheets: the unit's rule when it has one, otherwise an empty draft that asks for a method.
 * Support units need no rule (they pass their costs on), so they are left out.
 */
export function initialDrafts(model: Model): RuleDraft[] {
  const support = new Set(model.support.map((s) => s.provider.toLowerCase()));
  const drafts: RuleDraft[] = model.rules.map(ruleToDraft);
  const seen = new Set(drafts.map((d) => d.unit.toLowerCase()));
  const units = [...model.posts.map((p) => p.unit), ...model.budget.map((b) => b.unit)];
  for (const unit of units) {
    const key = unit.toLowerCase();
    if (seen.has(key) || support.has(key)) continue;
    seen.add(key);
    // A unit whose posts all carry their own split needs no rule (DESIGN.md), so its draft may stay empty.
    const posts = model.posts.filter((p) => p.unit.toLowerCase() === key);
    const budget = model.budget.some((b) => b.unit.toLowerCase() === key);
    const optional = posts.length > 0 && !budget && posts.every((p) => p.split !== undefined);
    drafts.push({
      unit,
      method: "",
      basis: "",
      participants: [],
      min: "",
      max: "",
      ...(optional ? { optional } : {}),
    });
  }
  return drafts;
}
