import { fromQuanta } from "../engine/money";
import type { Allocation } from "../engine/result";
import { columnLetter } from "./columnLetter";
import { fitColumnWidths } from "./fitColumnWidths";
import type { OutCell, OutputSheet } from "./grid";
import { moneyStyle } from "./moneyStyle";
import { orderCategories } from "./orderCategories";
import { outputPrintSetup } from "./outputPrintSetup";
import { OUTPUT_STYLE } from "./outputStyle";
import { periodLabel } from "./periodLabel";
import type { RunInfo } from "./runInfo";
import { safeText } from "./safeText";
import { sheetHeading } from "./sheetHeading";

type Row = (OutCell | null)[];

const HEADER = OUTPUT_STYLE.header;
const TOTAL = OUTPUT_STYLE.total;
const FTE_FORMAT = "0.00";
const PERCENT_FORMAT = "0.0%";

/**
 * The Savings sheet: for each instrument with a stand-alone baseline, what it would pay alone,
 * what it pays under sharing, the savings and their percentage, the same by category (as the BRS
 * secretariat reported them: staff, meetings, operational), and the staff time freed. Savings
 * and totals are live formulas.
 */
export function buildSavingsSheet(allocation: Allocation, run: RunInfo): OutputSheet {
  const { settings, savings } = allocation;
  const { fmt } = moneyStyle(settings.rounding);
  const money = (q: number): number => fromQuanta(q, settings.rounding);
  const categories = orderCategories(savings.flatMap((s) => Object.keys(s.byCategory)));
  const cells: Row[] = [
    ...sheetHeading(
      `Savings from shared services, ${periodLabel(allocation.years)} (${settings.currency})`,
      run,
    ),
    [],
  ];

  const groupRow = 4;
  const headerRow = 5;
  const catCol = (k: number): number => 6 + 3 * k;
  const fteCol = catCol(categories.length);
  const lastCol = fteCol + 2;
  const merges: string[] = [];
  const group: Row = [null, { ...HEADER, v: "Period total", align: "center" }, null, null, null];
  merges.push(`B${groupRow}:E${groupRow}`);
  categories.forEach((c, k) => {
    group.push(safeText(c, { ...HEADER, align: "center" }), null, null);
    merges.push(`${columnLetter(catCol(k))}${groupRow}:${columnLetter(catCol(k) + 2)}${groupRow}`);
  });
  group.push({ ...HEADER, v: "Staff time (FTE)", align: "center" }, null, null);
  merges.push(`${columnLetter(fteCol)}${groupRow}:${columnLetter(lastCol)}${groupRow}`);
  // Merged group headings keep their bottom border on every cell of the merge.
  for (let c = 1; c < group.length; c++) group[c] ??= { ...HEADER };
  cells.push(group);

  const right = { ...HEADER, align: "right" as const };
  cells.push([
    { ...HEADER, v: "Instrument" },
    { ...right, v: "Stand-alone (baseline)" },
    { ...right, v: "Shared" },
    { ...right, v: "Savings" },
    { ...right, v: "Savings %" },
    ...categories.flatMap((): OutCell[] => [
      { ...right, v: "Baseline" },
      { ...right, v: "Shared" },
      { ...right, v: "Savings" },
    ]),
    { ...right, v: "Baseline FTE" },
    { ...right, v: "Shared FTE" },
    { ...right, v: "FTE freed" },
  ]);

  const L = columnLetter;
  const minus = (row: number, a: number, b: number, q: number, style?: Partial<OutCell>): OutCell => ({
    ...style,
    f: `${L(a)}${row}-${L(b)}${row}`,
    v: money(q),
    fmt,
  });
  const percent = (
    row: number,
    savingsQ: number,
    baselineQ: number,
    style?: Partial<OutCell>,
  ): OutCell | null =>
    baselineQ === 0
      ? null
      : { ...style, f: `D${row}/B${row}`, v: money(savingsQ) / money(baselineQ), fmt: PERCENT_FORMAT };

  const firstData = headerRow + 1;
  savings.forEach((s, k) => {
    const row = firstData + k;
    const out: Row = [
      safeText(s.code),
      { v: money(s.baseline), fmt },
      { v: money(s.shared), fmt },
      minus(row, 2, 3, s.savings),
      percent(row, s.savings, s.baseline),
    ];
    categories.forEach((c, j) => {
      const figures = s.byCategory[c] ?? { baseline: 0, shared: 0, savings: 0 };
      out.push({ v: money(figures.baseline), fmt }, { v: money(figures.shared), fmt });
      out.push(minus(row, catCol(j), catCol(j) + 1, figures.savings));
    });
    out.push(s.baselineFte === undefined ? null : { v: s.baselineFte, fmt: FTE_FORMAT });
    out.push({ v: s.sharedFte, fmt: FTE_FORMAT });
    out.push(
      s.baselineFte === undefined
        ? null
        : { f: `${L(fteCol)}${row}-${L(fteCol + 1)}${row}`, v: s.baselineFte - s.sharedFte, fmt: FTE_FORMAT },
    );
    cells.push(out);
  });

  const lastData = firstData + savings.length - 1;
  const noteRows = new Set<number>([groupRow]);
  if (savings.length === 0) {
    noteRows.add(cells.length + 1);
    cells.push([
      {
        v: "No instrument has a stand-alone baseline (Baseline sheet), so there are no savings to show.",
        ...OUTPUT_STYLE.note,
      },
    ]);
  } else {
    const totalRow = lastData + 1;
    const sum = (col: number, v: number, format: string): OutCell => ({
      ...TOTAL,
      f: `SUM(${L(col)}${firstData}:${L(col)}${lastData})`,
      v,
      fmt: format,
    });
    const total = (get: (s: Allocation["savings"][number]) => number): number =>
      savings.reduce((t, s) => t + get(s), 0);
    const baseline = total((s) => s.baseline);
    const saved = total((s) => s.savings);
    const out: Row = [
      { ...TOTAL, v: "Total" },
      sum(2, money(baseline), fmt),
      sum(3, money(total((s) => s.shared)), fmt),
      sum(4, money(saved), fmt),
      percent(totalRow, saved, baseline, TOTAL) ?? { ...TOTAL },
    ];
    categories.forEach((c, j) => {
      const of = (key: "baseline" | "shared" | "savings"): number =>
        total((s) => s.byCategory[c]?.[key] ?? 0);
      out.push(sum(catCol(j), money(of("baseline")), fmt), sum(catCol(j) + 1, money(of("shared")), fmt));
      out.push(sum(catCol(j) + 2, money(of("savings")), fmt));
    });
    out.push(
      sum(
        fteCol,
        total((s) => s.baselineFte ?? 0),
        FTE_FORMAT,
      ),
    );
    out.push(
      sum(
        fteCol + 1,
        total((s) => s.sharedFte),
        FTE_FORMAT,
      ),
    );
    out.push(
      sum(
        fteCol + 2,
        total((s) => (s.baselineFte === undefined ? 0 : s.baselineFte - s.sharedFte)),
        FTE_FORMAT,
      ),
    );
    cells.push(out);
  }
  cells.push([]);
  const without = allocation.instruments.filter((code) => !savings.some((s) => s.code === code));
  if (savings.length && without.length) {
    noteRows.add(cells.length + 1);
    cells.push([
      safeText(`No stand-alone baseline, so not shown: ${without.join(", ")}.`, OUTPUT_STYLE.note),
    ]);
  }
  noteRows.add(cells.length + 1);
  cells.push([
    {
      v:
        "Savings = stand-alone cost (Baseline sheet) − direct share of the common costs, before programme support " +
        "costs, over the period. FTE freed = staff time in the baseline − staff time borne under sharing: time " +
        "that can be redirected to implementation support.",
      ...OUTPUT_STYLE.note,
    },
  ]);

  return {
    name: "Savings",
    cells,
    columnWidths: fitColumnWidths(cells, { min: 10, max: 24, skipRows: noteRows }),
    freeze: { rows: headerRow, cols: 1 },
    merges,
    print: outputPrintSetup([groupRow, headerRow], settings),
    tabColor: OUTPUT_STYLE.tabColor,
  };
}
