import { fromQuanta } from "../engine/money";
import type { Allocation, UnitResult } from "../engine/result";
import { columnLetter } from "./columnLetter";
import { fitColumnWidths } from "./fitColumnWidths";
import type { OutCell, OutputSheet } from "./grid";
import { moneyStyle } from "./moneyStyle";
import { outputPrintSetup } from "./outputPrintSetup";
import { OUTPUT_STYLE } from "./outputStyle";
import { periodLabel } from "./periodLabel";
import { pscLabel } from "./pscLabel";
import type { RunInfo } from "./runInfo";
import { safeText } from "./safeText";
import { sheetHeading } from "./sheetHeading";

type Row = (OutCell | null)[];

const POST_KIND: OutCell = { v: "Post" };
const BUDGET_KIND: OutCell = { v: "Budget line" };

const HEADER = OUTPUT_STYLE.header;
const TOTAL = OUTPUT_STYLE.total;
const CHECK_LABEL = OUTPUT_STYLE.checkLabel;

/**
 * The Allocation sheet: (1) the summary for the period, operating units × instruments, with
 * subtotal, programme support costs and total, and a memo of what the support units passed on;
 * (2) the same summary for each year; (3) the detail, one row per post or budget line and year.
 * Figures are the engine's; every total and check is a live formula that also carries the
 * engine's value, and the period summary adds up the year blocks, so the sheet proves itself.
 */
export function buildAllocationSheet(allocation: Allocation, run: RunInfo): OutputSheet {
  const { years, instruments, settings } = allocation;
  const n = instruments.length;
  const { fmt, decimals } = moneyStyle(settings.rounding);
  const money = (q: number): number => fromQuanta(q, settings.rounding);
  const numberCell = (q: number, style?: Partial<OutCell>): OutCell =>
    style ? { ...style, v: money(q), fmt } : { v: money(q), fmt };
  const check = (total: string, first: string, last: string, row: number): OutCell => ({
    f: `ROUND(${total}${row}-SUM(${first}${row}:${last}${row}),${decimals})`,
    v: 0,
    fmt,
  });

  const operating = allocation.units.filter((u) => !u.support);
  const support = allocation.units.filter((u) => u.support);
  const receiversOf = (u: UnitResult): string[] => Object.keys(u.passedOn ?? {});
  const memoRows = support.length ? 1 + support.reduce((s, u) => s + 1 + receiversOf(u).length, 0) : 0;
  const blockHeight = 2 + operating.length + 3 + memoRows;
  const firstBlockRow = 4;
  const blockStart = (b: number): number => firstBlockRow + b * (blockHeight + 1);

  const totalCol = n + 2;
  const instLetter = (i: number): string => columnLetter(2 + i);
  const totalLetter = columnLetter(totalCol);
  const lastInstLetter = instLetter(n - 1);

  const cells: Row[] = [
    ...sheetHeading(
      `Allocation of common costs by instrument, ${periodLabel(years)} (${settings.currency})`,
      run,
    ),
    [],
  ];

  /**
   * One summary block: b = 0 is the period, b = y + 1 the year years[y]. In the period block a
   * figure is the sum of the same cell in every year block.
   */
  const writeBlock = (b: number): number => {
    const start = blockStart(b);
    const ys = b === 0 ? years.map((_, y) => y) : [b - 1];
    const sumYears = (get: (y: number) => number): number => ys.reduce((s, y) => s + get(y), 0);
    /** A money cell: in the period block, a live sum of the year blocks' cells at the same place. */
    const figure = (
      col: number,
      rel: number,
      get: (y: number) => number,
      style?: Partial<OutCell>,
    ): OutCell => {
      const cell = numberCell(sumYears(get), style);
      if (b === 0) {
        const letter = columnLetter(col);
        cell.f = years.map((_, y) => `${letter}${blockStart(y + 1) + rel}`).join("+");
      }
      return cell;
    };
    const heading =
      b === 0
        ? `Summary for the period ${periodLabel(years)} (${settings.currency})`
        : `${years[b - 1]} (${settings.currency})`;
    cells.push([{ v: heading, bold: true, size: 12 }]);
    cells.push([
      { ...HEADER, v: "Unit" },
      ...instruments.map((code) => safeText(code, { ...HEADER, align: "right" })),
      { ...HEADER, v: "Total", align: "right" },
      { ...HEADER, v: CHECK_LABEL, align: "right" },
    ]);

    const unitRow = (u: UnitResult, rel: number, style?: Partial<OutCell>): Row => {
      const row = start + rel;
      return [
        safeText(u.unit, style),
        ...instruments.map((_, i) => figure(2 + i, rel, (y) => u.shares[y * n + i], style)),
        figure(totalCol, rel, (y) => u.totals[y], style),
        check(totalLetter, instLetter(0), lastInstLetter, row),
      ];
    };
    operating.forEach((u, k) => cells.push(unitRow(u, 2 + k)));

    const firstUnit = start + 2;
    const lastUnit = start + 1 + operating.length;
    const subRow = lastUnit + 1;
    const pscRow = subRow + 1;
    const totRow = pscRow + 1;
    const unitSum = (get: (u: UnitResult, y: number) => number): number =>
      operating.reduce((s, u) => s + sumYears((y) => get(u, y)), 0);
    const columnSum = (col: number, q: number): OutCell => {
      const letter = columnLetter(col);
      return operating.length
        ? { ...TOTAL, f: `SUM(${letter}${firstUnit}:${letter}${lastUnit})`, v: money(q), fmt }
        : { ...TOTAL, v: 0, fmt };
    };
    const subShares = instruments.map((_, i) => unitSum((u, y) => u.shares[y * n + i]));
    const subTotal = unitSum((u, y) => u.totals[y]);
    cells.push([
      { ...TOTAL, v: "Subtotal (direct costs)" },
      ...subShares.map((q, i) => columnSum(2 + i, q)),
      columnSum(totalCol, subTotal),
      { ...check(totalLetter, instLetter(0), lastInstLetter, subRow), ...TOTAL },
    ]);

    const pscOf = (i: number, y: number): number => allocation.instrumentTotals[i].psc[y];
    const pscRel = pscRow - start;
    cells.push([
      { v: pscLabel(settings.psc) },
      ...instruments.map((_, i) => figure(2 + i, pscRel, (y) => pscOf(i, y))),
      figure(totalCol, pscRel, (y) => allocation.grandTotal.psc[y]),
      check(totalLetter, instLetter(0), lastInstLetter, pscRow),
    ]);

    const pscShares = instruments.map((_, i) => sumYears((y) => pscOf(i, y)));
    const pscTotal = sumYears((y) => allocation.grandTotal.psc[y]);
    const plus = (col: number, q: number): OutCell => {
      const letter = columnLetter(col);
      return { ...TOTAL, f: `${letter}${subRow}+${letter}${pscRow}`, v: money(q), fmt };
    };
    cells.push([
      { ...TOTAL, v: "Total" },
      ...instruments.map((_, i) => plus(2 + i, subShares[i] + pscShares[i])),
      plus(totalCol, subTotal + pscTotal),
      { ...check(totalLetter, instLetter(0), lastInstLetter, totRow), ...TOTAL },
    ]);

    if (support.length) {
      cells.push([{ v: "Support units (already included above): passed on", bold: true, italic: true }]);
      let rel = totRow - start + 2;
      for (const u of support) {
        cells.push(unitRow(u, rel, { italic: true }));
        rel++;
        for (const receiver of receiversOf(u)) {
          const amounts = u.passedOn?.[receiver] ?? [];
          const row: Row = [safeText(`    to ${receiver}`, { italic: true })];
          while (row.length < totalCol - 1) row.push(null);
          row[totalCol - 1] = figure(totalCol, rel, (y) => amounts[y] ?? 0, { italic: true });
          cells.push(row);
          rel++;
        }
      }
    }
    cells.push([]);
    return subRow;
  };

  const periodSubtotalRow = writeBlock(0);
  years.forEach((_, y) => writeBlock(y + 1));

  // Detail: one row per line and year.
  const detailTitleRow = cells.length + 1;
  cells.push([
    { v: `Detail: every post and budget line, by year (${settings.currency})`, bold: true, size: 12 },
  ]);
  const labels = [
    "Kind",
    "Id",
    "Title",
    "Unit",
    "Category",
    "Grade",
    "FTE",
    "Funded by",
    "Rule",
    "Year",
    "Total",
  ];
  const dTotalCol = labels.length;
  const dFirstInst = dTotalCol + 1;
  const dCheckCol = dFirstInst + n;
  const dTotalLetter = columnLetter(dTotalCol);
  const dFirstLetter = columnLetter(dFirstInst);
  const dLastLetter = columnLetter(dFirstInst + n - 1);
  const headerRow = detailTitleRow + 1;
  cells.push([
    ...labels.map((v, k): OutCell => ({
      ...HEADER,
      v,
      ...(k === 6 || k >= 9 ? { align: "right" as const } : {}),
    })),
    ...instruments.map((code) => safeText(code, { ...HEADER, align: "right" })),
    { ...HEADER, v: CHECK_LABEL, align: "right" },
  ]);
  const text = (s: string | undefined): OutCell | null => (s === undefined || s === "" ? null : safeText(s));
  const yearCells: OutCell[] = years.map((year) => ({ v: year, fmt: "0" }));
  let row = headerRow;
  for (const line of allocation.lines) {
    const kind = line.kind === "post" ? POST_KIND : BUDGET_KIND;
    const id = safeText(line.id);
    const title = safeText(line.title);
    const unit = safeText(line.unit);
    const category = safeText(line.category);
    const grade = text(line.grade);
    const fte: OutCell | null = line.fte === undefined ? null : { v: line.fte, fmt: "0.00" };
    const fundedBy = text(line.fundedBy);
    const rule = safeText(line.rule);
    // A detail table can hold 10,000 posts × 3 years × 30 instruments: the label cells of a line
    // are shared by its year rows, and each figure is one small object.
    for (let y = 0; y < years.length; y++) {
      row++;
      const out: Row = new Array<OutCell | null>(dCheckCol);
      out[0] = kind;
      out[1] = id;
      out[2] = title;
      out[3] = unit;
      out[4] = category;
      out[5] = grade;
      out[6] = fte;
      out[7] = fundedBy;
      out[8] = rule;
      out[9] = yearCells[y];
      out[10] = { v: money(line.totals[y]), fmt };
      for (let i = 0; i < n; i++) out[dFirstInst - 1 + i] = { v: money(line.shares[y * n + i]), fmt };
      out[dCheckCol - 1] = check(dTotalLetter, dFirstLetter, dLastLetter, row);
      cells.push(out);
    }
  }
  const firstDetail = headerRow + 1;
  const lastDetail = row;
  const detailTotals = row + 1;
  const sumDetail = (col: number, q: number): OutCell => {
    const letter = columnLetter(col);
    return lastDetail >= firstDetail
      ? { ...TOTAL, f: `SUM(${letter}${firstDetail}:${letter}${lastDetail})`, v: money(q), fmt }
      : { ...TOTAL, v: 0, fmt };
  };
  const lineSum = (get: (l: Allocation["lines"][number], y: number) => number): number =>
    allocation.lines.reduce((s, l) => s + years.reduce((t, _, y) => t + get(l, y), 0), 0);
  const totalsRow: Row = [{ ...TOTAL, v: "Total (all lines and years)" }];
  for (let c = 2; c < dTotalCol; c++) totalsRow.push({ ...TOTAL });
  totalsRow.push(
    sumDetail(
      dTotalCol,
      lineSum((l, y) => l.totals[y]),
    ),
  );
  for (let i = 0; i < n; i++)
    totalsRow.push(
      sumDetail(
        dFirstInst + i,
        lineSum((l, y) => l.shares[y * n + i]),
      ),
    );
  totalsRow.push({ ...check(dTotalLetter, dFirstLetter, dLastLetter, detailTotals), ...TOTAL });
  cells.push(totalsRow);

  // The detail must agree with the summary, instrument by instrument.
  const agree: Row = [{ v: "Difference from the summary's subtotal (0 = agrees)", italic: true }];
  for (let c = 2; c < dTotalCol; c++) agree.push(null);
  const diff = (detailCol: number, summaryCol: number): OutCell => ({
    f: `ROUND(${columnLetter(detailCol)}${detailTotals}-${columnLetter(summaryCol)}${periodSubtotalRow},${decimals})`,
    v: 0,
    fmt,
    italic: true,
  });
  agree.push(diff(dTotalCol, totalCol));
  for (let i = 0; i < n; i++) agree.push(diff(dFirstInst + i, 2 + i));
  cells.push(agree);

  return {
    name: "Allocation",
    cells,
    columnWidths: fitColumnWidths(cells, { max: 36 }),
    // Only the title is frozen: the sheet holds several tables with different headers, so freezing
    // one table's header would label the others wrongly. Column A names the unit or the line kind.
    freeze: { rows: 2, cols: 1 },
    print: outputPrintSetup([1, 2], settings),
    tabColor: OUTPUT_STYLE.tabColor,
    autoFilter: `A${headerRow}:${columnLetter(dCheckCol)}${Math.max(lastDetail, headerRow)}`,
  };
}
