import { fromQuanta } from "../engine/money";
import type { Allocation } from "../engine/result";
import { fitColumnWidths } from "./fitColumnWidths";
import type { CellValue, OutCell, OutputSheet, SheetGrid } from "./grid";
import { isCellError, isUncalculated } from "./grid";
import { isoTime } from "./isoTime";
import { moneyStyle } from "./moneyStyle";
import { outputPrintSetup } from "./outputPrintSetup";
import { OUTPUT_STYLE } from "./outputStyle";
import type { RunInfo } from "./runInfo";
import { safeText } from "./safeText";
import { sheetHeading } from "./sheetHeading";

type Row = (OutCell | null)[];

/** How a Log column's values are shown. */
type Kind = "text" | "money" | "count";

/** The Log's columns, in order. Time, version and fingerprint are text ("@") so that Excel does not
 * turn an ISO time into a date serial, or an all-digit fingerprint prefix into a number. */
const COLUMNS: readonly { label: string; kind: Kind }[] = [
  { label: "Time (UTC)", kind: "text" },
  { label: "Version", kind: "text" },
  { label: "Input fingerprint", kind: "text" },
  { label: "Currency", kind: "text" },
  { label: "Direct", kind: "money" },
  { label: "PSC", kind: "money" },
  { label: "Total", kind: "money" },
  { label: "Instruments", kind: "count" },
  { label: "Lines", kind: "count" },
];

const HEADER_ROW = 4;

/** Header text reduced to letters and digits, so "Time (UTC)" matches "time utc" and "TimeUTC". */
function normal(v: CellValue): string {
  return typeof v === "string" ? v.toLowerCase().replace(/[^a-z0-9]/g, "") : "";
}

/**
 * The Log sheet: a header row, then one row per run — time, version, input fingerprint (first 12
 * characters), currency, grand totals, and the numbers of instruments and lines. The rows of a
 * Log we wrote before (`previousLog`) are kept, matched to our columns by their headers, and
 * this run's row is appended.
 */
export function buildLogSheet(allocation: Allocation, run: RunInfo, previousLog?: SheetGrid): OutputSheet {
  const { settings, grandTotal } = allocation;
  const { fmt } = moneyStyle(settings.rounding);
  const sum = (a: number[]): number =>
    fromQuanta(
      a.reduce((s, q) => s + q, 0),
      settings.rounding,
    );
  const formatOf = (kind: Kind): string => (kind === "text" ? "@" : kind === "money" ? fmt : "0");
  const right = { ...OUTPUT_STYLE.header, align: "right" as const };

  const cells: Row[] = [...sheetHeading("Run log", run), []];
  cells.push(
    COLUMNS.map((c) =>
      c.kind === "text" ? { ...OUTPUT_STYLE.header, v: c.label } : { ...right, v: c.label },
    ),
  );
  for (const values of previousRows(previousLog)) {
    cells.push(COLUMNS.map((c, k) => keep(values[k], formatOf(c.kind))));
  }
  const current: (string | number)[] = [
    isoTime(run.time),
    run.version,
    run.fingerprint.slice(0, 12),
    settings.currency,
    sum(grandTotal.direct),
    sum(grandTotal.psc),
    sum(grandTotal.total),
    allocation.instruments.length,
    allocation.lines.length,
  ];
  cells.push(COLUMNS.map((c, k) => keep(current[k], formatOf(c.kind))));
  return {
    name: "Log",
    cells,
    columnWidths: fitColumnWidths(cells, { min: 10, max: 24 }),
    freeze: { rows: HEADER_ROW, cols: 0 },
    print: outputPrintSetup([HEADER_ROW, HEADER_ROW], settings),
    tabColor: OUTPUT_STYLE.tabColor,
  };
}

/** One old value as an output cell in a column of the given format. */
function keep(value: CellValue | undefined, fmt: string): OutCell | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return { v: isoTime(value), fmt: "@" };
  if (isCellError(value)) return { v: value.error, fmt: "@" };
  if (isUncalculated(value)) return { v: `=${value.formula}`, fmt: "@" };
  if (typeof value === "string") return fmt === "@" ? { v: value, fmt } : safeText(value);
  if (typeof value === "boolean") return { v: value };
  return fmt === "@" ? { v: String(value), fmt } : { v: value, fmt };
}

/**
 * The run rows of an earlier Log, each as values in our column order. The header row is the
 * first row that holds "Time (UTC)" and "Input fingerprint"; a column we no longer write is
 * dropped, one we did not write then is left empty.
 */
function previousRows(log: SheetGrid | undefined): CellValue[][] {
  if (!log) return [];
  const wanted = COLUMNS.map((c) => normal(c.label));
  const headerIndex = log.rows.findIndex((row) => {
    const names = row.map(normal);
    return names.includes(wanted[0]) && names.includes(wanted[2]);
  });
  if (headerIndex < 0) return [];
  const header = log.rows[headerIndex].map(normal);
  const at = wanted.map((w) => header.indexOf(w));
  const out: CellValue[][] = [];
  for (const row of log.rows.slice(headerIndex + 1)) {
    if (!row.some((v) => v !== null && v !== "")) continue;
    out.push(at.map((k) => (k < 0 ? null : (row[k] ?? null))));
  }
  return out;
}
