import type { Rule, RuleSpec } from "../engine/model";
import { parseBasis } from "../engine/parseBasis";
import { nearestCode } from "../engine/unknownInstrument";
import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import type { InstrumentNames } from "./instrumentNames";
import { CONTRACT } from "./inputMapping";
import { normalizeName } from "./normalizeName";
import { commonOptions, inCommonOptions } from "./commonOptions";
import type { ScenarioCells } from "./scenarioCells";
import { noSuchDriver } from "../engine/noSuchDriver";

/** The Instruments driver fields with their aliases ("Number of Parties" → Parties). */
const DRIVER_FIELDS = (CONTRACT.find((c) => c.name === "Instruments")?.fields ?? []).filter(
  (f) => f.name === "Parties" || f.name === "Budget",
);

/** Participants are listed as "CMS, AEWA", "CMS; AEWA", "CMS/AEWA" or "CMS and AEWA". */
const PARTICIPANT_SEPARATOR = /\s*[,;/\n]\s*|\s+and\s+/i;

/**
 * Reads the Rules sheet: one rule per unit, its Method and Basis parsed by the engine's
 * parseBasis, its participants as written (each checked against the Instruments sheet's codes and
 * Types when `names` is given, whatever the method), the drivers it names (each checked against
 * the Instruments sheet's number columns when `driverColumns` is given, so that a misspelt driver
 * is reported with the sheets' other problems), its Min/Max as fractions, and the options it
 * holds in. A unit may have another rule only for other options.
 */
export function readRules(
  sheet: FoundSheet,
  reader: CellReader,
  options: ScenarioCells,
  names?: InstrumentNames,
  driverColumns?: readonly string[],
): Rule[] {
  const rules: Rule[] = [];
  const seenAt = new Map<string, { row: number; scenarios?: string[] }[]>();
  for (const row of sheet.rows) {
    const before = reader.problems.length;
    const unitRef = sheet.cell(row, "Unit");
    const methodRef = sheet.cell(row, "Method");
    if (unitRef === undefined || methodRef === undefined) continue;
    const unit = reader.requiredText(unitRef, "type the common service this rule shares");
    const beforeMethod = reader.problems.length;
    const method = reader.text(methodRef);
    const basisRef = sheet.cell(row, "Basis");
    const basis = basisRef === undefined ? undefined : reader.text(basisRef);
    // Parsed only when both cells could be read, so that an error value is not reported twice.
    const parsed =
      reader.problems.length === beforeMethod ? parseBasis(method ?? "", basis ?? "") : undefined;
    if (parsed !== undefined && !parsed.ok) {
      const aboutMethod = /^(The rule has no Method|Method ')/.test(parsed.message);
      // Without a Basis column, a rule's missing basis may be under a header that has no saved value.
      if (aboutMethod || basisRef !== undefined || !sheet.mayLack("Basis"))
        reader.report(aboutMethod || basisRef === undefined ? methodRef : basisRef, parsed.message);
    }
    if (parsed?.ok === true && driverColumns !== undefined && unit !== undefined)
      checkDrivers(basisRef ?? methodRef, withDriverNames(parsed.spec), unit, driverColumns, reader);
    if (parsed?.ok === true && parsed.spec.method === "fixed" && names !== undefined)
      checkSharedCodes(basisRef ?? methodRef, Object.keys(parsed.spec.shares), unit, names, reader);
    const participantsRef = sheet.cell(row, "Participants");
    const participantsText = participantsRef === undefined ? undefined : reader.text(participantsRef);
    const participants = (participantsText ?? "")
      .split(PARTICIPANT_SEPARATOR)
      .map((t) => t.trim())
      .filter((t) => t !== "");
    if (participantsRef !== undefined && names !== undefined)
      checkParticipants(participantsRef, participants, unit, names, reader);
    const minRef = sheet.cell(row, "Min");
    const maxRef = sheet.cell(row, "Max");
    const min = bound(minRef, reader);
    const max = bound(maxRef, reader);
    const kind = parsed?.ok === true ? parsed.spec.method : undefined;
    if (kind === "fixed" || kind === "posts") {
      for (const ref of [minRef, maxRef]) {
        if (ref !== undefined && !reader.isBlank(ref.value)) reader.report(ref, BOUNDS_DO_NOT_APPLY[kind]);
      }
    }
    const scenarios = options.read(sheet, row, reader);
    if (reader.problems.length > before || parsed === undefined || !parsed.ok) continue;
    if (unit === undefined || scenarios === null) continue;
    const earlier = seenAt.get(normalizeName(unit)) ?? [];
    const clash = earlier
      .map((r) => ({ row: r.row, common: commonOptions(r.scenarios, scenarios) }))
      .find((c) => c.common.length > 0);
    if (clash !== undefined) {
      reader.report(
        unitRef,
        `Unit '${unit}' has two rules${inCommonOptions(clash.common)}: also on row ${clash.row}; keep one`,
      );
      continue;
    }
    seenAt.set(normalizeName(unit), [
      ...earlier,
      { row: row.row, ...(scenarios !== undefined ? { scenarios } : {}) },
    ]);
    rules.push({
      unit,
      spec: withDriverNames(parsed.spec),
      participants,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(scenarios !== undefined ? { scenarios } : {}),
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return rules;
}

/** Why Min and Max cannot stand on a rule whose shares are not the engine's to bound. */
const BOUNDS_DO_NOT_APPLY = {
  fixed:
    "a fixed rule's percentages are agreed, so Min and Max do not apply: clear this cell, or change the percentages in Basis",
  posts:
    "a posts rule shares by each post's own split, so Min and Max do not apply: clear this cell, or change the posts' splits",
};

/** How a plain number in Min or Max is read, said wherever it matters. */
const PLAIN_BOUND_RULE =
  "a plain number up to 1 is a fraction, so 0.5 is 50%, and one above 1 is a percent, so 2 is 2%";

/**
 * A Min or Max share: 2%, 0.02 or 2, from 0% to 100% (see PLAIN_BOUND_RULE). A plain 1 in Min is
 * a problem: read as 100% it is a floor no two participants can hold, so 1% was most likely meant.
 */
function bound(ref: CellRef | undefined, reader: CellReader): number | undefined {
  if (ref === undefined) return undefined;
  const value = reader.percent(ref, { plainAbove1: true });
  if (value !== undefined && (value < 0 || value > 1)) {
    reader.report(
      ref,
      `${ref.field} must be a percentage from 0% to 100%, found ${describeValue(ref.value)}; ${PLAIN_BOUND_RULE}`,
    );
    return undefined;
  }
  const plainOne = ref.value === 1 || (typeof ref.value === "string" && /^\s*1([.,]0*)?\s*$/.test(ref.value));
  if (ref.field === "Min" && plainOne) {
    reader.report(
      ref,
      `Min 1 is read as 100%, a floor that no two participants can both hold (${PLAIN_BOUND_RULE}); for a floor of 1% type 1% or 0.01`,
    );
    return undefined;
  }
  return value;
}

/**
 * Every Participants token must be a code, a Type or "all", whatever the rule's method (the
 * engine only resolves those of the methods that use them): each stray name is a problem.
 */
function checkParticipants(
  ref: CellRef,
  tokens: readonly string[],
  unit: string | undefined,
  names: InstrumentNames,
  reader: CellReader,
): void {
  for (const token of tokens) {
    const t = token.toLowerCase();
    if (t === "all" || names.codes.has(t) || names.types.has(t)) continue;
    const near = nearestCode(token, names.written);
    reader.report(
      ref,
      `Participants${unit === undefined ? "" : ` of unit '${unit}'`} name '${token}', which is neither an instrument code, an instrument Type nor 'all'${near === undefined ? "" : `; did you mean ${near}?`}`,
    );
  }
}

/**
 * Every code an agreed-shares rule gives a share to must be an instrument's. The engine checks
 * this too, but only once every cell reads: here it comes with the sheet's other problems, at once.
 */
function checkSharedCodes(
  ref: CellRef,
  codes: readonly string[],
  unit: string | undefined,
  names: InstrumentNames,
  reader: CellReader,
): void {
  for (const code of codes) {
    if (names.codes.has(code.trim().toLowerCase())) continue;
    const near = nearestCode(code, names.written);
    reader.report(
      ref,
      `The rule${unit === undefined ? "" : ` of unit '${unit}'`} gives a share to '${code}', which is not an instrument code of the Instruments sheet${near === undefined ? "" : `; did you mean ${near}?`}`,
    );
  }
}

/** Every driver a rule names must be a number column of the Instruments sheet (as the engine needs it). */
function checkDrivers(
  ref: CellRef,
  spec: RuleSpec,
  unit: string,
  columns: readonly string[],
  reader: CellReader,
): void {
  const named =
    spec.method === "driver"
      ? [spec.driver]
      : spec.method === "hybrid"
        ? spec.parts.flatMap((p) => (p.basis === "equal" ? [] : [p.basis]))
        : [];
  const has = (d: string) => columns.some((c) => c.trim().toLowerCase() === d.trim().toLowerCase());
  for (const driver of named) if (!has(driver)) reader.report(ref, noSuchDriver(unit, driver, columns));
}

/**
 * A basis naming a driver by an alias ("Number of Parties") names the column the reader stores
 * under its canonical name (Parties), whatever header the Instruments sheet uses.
 */
function withDriverNames(spec: RuleSpec): RuleSpec {
  const canonical = (name: string) =>
    DRIVER_FIELDS.find((f) => [f.name, ...f.aliases].some((n) => normalizeName(n) === normalizeName(name)))
      ?.name ?? name;
  if (spec.method === "driver") return { ...spec, driver: canonical(spec.driver) };
  if (spec.method === "hybrid") {
    return {
      ...spec,
      parts: spec.parts.map((p) => (p.basis === "equal" ? p : { ...p, basis: canonical(p.basis) })),
    };
  }
  return spec;
}
