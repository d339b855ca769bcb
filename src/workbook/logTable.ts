import type { CellValue, SheetGrid } from "./grid";

/** How a Log column's values are shown. */
export type LogKind = "text" | "money" | "count";

/** The Log's columns, in order, each with the key the code knows it by. */
export const LOG_COLUMNS = [
  { key: "run", label: "Run", kind: "count" },
  { key: "time", label: "Time (UTC)", kind: "text" },
  { key: "version", label: "Version", kind: "text" },
  { key: "fingerprint", label: "Input fingerprint", kind: "text" },
  { key: "status", label: "Status", kind: "text" },
  { key: "document", label: "Document", kind: "text" },
  { key: "currency", label: "Currency", kind: "text" },
  { key: "direct", label: "Direct", kind: "money" },
  { key: "psc", label: "PSC", kind: "money" },
  { key: "total", label: "Total", kind: "money" },
  { key: "instruments", label: "Instruments", kind: "count" },
  { key: "lines", label: "Lines", kind: "count" },
  { key: "changed", label: "Inputs changed", kind: "text" },
] as const satisfies readonly { key: string; label: string; kind: LogKind }[];

/** The key of a Log column. */
export type LogKey = (typeof LOG_COLUMNS)[number]["key"];

/** One run row of a Log as read back: its worksheet row and its values by column key. */
export interface LogRow {
  /** 1-based worksheet row. */
  row: number;
  values: Partial<Record<LogKey, CellValue>>;
  /** 1-based worksheet column of each column found, for problems that point at a cell. */
  columns: Partial<Record<LogKey, number>>;
}

/** Header text reduced to letters and digits, so "Time (UTC)" matches "time utc" and "TimeUTC". */
function normal(v: CellValue | undefined): string {
  return typeof v === "string" ? v.toLowerCase().replace(/[^a-z0-9]/g, "") : "";
}

/**
 * The run rows of a Log we wrote, wherever the officer moved or sorted them: the header row is the
 * first row that holds "Time (UTC)" and "Input fingerprint", columns are found by their headers
 * (a column we did not write then is absent), and every non-empty row below it is a run.
 */
export function readLogTable(log: SheetGrid): LogRow[] {
  const timeKey = normal("Time (UTC)");
  const fingerprintKey = normal("Input fingerprint");
  const headerIndex = log.rows.findIndex((row) => {
    const names = row.map(normal);
    return names.includes(timeKey) && names.includes(fingerprintKey);
  });
  if (headerIndex < 0) return [];
  const header = log.rows[headerIndex].map(normal);
  const at: Partial<Record<LogKey, number>> = {};
  for (const c of LOG_COLUMNS) {
    const k = header.indexOf(normal(c.label));
    if (k >= 0) at[c.key] = k;
  }
  const out: LogRow[] = [];
  log.rows.slice(headerIndex + 1).forEach((row, i) => {
    if (!row.some((v) => v !== null && v !== "")) return;
    const values: Partial<Record<LogKey, CellValue>> = {};
    const columns: Partial<Record<LogKey, number>> = {};
    for (const c of LOG_COLUMNS) {
      const k = at[c.key];
      if (k === undefined) continue;
      values[c.key] = row[k] ?? null;
      columns[c.key] = log.firstCol + k;
    }
    out.push({ row: log.firstRow + headerIndex + 1 + i, values, columns });
  });
  return out;
}
