import type { BaselineItem, Grade } from "../model";
import { notAnInstrument } from "../unknownInstrument";
import type { Prepared } from "./prepareAllocation";
import { problemAt, type Problem } from "../problem";
import { missingYearsText } from "./missingYearsText";
import type { InstrumentTotal, SavingsResult } from "../result";
import { roundHalfAway } from "../roundHalfAway";

/** Savings of each instrument named in the baseline: stand-alone cost against its shared cost, by category. */
export function computeSavings(
  baseline: readonly BaselineItem[],
  totals: readonly InstrumentTotal[],
  { index, grades, categories, cost }: Pick<Prepared, "index" | "grades" | "categories" | "cost">,
  problems: Problem[],
): SavingsResult[] {
  const { codes } = index;
  const base = new Map<number, { byCategory: Record<string, number>; fte?: number }>();
  for (const item of baseline) {
    const i = index.at(item.instrument);
    const label = item.item ?? item.category;
    if (i === undefined) {
      problems.push(
        problemAt(
          item.source,
          "Instrument",
          `Baseline line '${label}' names instrument ${notAnInstrument(item.instrument, codes)}`,
        ),
      );
      continue;
    }
    let grade: Grade | undefined;
    if (item.grade !== undefined && item.grade.trim() !== "") {
      grade = grades.of(item.grade);
      // Only a grade that must cost the line has to be in the Grades sheet; beside a Cost it is a label.
      // (A line with a cost for some years only and an unknown grade is reported below as having no cost.)
      if (grade === undefined && item.cost === undefined && item.costByYear === undefined) {
        problems.push(
          problemAt(
            item.source,
            "Grade",
            `Grade '${item.grade}' of baseline line '${label}' is not in the Grades sheet.`,
          ),
        );
        continue;
      }
    }
    if (item.fte !== undefined && (!Number.isFinite(item.fte) || item.fte < 0)) {
      problems.push(problemAt(item.source, "FTE", `The FTE of baseline line '${label}' must be 0 or more.`));
      continue;
    }
    if (item.cost === undefined && item.costByYear === undefined && grade === undefined) {
      problems.push(
        problemAt(
          item.source,
          "Cost",
          `Baseline line '${label}' has neither a Cost nor a Grade; give one of them.`,
        ),
      );
      continue;
    }
    if (item.cost !== undefined && !Number.isFinite(item.cost)) {
      problems.push(problemAt(item.source, "Cost", `The cost of baseline line '${label}' is not a number.`));
      continue;
    }
    const perYear = cost.perYear(item.cost, item.costByYear, grade, item.fte ?? 1);
    if (perYear === undefined) {
      const missing = cost.missingYears(item.cost, item.costByYear, grade);
      problems.push(
        problemAt(
          item.source,
          String(missing[0]),
          `Baseline line '${label}' has ${missingYearsText(missing, cost.years, "cost", "Cost", " or a Grade")}.`,
        ),
      );
      continue;
    }
    const entry = base.get(i) ?? { byCategory: {} };
    base.set(i, entry);
    const cat = categories.name(item.category);
    entry.byCategory[cat] = (entry.byCategory[cat] ?? 0) + perYear.reduce((a, b) => a + b, 0);
    if (item.fte !== undefined) entry.fte = (entry.fte ?? 0) + item.fte;
  }
  const out: SavingsResult[] = [];
  codes.forEach((code, i) => {
    const entry = base.get(i);
    if (entry === undefined) return;
    entry.byCategory = roundCategories(entry.byCategory);
    const t = totals[i];
    const cats = new Set([...Object.keys(entry.byCategory), ...Object.keys(t.byCategory)]);
    const byCategory: SavingsResult["byCategory"] = {};
    let b = 0;
    let s = 0;
    for (const c of cats) {
      const cb = entry.byCategory[c] ?? 0;
      const cs = t.byCategory[c] ?? 0;
      byCategory[c] = { baseline: cb, shared: cs, savings: cb - cs };
      b += cb;
      s += cs;
    }
    out.push({
      code,
      baseline: b,
      shared: s,
      savings: b - s,
      byCategory,
      ...(entry.fte !== undefined ? { baselineFte: entry.fte, fteFreed: entry.fte - t.fte } : {}),
      sharedFte: t.fte,
    });
  });
  return out;
}

/**
 * An instrument's baseline by category, rounded: the costs are exact (not rounded line by line,
 * which would let the total drift by half a step per line), the total is rounded once, and the
 * categories share it by largest remainder (ties by category name), so they add up to it and each
 * is within a step of exact.
 */
function roundCategories(exact: Record<string, number>): Record<string, number> {
  const names = Object.keys(exact).sort();
  let left = roundHalfAway(names.reduce((a, c) => a + exact[c], 0));
  const out: Record<string, number> = {};
  for (const c of names) {
    out[c] = Math.floor(exact[c]);
    left -= out[c];
  }
  const byFraction = names
    .filter((c) => exact[c] > out[c])
    .sort((a, b) => exact[b] - out[b] - (exact[a] - out[a]) || (a < b ? -1 : 1));
  for (let j = 0; j < left && j < byFraction.length; j++) out[byFraction[j]] += 1;
  return out;
}
