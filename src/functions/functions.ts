/**
 * The CMS custom functions (`=CMS.COSTSHARE(...)` and the rest). This file is the build's
 * metadata source: custom-functions-metadata reads each JSDoc below into functions.json, and its
 * webpack plugin appends the `CustomFunctions.associate` calls, so every export here is a sheet
 * function and nothing else is (hence several exports in one file). Each one is thin: read the
 * arguments, call the engine, lay the result out on the sheet.
 */
import { escalate } from "../engine/escalate";
import { formatPercent as percentText } from "../engine/formatPercent";
import { fromQuanta, toQuanta, toQuantaUp } from "../engine/money";
import { programmeSupportCost } from "../engine/programmeSupportCost";
import { scaleOfContributions } from "../engine/scaleOfContributions";
import { scaleYear, type ScaleParty } from "../engine/scaleYear";
import { solveReciprocal } from "../engine/solveReciprocal";
import { splitAmount } from "../engine/splitAmount";
import { callSafely } from "./callSafely";
import { cellError } from "./cellError";
import { standardCost } from "./standardCost";
import { toMatrix } from "./toMatrix";
import { toNumber } from "./toNumber";
import { cellNumber, spill, toVector } from "./toVector";

/** Reads the optional rounding argument: 1 = whole units (the default), 0.01 = cents. */
function roundingOf(rounding: number | null | undefined): number {
  if (rounding === null || rounding === undefined) return 1;
  const r = toNumber(rounding, "rounding");
  if (!(r > 0))
    throw cellError(
      "invalidValue",
      "rounding must be a positive step such as 1 (whole units) or 0.01 (cents).",
    );
  return r;
}

/**
 * Splits an amount in proportion to weights; the rounded shares add up exactly to the rounded amount.
 * @customfunction
 * @param amount The amount to share, e.g. a post's annual cost.
 * @param weights The weights or percentages, as a single row or column (e.g. 85%, 15%).
 * @param [rounding] The rounding step: 1 for whole units (default), 0.01 for cents.
 * @returns The shares, spilled in the same orientation as the weights.
 */
export function COSTSHARE(amount: number, weights: number[][], rounding?: number): number[][] {
  return callSafely("COSTSHARE", () => {
    const a = toNumber(amount, "amount");
    const w = toVector(weights, "weights");
    refuseMixedPercents(w.values);
    return spill(splitAmount(a, w.values, roundingOf(rounding)), w.orientation);
  });
}

/**
 * One instrument's share of an amount split in proportion to weights (the same figure COSTSHARE spills).
 * @customfunction
 * @param amount The amount to share.
 * @param weights The weights or percentages, as a single row or column.
 * @param index Which share to return: 1 for the first weight, 2 for the second, and so on.
 * @param [rounding] The rounding step: 1 for whole units (default), 0.01 for cents.
 * @returns The share at that position.
 */
export function SHARE(amount: number, weights: number[][], index: number, rounding?: number): number {
  return callSafely("SHARE", () => {
    const a = toNumber(amount, "amount");
    const w = toVector(weights, "weights");
    refuseMixedPercents(w.values);
    const i = toNumber(index, "index");
    if (!Number.isInteger(i) || i < 1 || i > w.values.length) {
      throw cellError(
        "invalidValue",
        `index must be a whole number from 1 to ${w.values.length} (the number of weights).`,
      );
    }
    return splitAmount(a, w.values, roundingOf(rounding))[i - 1];
  });
}

/**
 * Splits each cost by its own row of percentages; each row's rounded shares add up to its rounded cost.
 * @customfunction
 * @param costs The costs, as a single column (or row): one per row of splits.
 * @param splits The percentages, one row per cost and one column per instrument; each row adds up to 100%.
 * @param [rounding] The rounding step: 1 for whole units (default), 0.01 for cents.
 * @returns One row of shares per cost, one column per instrument.
 */
export function ALLOCATE(costs: number[][], splits: number[][], rounding?: number): number[][] {
  return callSafely("ALLOCATE", () => {
    const c = toVector(costs, "costs").values;
    const s = toMatrix(splits, "splits");
    if (s.length !== c.length) {
      throw cellError(
        "invalidValue",
        `splits has ${s.length} row${s.length === 1 ? "" : "s"} but there ${c.length === 1 ? "is 1 cost" : `are ${c.length} costs`}: give one row of percentages per cost.`,
      );
    }
    const step = roundingOf(rounding);
    return c.map((cost, r) => {
      const row = s[r];
      const sum = row.reduce((t, x) => t + x, 0);
      // An empty row of a range longer than the table: no cost, no split, nothing to share.
      if (cost === 0 && sum === 0) return row.map(() => 0);
      // A row of fractions adds up to 1 (Excel's 100%); a row of plain numbers may be typed as 100.
      // Within 0.01%, as the Posts sheet takes a split (33.333 three times is 100%).
      if (Math.abs(sum - 1) > 1e-4 && Math.abs(sum - 100) > 1e-2) {
        throw cellError("invalidValue", `splits row ${r + 1} adds up to ${formatPercent(sum)}, not 100%.`);
      }
      return splitAmount(cost, row, step);
    });
  });
}

/**
 * Weights are proportions (2 and 1 share 2:1), but 85 beside a cell formatted as 15% (0.15)
 * would share 85 : 0.15. When the weights make 100% only if those above 1 are read as percents
 * and the others as fractions, they were meant as percentages typed two ways: that is refused.
 */
function refuseMixedPercents(weights: readonly number[]): void {
  const plain = weights.filter((w) => w > 1);
  const fractions = weights.filter((w) => w > 0 && w <= 1);
  if (plain.length === 0 || fractions.length === 0) return;
  const asPercents = plain.reduce((s, w) => s + w / 100, 0) + fractions.reduce((s, w) => s + w, 0);
  if (Math.abs(asPercents - 1) < 1e-4)
    throw cellError(
      "invalidValue",
      "weights mix percents typed as plain numbers (such as 85) with percentages (such as 15%, which is 0.15): type them all one way.",
    );
}

/** A row total as the officer would read it: 0.6 → "60%", 60 → "60" (already in percent). */
function formatPercent(sum: number): string {
  return sum <= 1.5 ? `${+(sum * 100).toFixed(4)}%` : `${+sum.toFixed(4)}`;
}

/**
 * Programme support cost on an amount (13% by default, the UN rule on trust-fund expenditure).
 * @customfunction
 * @param amount The expenditure the support cost is charged on.
 * @param [rate] The PSC rate, e.g. 13% (default); a plain 13 is 13%, as in the Settings sheet.
 * @returns The programme support cost.
 */
export function PSC(amount: number, rate?: number): number {
  return callSafely("PSC", () => {
    const a = toNumber(amount, "amount");
    const r = rate === null || rate === undefined ? undefined : settingRate(rate);
    // To fifteen significant digits: 7% of 100,000 is 7,000, not 7,000.000000000001.
    return Number(programmeSupportCost(a, r).toPrecision(15));
  });
}

/** A rate as the Settings sheet reads PSC and Escalation: 13%, 0.13 or a plain 13 (a number above 1 is in percent). */
function settingRate(rate: number): number {
  const typed = toNumber(rate, "rate");
  return typed > 1 ? typed / 100 : typed;
}

/**
 * An amount escalated at a yearly rate, compounded over a number of years.
 * @customfunction
 * @param amount The amount in the base year.
 * @param rate The yearly escalation, e.g. 2% (a plain 2 is 2%, as in the Settings sheet).
 * @param years The number of years after the base year (0 gives the amount itself).
 * @returns The escalated amount.
 */
export function ESCALATE(amount: number, rate: number, years: number): number {
  return callSafely("ESCALATE", () => {
    const r = settingRate(rate);
    if (r < -0.5 || r >= 1)
      throw cellError(
        "invalidValue",
        `rate must be a percentage from -50% to below 100% (2% = 0.02 or 2), got ${toNumber(rate, "rate")}.`,
      );
    return escalate(toNumber(amount, "amount"), r, toNumber(years, "years"));
  });
}

/**
 * Standard cost of a grade from a table of standard costs, times the FTE.
 * @customfunction
 * @param grade The grade, e.g. "P4".
 * @param grades The table: a header row (Grade, Cost, then optional year columns such as 2026) or two columns without headers.
 * @param [fte] The full-time equivalent, e.g. 0.5 or 50% (default 1); a plain number above 10 is a percent of one post, as in the Posts sheet.
 * @param [year] The year column to read, e.g. 2026 (default: the Cost column).
 * @returns The standard cost.
 */
export function STDCOST(grade: string, grades: unknown[][], fte?: number, year?: number): number {
  return callSafely("STDCOST", () => standardCost(grade, grades, fte, year));
}

/**
 * Rates re-normalised to 100% with a floor and a ceiling, the excess redistributed (the UN scale as MEAs adapt it).
 * @customfunction
 * @param rates The rates (e.g. the UN scale of each Party), as a single row or column.
 * @param [floor] The minimum share, e.g. 0.001%.
 * @param [ceiling] The maximum share, e.g. 22%.
 * @returns The adjusted shares, adding up to 100%, spilled in the same orientation as the rates.
 */
export function SCALE(rates: number[][], floor?: number, ceiling?: number): number[][] {
  return callSafely("SCALE", () => {
    const r = toVector(rates, "rates");
    const parties = partiesOf(r.values);
    const min = shareOf(floor, "floor");
    const max = shareOf(ceiling, "ceiling");
    // Blank rows (rate blank or 0) are no Parties: a floor would otherwise give each a share.
    const taken = parties.flatMap((p, i) => (p.rate > 0 ? [i] : []));
    if (taken.length === 0) throw cellError("invalidValue", "rates: no rate above 0.");
    // The same engine step as CONTRIBUTIONS, on an amount of 100%: its figures are the shares.
    const year = scaleYear(
      taken.map((i) => parties[i]),
      1,
      { ...(min !== undefined ? { floor: min } : {}), ...(max !== undefined ? { ceiling: max } : {}) },
      { describeAmount: percentText },
    );
    if (!year.ok) throw cellError("invalidValue", year.message);
    return spill(placed(taken, Array.from(year.amounts), parties.length), r.orientation);
  });
}

/**
 * Each Party's contribution by a scale: fixed shares, a threshold, a minimum and a maximum share; adds up exactly to the amount.
 * @customfunction
 * @param amount The amount the Parties fund, e.g. a year's budget.
 * @param rates The UN scale rate of each Party, as a single row or column (as published, e.g. 22.000 and 0.001).
 * @param [fixed] Each Party's agreed fixed share, in the same layout as the rates (e.g. 2.5%); blank for none.
 * @param [threshold] A Party whose rate is below it pays nothing, in the same unit as the rates (e.g. 0.1).
 * @param [floor] The minimum contribution, as an amount (e.g. 2000).
 * @param [ceiling] The maximum share of the amount, e.g. 22%.
 * @param [rounding] The rounding step: 1 for whole units (default), 0.01 for cents.
 * @returns The contributions, spilled in the same orientation as the rates.
 */
export function CONTRIBUTIONS(
  amount: number,
  rates: number[][],
  fixed?: unknown[][],
  threshold?: number,
  floor?: number,
  ceiling?: number,
  rounding?: number,
): number[][] {
  return callSafely("CONTRIBUTIONS", () => {
    const a = toNumber(amount, "amount");
    if (a < 0) throw cellError("invalidValue", "amount cannot be negative.");
    const r = toVector(rates, "rates");
    const shares = fixedSharesOf(fixed, r.values.length);
    const all = partiesOf(r.values).map((p, i) => (shares[i] !== undefined ? { ...p, fixed: shares[i] } : p));
    // A row with no rate (blank or 0) and no fixed share is no Party: it pays nothing, and a
    // minimum contribution must not charge the empty rows of a range such as B2:B40.
    const taken = all.flatMap((p, i) => (p.rate > 0 || p.fixed !== undefined ? [i] : []));
    if (taken.length === 0)
      throw cellError("invalidValue", "rates: no Party has a rate above 0 or a fixed share.");
    const parties = taken.map((i) => all[i]);
    const step = roundingOf(rounding);
    const min = floor === null || floor === undefined ? undefined : toNumber(floor, "floor");
    if (min !== undefined && min < 0) throw cellError("invalidValue", "floor cannot be negative.");
    const max = shareOf(ceiling, "ceiling");
    const t = threshold === null || threshold === undefined ? undefined : toNumber(threshold, "threshold");
    const outcome = scaleOfContributions({
      parties,
      amounts: [toQuanta(a, step)],
      rule: {
        ...(t !== undefined ? { threshold: t } : {}),
        ...(min !== undefined ? { floor: toQuantaUp(min, step) } : {}),
        ...(max !== undefined ? { ceiling: max } : {}),
      },
      describeAmount: (q) => String(fromQuanta(q, step)),
    });
    if (!outcome.ok) throw cellError("invalidValue", outcome.message);
    const paid = Array.from(outcome.byYear, (q) => fromQuanta(q, step));
    return spill(placed(taken, paid, all.length), r.orientation);
  });
}

/** `values` (one per position of `taken`) back in their rows of `count`, 0 in the others. */
function placed(taken: readonly number[], values: readonly number[], count: number): number[] {
  const out = new Array<number>(count).fill(0);
  taken.forEach((i, k) => (out[i] = values[k]));
  return out;
}

/** The rates as Parties of a scale; a negative rate is refused with its position. */
function partiesOf(rates: readonly number[]): ScaleParty[] {
  return rates.map((rate, i) => {
    if (rate < 0) throw cellError("invalidValue", `rates: value ${i + 1} is negative (${rate}).`);
    return { rate };
  });
}

/**
 * The optional fixed shares, one per rate: a blank cell is no fixed share (not 0%), nor is 0,
 * which is how desktop Excel may pass a blank cell of a range.
 */
function fixedSharesOf(fixed: unknown[][] | null | undefined, count: number): (number | undefined)[] {
  if (fixed === null || fixed === undefined) return new Array<undefined>(count);
  const cells = Array.isArray(fixed) ? fixed.flat() : [fixed];
  if (cells.length !== count)
    throw cellError(
      "invalidValue",
      `fixed has ${cells.length} cell${cells.length === 1 ? "" : "s"} for ${count} rates: give one per Party, blank for none.`,
    );
  return cells.map((cell, i) => {
    if (cell === null || cell === undefined || cell === "") return undefined;
    const v = cellNumber(cell, "fixed", i + 1);
    if (v === 0) return undefined;
    if (v < 0 || v > 1)
      throw cellError(
        "invalidValue",
        `fixed: value ${i + 1} must be a share between 0% and 100% (2.5% = 0.025).`,
      );
    return v;
  });
}

/** Reads an optional floor or ceiling, a fraction of the whole (22% = 0.22). */
function shareOf(value: number | null | undefined, what: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = toNumber(value, what);
  if (v < 0 || v > 1)
    throw cellError("invalidValue", `${what} must be a percentage between 0% and 100% (22% = 0.22).`);
  return v;
}

/**
 * What sharing saves against the stand-alone baseline: the amount saved and the percentage.
 * @customfunction
 * @param baseline The stand-alone cost, before sharing.
 * @param shared The cost with shared services.
 * @returns One row: the amount saved, then the saving as a fraction of the baseline.
 */
export function SAVINGS(baseline: number, shared: number): number[][] {
  return callSafely("SAVINGS", () => {
    const b = toNumber(baseline, "baseline");
    const s = toNumber(shared, "shared");
    if (b === 0)
      throw cellError("invalidValue", "baseline is 0: a saving cannot be expressed as a percentage of it.");
    return [[b - s, (b - s) / b]];
  });
}

/**
 * Totals of support units under the reciprocal method: each unit's own cost plus its shares of the others' totals (x = d + A·x).
 * @customfunction
 * @param direct_costs The direct cost of each support unit, as a single row or column.
 * @param support_matrix Square matrix: row i, column j is the share of unit j's total that unit i receives.
 * @returns The total of each support unit, in the same orientation as the direct costs.
 */
export function RECIPROCAL(direct_costs: number[][], support_matrix: number[][]): number[][] {
  return callSafely("RECIPROCAL", () => {
    const d = toVector(direct_costs, "direct_costs");
    const a = toMatrix(support_matrix, "support_matrix");
    const n = d.values.length;
    if (a.length !== n || a[0].length !== n) {
      throw cellError(
        "invalidValue",
        `support_matrix must be ${n} by ${n} (one row and one column per support unit); it is ${a.length} by ${a[0].length}.`,
      );
    }
    const solved = solveReciprocal(d.values, a);
    if (!solved.ok) throw cellError("invalidValue", solved.message);
    return spill(solved.totals, d.orientation);
  });
}
