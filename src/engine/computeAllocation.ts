import { computeSavings } from "./computeSavings";
import type { Model } from "./model";
import { hasErrors, type Problem } from "./problem";
import type { AllocationOutcome } from "./result";
import { addPsc } from "./stages/addPsc";
import { attachRules } from "./stages/attachRules";
import { CategoryTable } from "./stages/CategoryTable";
import { costLines } from "./stages/costLines";
import { costOf } from "./stages/costOf";
import { describeResults } from "./stages/describeResults";
import { indexGrades } from "./stages/indexGrades";
import { indexInstruments } from "./stages/indexInstruments";
import { linkSupport } from "./stages/linkSupport";
import { nameKey } from "./stages/nameKey";
import { reachOperatingUnits } from "./stages/reachOperatingUnits";
import { roundShares } from "./stages/roundShares";
import { settle } from "./stages/settle";
import { splitSupportLines } from "./stages/splitSupportLines";
import { splitUnits } from "./stages/splitUnits";
import { UnitTable } from "./stages/UnitTable";
import { validateSettings } from "./validateSettings";

/**
 * The whole computation, as a pipeline of stages (each in src/engine/stages): check the settings
 * and index the instruments and grades; cost every line per year; attach rules and support links
 * to the units; split each unit by its rule; find where support units' costs land; split and
 * round every line, unit, year and instrument at once (controlled rounding); share the support
 * units' lines; add programme support costs; savings; settlement; and the result records.
 * It never throws for bad data: every problem is collected, with the row and field it came from.
 */
export function computeAllocation(model: Model): AllocationOutcome {
  const { settings } = model;
  const problems: Problem[] = validateSettings(settings);
  if (hasErrors(problems)) return { ok: false, problems };
  if (model.instruments.length === 0) {
    return {
      ok: false,
      problems: [
        { severity: "error", sheet: "Instruments", message: "The Instruments sheet lists no instrument." },
      ],
    };
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

  const shares = roundShares({ lines, units, links, operating, reach, index, categories });
  splitSupportLines(
    shares.supportShares,
    links,
    units,
    lines,
    index,
    categories,
    shares.lineShares,
    shares.byCategory,
  );
  const psc = addPsc(shares.direct, settings.psc, cost.years.length, index.canonical);
  const described = describeResults({
    model,
    supportMethod: settings.supportMethod,
    lines,
    units,
    links,
    operating,
    reach,
    index,
    categories,
    shares,
    psc,
  });
  const savings = computeSavings(
    model.baseline,
    described.instrumentTotals,
    index,
    grades,
    categories,
    cost,
    problems,
  );
  if (hasErrors(problems)) return { ok: false, problems };
  const grandDirect = cost.years.map((_, y) =>
    described.instrumentTotals.reduce((a, t) => a + t.direct[y], 0),
  );
  return {
    ok: true,
    allocation: {
      settings,
      years: cost.years,
      instruments: index.codes,
      ...described,
      savings,
      settlement: settle(index.codes, shares.direct, lines),
      grandTotal: {
        direct: grandDirect,
        psc: psc.byYear,
        total: grandDirect.map((d, y) => d + psc.byYear[y]),
      },
      warnings: problems,
    },
  };
}
