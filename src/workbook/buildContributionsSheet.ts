import { formatPercent } from "../engine/formatPercent";
import { fromQuanta } from "../engine/money";
import type { Settings } from "../engine/model";
import type { Allocation, ContributionBasis, InstrumentContributions } from "../engine/result";
import { columnLetter } from "./columnLetter";
import { fitColumnWidths } from "./fitColumnWidths";
import type { OutCell, OutputSheet } from "./grid";
import { moneyStyle } from "./moneyStyle";
import { outputPrintSetup } from "./outputPrintSetup";
import { OUTPUT_STYLE } from "./outputStyle";
import { periodLabel } from "./periodLabel";
import type { RunInfo } from "./runInfo";
import { safeText } from "./safeText";
import { sheetHeading } from "./sheetHeading";
import { formatAmount } from "./annex/formatAmount";

type Row = (OutCell | null)[];

/** Name of the output sheet. */
export const CONTRIBUTIONS_SHEET = "Contributions";

const HEADER = OUTPUT_STYLE.header;
const TOTAL = OUTPUT_STYLE.total;
const RATE_FORMAT = "0.000%";
/** A fixed share as agreed: 2.5%, 22%, 0.125%. */
const FIXED_FORMAT = "0.0##%";

/** How a Party's figure was set, in words for the sheet. */
const BASIS_WORDS: Record<ContributionBasis, string> = {
  scale: "UN scale",
  fixed: "Fixed share",
  floor: "Minimum contribution",
  ceiling: "Maximum share",
  exempt: "Below the threshold",
};

/**
 * The Contributions sheet: for each instrument with Parties, one table of its scale of
 * contributions — each Party's UN scale rate, fixed share, adjusted scale (its share of the
 * amount over the period), contribution per year and total, and how its figure was set — with
 * live SUM totals, the amount to be shared, and checks that show 0 when the figures add up. The
 * Parties are listed in the order of the Parties sheet. Without Parties it says so.
 */
export function buildContributionsSheet(allocation: Allocation, run: RunInfo): OutputSheet {
  const { settings, years } = allocation;
  const cells: Row[] = [
    ...sheetHeading(`Scale of contributions by Party, ${periodLabel(years)} (${settings.currency})`, run),
    [],
  ];
  const contributions = allocation.contributions;
  const noteRows = new Set<number>();
  if (contributions === undefined || contributions.length === 0) {
    cells.push([
      {
        v:
          contributions === undefined
            ? "The workbook has no Parties sheet, so there is no scale of contributions. Add a Parties sheet " +
              "(Party, Instrument, UNScale, Fixed) and, if needed, a Scales sheet, then run again."
            : "The Parties sheet lists no Party, so there is no scale of contributions.",
        ...OUTPUT_STYLE.note,
      },
    ]);
    noteRows.add(cells.length);
  }
  for (const c of contributions ?? []) {
    writeInstrument(cells, c, allocation, noteRows);
    cells.push([]);
  }
  if (contributions !== undefined && contributions.length > 0) {
    cells.push([
      {
        v:
          "UN scale: the Party's rate of the UN scale of assessments (Parties sheet). Adjusted scale: its share of " +
          "the amount over the period after the instrument's rules. Each year's contributions add up exactly to " +
          "the amount shared; each Party's total is within one rounding step of its exact share.",
        ...OUTPUT_STYLE.note,
      },
    ]);
    noteRows.add(cells.length);
  }
  return {
    name: CONTRIBUTIONS_SHEET,
    cells,
    columnWidths: fitColumnWidths(cells, { min: 10, max: 36, skipRows: noteRows }),
    freeze: { rows: 2, cols: 1 },
    print: outputPrintSetup([1, 2], settings),
    tabColor: OUTPUT_STYLE.tabColor,
  };
}

/** One instrument's table: heading, rules, header, a row per Party, totals, the amount and the checks. */
function writeInstrument(
  cells: Row[],
  c: InstrumentContributions,
  allocation: Allocation,
  noteRows: Set<number>,
): void {
  const { settings, years } = allocation;
  const { fmt, decimals } = moneyStyle(settings.rounding);
  const money = (q: number): number => fromQuanta(q, settings.rounding);
  const y0 = 5; // column E: the first year
  const totalCol = y0 + years.length;
  const L = (col: number): string => columnLetter(col);

  cells.push([safeText(c.instrument, { bold: true, size: 12 })]);
  cells.push([{ v: describeRules(c, settings), ...OUTPUT_STYLE.note }]);
  noteRows.add(cells.length);
  const right = { ...HEADER, align: "right" as const };
  cells.push([
    { ...HEADER, v: "Party" },
    { ...right, v: "UN scale" },
    { ...right, v: "Fixed share" },
    { ...right, v: "Adjusted scale" },
    ...years.map((year): OutCell => ({ ...right, v: String(year) })),
    { ...right, v: "Total" },
    { ...HEADER, v: "Set by" },
    { ...right, v: OUTPUT_STYLE.checkLabel },
  ]);
  const first = cells.length + 1;
  c.parties.forEach((p, k) => {
    const row = first + k;
    cells.push([
      safeText(p.party),
      p.unScale === undefined ? null : { v: p.unScale, fmt: RATE_FORMAT },
      p.fixed === undefined ? null : { v: p.fixed, fmt: FIXED_FORMAT },
      { v: p.share, fmt: RATE_FORMAT },
      ...p.byYear.map((q): OutCell => ({ v: money(q), fmt })),
      { v: money(p.total), fmt },
      { v: basisWords(p.basis, years) },
      {
        f: `ROUND(${L(totalCol)}${row}-SUM(${L(y0)}${row}:${L(totalCol - 1)}${row}),${decimals})`,
        v: 0,
        fmt,
      },
    ]);
  });
  const last = first + c.parties.length - 1;
  const totalRow = last + 1;
  const sum = (col: number, v: number, format: string): OutCell =>
    c.parties.length > 0
      ? { ...TOTAL, f: `SUM(${L(col)}${first}:${L(col)}${last})`, v, fmt: format }
      : { ...TOTAL, v: 0, fmt: format };
  const sumOf = (get: (p: InstrumentContributions["parties"][number]) => number): number =>
    c.parties.reduce((s, p) => s + get(p), 0);
  const amountTotal = c.amount.reduce((a, b) => a + b, 0);
  cells.push([
    { ...TOTAL, v: "Total" },
    sum(
      2,
      sumOf((p) => p.unScale ?? 0),
      RATE_FORMAT,
    ),
    sum(
      3,
      sumOf((p) => p.fixed ?? 0),
      FIXED_FORMAT,
    ),
    sum(
      4,
      sumOf((p) => p.share),
      RATE_FORMAT,
    ),
    ...years.map((_, y) => sum(y0 + y, money(sumOf((p) => p.byYear[y])), fmt)),
    sum(totalCol, money(sumOf((p) => p.total)), fmt),
    { ...TOTAL },
    {
      ...TOTAL,
      f: `ROUND(${L(totalCol)}${totalRow}-SUM(${L(y0)}${totalRow}:${L(totalCol - 1)}${totalRow}),${decimals})`,
      v: 0,
      fmt,
    },
  ]);
  const amountRow = totalRow + 1;
  cells.push([
    {
      v: c.amountFromAllocation
        ? "Amount shared (its total with programme support costs, Allocation sheet)"
        : "Amount shared (Scales sheet)",
      italic: true,
    },
    null,
    null,
    { v: 1, fmt: RATE_FORMAT, italic: true },
    ...c.amount.map((q): OutCell => ({ v: money(q), fmt, italic: true })),
    {
      f: `SUM(${L(y0)}${amountRow}:${L(totalCol - 1)}${amountRow})`,
      v: money(amountTotal),
      fmt,
      italic: true,
    },
  ]);
  // The adjusted scale adds up to 100% and the contributions to the amount, year by year.
  const difference = (col: number, places: number, format: string): OutCell => ({
    f: `ROUND(${L(col)}${totalRow}-${L(col)}${amountRow},${places})`,
    v: 0,
    fmt: format,
    italic: true,
  });
  cells.push([
    { v: OUTPUT_STYLE.checkLabel, italic: true },
    null,
    null,
    difference(4, 9, "0.000%"),
    ...years.map((_, y) => difference(y0 + y, decimals, fmt)),
    difference(totalCol, decimals, fmt),
  ]);
}

/** The instrument's rules in one sentence: "Fixed shares first; below 0.1% on the UN scale pays nothing; ...". */
function describeRules(c: InstrumentContributions, settings: Settings): string {
  const parts: string[] = [];
  if (c.parties.some((p) => p.fixed !== undefined)) parts.push("fixed shares first");
  if (c.threshold !== undefined)
    parts.push(`a Party below ${ratePercent(c.threshold)} on the UN scale pays nothing`);
  parts.push("the rest in proportion to the UN scale");
  if (c.floor !== undefined)
    parts.push(`at least ${settings.currency} ${formatAmount(c.floor, settings.rounding, "en")} a year`);
  if (c.ceiling !== undefined) parts.push(`at most ${formatPercent(c.ceiling)} of the amount`);
  const sentence = parts.join("; ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + ".";
}

/** A rate of the UN scale as published, to at most three decimals: 0.001 → "0.1%", 0.00001 → "0.001%". */
function ratePercent(rate: number): string {
  return `${Number((rate * 100).toFixed(3))}%`;
}

/** How a Party's figure was set over the period: one word when every year agrees, else year by year. */
function basisWords(basis: readonly ContributionBasis[], years: readonly number[]): string {
  if (basis.every((b) => b === basis[0])) return BASIS_WORDS[basis[0]];
  return basis.map((b, y) => `${years[y]}: ${BASIS_WORDS[b]}`).join("; ");
}
