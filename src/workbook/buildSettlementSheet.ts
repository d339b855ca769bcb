import { fromQuanta } from "../engine/money";
import type { Allocation } from "../engine/result";
import { fitColumnWidths } from "./fitColumnWidths";
import type { OutCell, OutputSheet } from "./grid";
import { moneyStyle } from "./moneyStyle";
import { outputPrintSetup } from "./outputPrintSetup";
import { OUTPUT_STYLE } from "./outputStyle";
import { periodLabel } from "./periodLabel";
import type { RunInfo } from "./runInfo";
import { safeText } from "./safeText";
import { sheetHeading } from "./sheetHeading";

type Row = (OutCell | null)[];

const HEADER = OUTPUT_STYLE.header;
const TOTAL = OUTPUT_STYLE.total;

/** The word for a balance: positive = the instrument owes, negative = it is owed, zero = even. */
function position(balance: number): string {
  return balance > 0 ? "Owes" : balance < 0 ? "Is owed" : "Even";
}

/**
 * The Settlement sheet (exchange of services, seed ¶24): for each instrument, its share of the
 * common costs against the cost of the posts it funds, the balance (a live formula, share −
 * funded) and what that means in a word; totals, and a check that the balances add up.
 */
export function buildSettlementSheet(allocation: Allocation, run: RunInfo): OutputSheet {
  const { settings, settlement } = allocation;
  const { fmt, decimals } = moneyStyle(settings.rounding);
  const money = (q: number): number => fromQuanta(q, settings.rounding);
  const cells: Row[] = [
    ...sheetHeading(
      `Exchange of services: settlement by instrument, ${periodLabel(allocation.years)} (${settings.currency})`,
      run,
    ),
    [],
  ];
  const headerRow = 4;
  const right = { ...HEADER, align: "right" as const };
  cells.push([
    { ...HEADER, v: "Instrument" },
    { ...right, v: "Share of common costs" },
    { ...right, v: "Cost of posts funded" },
    { ...right, v: "Balance (share − funded)" },
    { ...HEADER, v: "Position" },
  ]);
  const first = headerRow + 1;
  settlement.forEach((s, k) => {
    const row = first + k;
    cells.push([
      safeText(s.code),
      { v: money(s.share), fmt },
      { v: money(s.funded), fmt },
      { f: `B${row}-C${row}`, v: money(s.balance), fmt },
      { v: position(s.balance) },
    ]);
  });
  const last = first + settlement.length - 1;
  const totalRow = last + 1;
  const total = (get: (s: Allocation["settlement"][number]) => number): number =>
    settlement.reduce((t, s) => t + get(s), 0);
  const sum = (letter: string, q: number): OutCell =>
    settlement.length
      ? { ...TOTAL, f: `SUM(${letter}${first}:${letter}${last})`, v: money(q), fmt }
      : { ...TOTAL, v: 0, fmt };
  const balance = total((s) => s.balance);
  cells.push([
    { ...TOTAL, v: "Total" },
    sum(
      "B",
      total((s) => s.share),
    ),
    sum(
      "C",
      total((s) => s.funded),
    ),
    sum("D", balance),
    // The balances' total is what the posts do not cover (budget lines, posts nobody funds): no one's position.
    { ...TOTAL },
  ]);
  cells.push([
    { v: OUTPUT_STYLE.checkLabel, italic: true },
    null,
    null,
    { f: `ROUND(D${totalRow}-(B${totalRow}-C${totalRow}),${decimals})`, v: 0, fmt, italic: true },
  ]);
  cells.push([]);
  const noteRow = cells.length + 1;
  cells.push([
    {
      v:
        "Share: the instrument's direct share of the common costs over the period (before programme support costs). " +
        "Funded: the cost of the posts its budget carries (Posts sheet, FundedBy). A positive balance is owed by " +
        "the instrument; a negative one is owed to it, since it contributes more in staff time than its share.",
      ...OUTPUT_STYLE.note,
    },
  ]);
  // Why every instrument may owe: the balances add up to what no instrument's posts carry.
  if (balance > 0) {
    const amount = money(balance).toLocaleString("en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    cells.push([
      {
        v:
          `The balances add up to ${settings.currency} ${amount}: the common costs that no instrument's posts ` +
          "carry (budget lines, and posts without FundedBy), which the instruments owe by their shares.",
        ...OUTPUT_STYLE.note,
      },
    ]);
  }
  return {
    name: "Settlement",
    cells,
    columnWidths: fitColumnWidths(cells, { min: 12, max: 26, skipRows: new Set([noteRow, noteRow + 1]) }),
    freeze: { rows: headerRow, cols: 1 },
    print: outputPrintSetup([headerRow, headerRow], settings),
    tabColor: OUTPUT_STYLE.tabColor,
  };
}
