import type { Model } from "../model";
import { hasErrors, type Problem } from "../problem";
import { validateSettings } from "../validateSettings";
import { attachRules } from "./attachRules";
import { CategoryTable } from "./CategoryTable";
import { costLines, type Lines } from "./costLines";
import { costOf, type Coster } from "./costOf";
import { indexGrades, type GradeIndex } from "./indexGrades";
import { indexInstruments, type InstrumentIndex } from "./indexInstruments";
import { linkSupport, type SupportLinks } from "./linkSupport";
import { nameKey } from "./nameKey";
import { reachOperatingUnits } from "./reachOperatingUnits";
import { splitUnits } from "./splitUnits";
import { UnitTable } from "./UnitTable";

/** A model checked and split, ready to be rounded: everything up to the rounding of the table. */
export interface Prepared {
  index: InstrumentIndex;
  grades: GradeIndex;
  cost: Coster;
  units: UnitTable;
  categories: CategoryTable;
  lines: Lines;
  links: SupportLinks;
  /** The operating units (UnitTable numbers), as `reach` numbers them. */
  operating: number[];
  /** reach[t][o]: the fraction of support unit t's cost reaching operating[o]. */
  reach: number[][];
  /** Warnings met so far. */
  problems: Problem[];
}

/**
 * The first half of the pipeline: checks the settings, indexes the instruments and grades,
 * costs every line per year, attaches rules and support links to the units, splits each unit by
 * its rule, and finds where the support units' costs land. Every problem is collected.
 */
export function prepareAllocation(
  model: Model,
): { ok: true; prepared: Prepared } | { ok: false; problems: Problem[] } {
  const { settings } = model;
  const problems: Problem[] = validateSettings(settings);
  if (hasErrors(problems)) return { ok: false, problems };
  if (model.instruments.length === 0) {
    problems.push({
      severity: "error",
      sheet: "Instruments",
      message: "The Instruments sheet lists no instrument.",
    });
    return { ok: false, problems };
  }
  const index = indexInstruments(model.instruments, problems);
  const grades = indexGrades(model.grades, problems);
  const cost = costOf(settings);
  const units = new UnitTable();
  const categories = new CategoryTable();
  const providers = new Set(model.support.map((l) => nameKey(l.provider)));
  const lines = costLines(
    model,
    { instruments: index, grades, categories, units, providers, cost },
    problems,
  );
  attachRules(model.rules, units, providers, problems);
  const links = linkSupport(model.support, units, providers, problems);
  splitUnits(units, lines, index, problems);
  const operating = units.list.flatMap((u, k) => (u.support ? [] : [k]));
  const reach = hasErrors(problems)
    ? undefined
    : reachOperatingUnits(settings.supportMethod, links, units, operating, problems);
  if (reach === undefined || hasErrors(problems)) return { ok: false, problems };
  return {
    ok: true,
    prepared: { index, grades, cost, units, categories, lines, links, operating, reach, problems },
  };
}
