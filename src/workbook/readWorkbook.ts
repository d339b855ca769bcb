import { scaleProblemsAlone } from "../engine/computeContributions";
import type { Model } from "../engine/model";
import { hasErrors, type Problem } from "../engine/problem";
import { CellReader } from "./cellReader";
import { cleanMapping } from "./cleanMapping";
import type { FoundSheet } from "./foundSheet";
import type { WorkbookGrids } from "./grid";
import { CONTRACT, type ContractSheet, type ContractSheetName, type InputMapping } from "./inputMapping";
import { instrumentNames } from "./instrumentNames";
import { locateProblem } from "./locateProblem";
import { locateSheet } from "./locateSheet";
import { readBaseline } from "./readBaseline";
import { readBudget } from "./readBudget";
import { readGrades } from "./readGrades";
import { readInstruments } from "./readInstruments";
import { normalizeName } from "./normalizeName";
import { readParties } from "./readParties";
import { postReferences } from "./postReferences";
import { readPosts } from "./readPosts";
import { readRules } from "./readRules";
import { readScales } from "./readScales";
import { MergedCells } from "./mergedCells";
import { readSettings } from "./readSettings";
import { readSupport } from "./readSupport";
import { ScenarioCells } from "./scenarioCells";
import { sizeProblems } from "./sizeProblems";
import type { WorkbookLayout } from "./workbookLayout";

/** What reading a workbook gave: the model when nothing blocks it, every problem, and what was found where. */
export interface ReadOutcome {
  /** Present when reading found no error (warnings may remain in `problems`). */
  model?: Model;
  /** Every problem found, each with its sheet and cell, grouped by sheet in contract order. */
  problems: Problem[];
  layout: WorkbookLayout;
}

/**
 * Turns the grids of a workbook's input sheets into the engine's model, reporting every problem
 * at once with its exact cell; the officer's mapping, when given, overrides names and aliases.
 */
export function readWorkbook(grids: WorkbookGrids, mapping: InputMapping = {}): ReadOutcome {
  const layout: WorkbookLayout = { sheets: {} };
  const structural: Problem[] = [];
  const found: Partial<Record<ContractSheetName, FoundSheet>> = {};
  const absent = new Set<ContractSheetName>();
  for (const contract of CONTRACT) {
    const located = locateSheet(grids, contract, cleanMapping(mapping[contract.name]));
    if (located.status === "found") {
      found[contract.name] = located.sheet;
      structural.push(...located.sheet.warnings);
      layout.sheets[contract.name] = located.sheet.layout;
    } else if (located.status === "unreadable") {
      structural.push(...located.problems);
      if (located.layout !== undefined) layout.sheets[contract.name] = located.layout;
    } else {
      absent.add(contract.name);
      // Rules may be left out when every post carries its own split: decided once posts are read.
      if (contract.required && contract.name !== "Rules") structural.push(missingSheet(contract));
    }
  }

  const reader = new CellReader();
  const settings = readSettings(found.Settings, reader);
  reader.useCurrency(settings.currency);
  const instruments = found.Instruments ? readInstruments(found.Instruments, reader) : [];
  const grades = found.Grades ? readGrades(found.Grades, reader, settings.firstYear) : [];
  // Option names are checked once every sheet is read: without a Settings list, their order is that of first appearance.
  const options = new ScenarioCells();
  const posts = found.Posts
    ? readPosts(
        found.Posts,
        reader,
        instruments.map((i) => i.code),
        options,
      )
    : [];
  const budget = found.Budget ? readBudget(found.Budget, reader, options) : [];
  const names = found.Instruments ? instrumentNames(found.Instruments) : undefined;
  // The drivers a rule may name: the number columns read from the Instruments sheet.
  const driverColumns = found.Instruments
    ? [...new Set(instruments.flatMap((i) => Object.keys(i.drivers)))]
    : undefined;
  const rules = found.Rules ? readRules(found.Rules, reader, options, names, driverColumns) : [];
  const support = found.Support ? readSupport(found.Support, reader, options) : [];
  options.resolve(settings, found.Settings, reader);
  const baseline = found.Baseline ? readBaseline(found.Baseline, reader) : [];
  const parties = found.Parties ? readParties(found.Parties, reader, instruments) : undefined;
  const scales = found.Scales
    ? readScales(found.Scales, reader, instruments, found.Parties && instrumentsNamed(found.Parties))
    : undefined;
  if (absent.has("Rules") && found.Posts !== undefined && !everyPostSplit(found.Posts)) {
    structural.push(missingSheet(CONTRACT.find((c) => c.name === "Rules") as ContractSheet));
  }

  const model: Model = {
    settings,
    instruments,
    grades,
    posts,
    budget,
    rules,
    support,
    baseline,
    ...(parties !== undefined ? { parties } : {}),
    ...(scales !== undefined ? { scales } : {}),
  };
  const tooLarge = sizeProblems(model).map((p) => locateProblem(p, layout));
  const erred = new Set(
    [...structural, ...reader.problems].filter((p) => p.severity === "error").map((p) => p.sheet),
  );
  // A sheet read whole: found, and no error on it (problems name the worksheet, or the contract's sheet).
  const whole = (name: ContractSheetName): boolean => {
    const sheet = found[name];
    return sheet !== undefined && !erred.has(sheet.layout.sheet) && !erred.has(name);
  };
  const references = postReferences(posts, instruments, grades, settings, {
    instruments: whole("Instruments"),
    grades: whole("Grades"),
    settings: whole("Settings"),
  }).map((p) => locateProblem(p, layout));
  // The scales' problems that need no allocation come now, when the run will not (the reading
  // has an error), and the sheets they read are whole: in the run's own words.
  const readErrors = hasErrors([...structural, ...reader.problems, ...references, ...tooLarge]);
  const scaleProblems =
    readErrors &&
    found.Parties !== undefined &&
    whole("Parties") &&
    whole("Settings") &&
    whole("Instruments") &&
    (found.Scales === undefined || whole("Scales"))
      ? scaleProblemsAlone(model).map((p) => locateProblem(p, layout))
      : [];
  const merged = new MergedCells(grids.mergedAreas);
  const cellProblems = [...structural, ...reader.problems, ...references, ...scaleProblems, ...tooLarge];
  const hidden = merged.hiddenValues(Object.values(found), cellProblems);
  const problems = byContractOrder([...cellProblems.map(merged.note), ...hidden], layout);
  return hasErrors(problems) ? { problems, layout } : { model, problems, layout };
}

/** The instrument codes the Parties sheet names (normalised), read or not: its own problems are reported there. */
function instrumentsNamed(sheet: FoundSheet): Set<string> {
  const named = new Set<string>();
  for (const row of sheet.rows) {
    const v = sheet.cell(row, "Instrument")?.value;
    if (typeof v === "string" && v.trim() !== "") named.add(normalizeName(v));
  }
  return named;
}

/** True when every post row fills some split column (so no Rules sheet is needed). */
function everyPostSplit(sheet: FoundSheet): boolean {
  const columns = sheet.layout.splitColumns;
  return sheet.rows.every((row) =>
    columns.some((c) => {
      const v = sheet.valueAt(row, c.index);
      return v !== null && v !== 0 && !(typeof v === "string" && v.trim() === "");
    }),
  );
}

function missingSheet(contract: ContractSheet): Problem {
  const required = contract.fields.filter((f) => f.required).map((f) => f.name);
  const optional = contract.fields.filter((f) => !f.required).map((f) => f.name);
  const also = optional.length > 0 ? ` (and, if needed, ${optional.join(", ")})` : "";
  const unless =
    contract.name === "Rules" ? " It may be left out only when every post carries its own split." : "";
  return {
    severity: "error",
    sheet: contract.name,
    cell: "A1",
    message: `The workbook has no ${contract.name} sheet or table. Add one with the columns ${required.join(", ")}${also}.${unless}`,
  };
}

/** Problems grouped by sheet in contract order (a stable sort keeps each sheet's reading order). */
function byContractOrder(problems: Problem[], layout: WorkbookLayout): Problem[] {
  const order = new Map<string, number>();
  CONTRACT.forEach((c, i) => {
    order.set(c.name, i);
    const sheet = layout.sheets[c.name]?.sheet;
    if (sheet !== undefined && !order.has(sheet)) order.set(sheet, i);
  });
  const rank = (p: Problem) => order.get(p.sheet) ?? CONTRACT.length;
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map((x) => x.p);
}
