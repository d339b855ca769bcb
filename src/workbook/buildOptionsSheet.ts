import { compareOptions, type OptionFigures } from "../engine/compareOptions";
import { fromQuanta } from "../engine/money";
import type { Allocation } from "../engine/result";
import { fitColumnWidths } from "./fitColumnWidths";
import type { OutCell, OutputSheet } from "./grid";
import { moneyStyle } from "./moneyStyle";
import { OPTIONS_SHEET } from "./ownership";
import { outputPrintSetup } from "./outputPrintSetup";
import { OUTPUT_STYLE } from "./outputStyle";
import { periodLabel } from "./periodLabel";
import { pscLabel } from "./pscLabel";
import type { RunInfo } from "./runInfo";
import { safeText } from "./safeText";
import { shownFte } from "./shownFte";
import { sheetHeading } from "./sheetHeading";

type Row = (OutCell | null)[];

const HEADER = OUTPUT_STYLE.header;
const TOTAL = OUTPUT_STYLE.total;
const FTE_FORMAT = "0.00";
/** Columns: A option, B instrument, C direct, D PSC, E total, F savings, G FTE, H difference, I check. */
const [DIRECT, PSC, TOTAL_COL, SAVINGS, FTE, DIFF] = ["C", "D", "E", "F", "G", "H"];

/**
 * The Options sheet: every option of the workbook, one block of rows per option, each instrument
 * with its direct share over the period, programme support costs, total, savings against its
 * Baseline, staff time borne and the difference of its total from the first option; then the
 * option's total. Differences and totals are live formulas, and a check column shows 0 where a
 * total is its direct costs plus PSC and an option's difference is its total less the first's.
 */
export function buildOptionsSheet(allocation: Allocation, run: RunInfo): OutputSheet {
  const { settings, years } = allocation;
  const compared = compareOptions(allocation);
  const { fmt, decimals } = moneyStyle(settings.rounding);
  const money = (q: number, style?: Partial<OutCell>): OutCell => ({
    ...style,
    v: fromQuanta(q, settings.rounding),
    fmt,
  });
  const first = compared.options[0];
  const written = compared.options.find((o) => o.written) ?? first;
  const cells: Row[] = [
    ...sheetHeading(`Options compared, ${periodLabel(years)} (${settings.currency})`, run),
    [],
  ];
  const headerRow = 4;
  const right = { ...HEADER, align: "right" as const };
  cells.push([
    { ...HEADER, v: "Option" },
    { ...HEADER, v: "Instrument" },
    { ...right, v: "Direct costs" },
    { ...right, v: pscLabel(settings.psc) },
    { ...right, v: "Total" },
    { ...right, v: "Savings against baseline" },
    { ...right, v: "Staff time (FTE)" },
    safeText(`Difference from ${first.name}`, right),
    { ...right, v: OUTPUT_STYLE.checkLabel },
  ]);

  const n = compared.instruments.length;
  const blockStart = (k: number): number => headerRow + 1 + k * (n + 1);
  compared.options.forEach((option, k) => {
    const start = blockStart(k);
    const totalRow = start + n;
    // The annex's staff time (shownFte), so that the sheet and the paper show the same figures.
    const fte = shownFte(option.instruments.map((f) => f.fte));
    const figures = (
      f: Omit<OptionFigures, "code">,
      shown: number,
      row: number,
      firstRow: number,
      style?: Partial<OutCell>,
    ): Row => [
      money(f.direct, style),
      money(f.psc, style),
      money(f.total, style),
      f.savings === undefined ? (style ? { ...style } : null) : money(f.savings, style),
      { ...style, v: shown, fmt: FTE_FORMAT },
      k === 0
        ? money(0, style)
        : { ...money(f.difference, style), f: `${TOTAL_COL}${row}-${TOTAL_COL}${firstRow}` },
    ];
    option.instruments.forEach((f, i) => {
      const row = start + i;
      cells.push([
        safeText(option.name),
        safeText(f.code),
        ...figures(f, fte[i], row, blockStart(0) + i),
        { f: `ROUND(${TOTAL_COL}${row}-${DIRECT}${row}-${PSC}${row},${decimals})`, v: 0, fmt },
      ]);
    });
    const sums = figures(
      option.total,
      Math.round(fte.reduce((a, b) => a + b, 0) * 100) / 100,
      totalRow,
      blockStart(0) + n,
      TOTAL,
    );
    // Every column of the total row adds up the instruments above it; the difference too, which
    // the check then compares with the option's total less the first option's.
    [DIRECT, PSC, TOTAL_COL, SAVINGS, FTE, DIFF].forEach((letter, c) => {
      const cell = sums[c];
      if (cell !== null && cell.v !== undefined) cell.f = `SUM(${letter}${start}:${letter}${totalRow - 1})`;
    });
    const firstTotal = blockStart(0) + n;
    cells.push([
      safeText(option.name, TOTAL),
      { ...TOTAL, v: "Total" },
      ...sums,
      {
        ...TOTAL,
        f:
          `ROUND(ABS(${TOTAL_COL}${totalRow}-${DIRECT}${totalRow}-${PSC}${totalRow})` +
          `+ABS(${DIFF}${totalRow}-(${TOTAL_COL}${totalRow}-${TOTAL_COL}${firstTotal})),${decimals})`,
        v: 0,
        fmt,
      },
    ]);
  });
  const lastRow = cells.length;

  cells.push([]);
  const notes = [
    `Allocation, Savings, Settlement and the Annex show option '${written.name}' (Settings: Scenario).`,
    "Direct costs: each instrument's share of the common services over the period, before programme support " +
      "costs. Savings against baseline = stand-alone cost (Baseline sheet) − direct costs; blank where the " +
      "instrument has no baseline. Staff time: full-time equivalents borne.",
    `Difference = the option's total − the same instrument's total in option '${first.name}' (negative: it pays less).`,
  ];
  const noteRows = new Set<number>();
  for (const note of notes) {
    noteRows.add(cells.length + 1);
    cells.push([safeText(note, OUTPUT_STYLE.note)]);
  }
  return {
    name: OPTIONS_SHEET,
    cells,
    columnWidths: fitColumnWidths(cells, { min: 10, max: 28, skipRows: noteRows }),
    freeze: { rows: headerRow, cols: 2 },
    print: outputPrintSetup([headerRow, headerRow], settings),
    tabColor: OUTPUT_STYLE.tabColor,
    autoFilter: `A${headerRow}:I${lastRow}`,
  };
}

/**
 * The Options sheet of a run on a workbook that no longer compares options, where an earlier run
 * wrote one: the sheet is ours, so it is replaced like the others, by a note that its comparison
 * is gone, rather than left with figures that are no longer current.
 */
export function buildRetiredOptionsSheet(run: RunInfo): OutputSheet {
  return {
    name: OPTIONS_SHEET,
    cells: [
      ...sheetHeading("Options compared", run),
      [],
      [
        {
          v:
            "This run compares no options: no Scenario cell or Settings Scenarios names one. " +
            "The comparison an earlier run wrote here is no longer current and was taken out.",
        },
      ],
    ],
    columnWidths: [100],
  };
}
