import { fromQuanta } from "../../engine/money";
import type { Problem } from "../../engine/problem";
import { columnLetter } from "../columnLetter";
import type { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import { readLogTable, type LogRow } from "../logTable";
import { readRunRecords, type ReadRecord, type UnreadableRecord } from "./readRunRecords";
import type { RunRecord } from "./runRecord";
import { RUN_RECORDS_SHEET } from "./runRecordsSheet";
import { wholeNumber } from "./wholeNumber";

/** A run as a row of the Log lists it. */
export interface LoggedRun {
  run: number;
  /** 1-based worksheet row of the Log. */
  row: number;
  /** The Status cell's text, as it stands. */
  status?: string;
}

/** What the workbook remembers of earlier runs: their records, and the Log's rows. */
export interface RunHistory {
  /** The records read back whole, by run number. */
  records: ReadRecord[];
  /** Records that could not be read; their rows are written back as they are. */
  unreadable: UnreadableRecord[];
  /** The Log's rows that carry a run number. */
  logged: LoggedRun[];
  /** The number this run gets: one more than any run the Log or the records know. */
  nextRun: number;
  /** Warnings about the history: an unreadable record, a Log row that disagrees with its record. */
  problems: Problem[];
}

/**
 * The runs this run is set against: the latest earlier run with a readable record, and the last
 * approved one (the same record when the latest was approved).
 */
export function latestAndApproved(history: RunHistory): { latest?: RunRecord; approved?: RunRecord } {
  const records = history.records.map((r) => r.record);
  const latest = records[records.length - 1];
  const approved = [...records].reverse().find((r) => r.status === "Approved");
  return { ...(latest ? { latest } : {}), ...(approved ? { approved } : {}) };
}

/**
 * Reads what earlier runs left in the workbook — the Log and the hidden Run records sheet, each
 * only when it carries our mark — and checks them against each other. An unreadable record, or
 * a Log cell that says otherwise than its run's record, is a warning at its cell: the record
 * counts, since the next run compares with it, and nothing is guessed.
 */
export function readRunHistory(grids: WorkbookGrids): RunHistory {
  const owned = new Set(grids.ownedSheets.map((s) => s.toLowerCase()));
  const ours = (name: string): SheetGrid | undefined =>
    owned.has(name.toLowerCase())
      ? grids.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
      : undefined;
  const log = ours("Log");
  const recordsSheet = ours(RUN_RECORDS_SHEET);
  const { records, unreadable } = recordsSheet
    ? readRunRecords(recordsSheet)
    : { records: [], unreadable: [] };
  const problems: Problem[] = unreadable.map((u) => ({
    severity: "warning" as const,
    sheet: recordsSheet?.name ?? RUN_RECORDS_SHEET,
    cell: `A${u.rows[0]}`,
    message:
      `${u.run !== undefined ? `The record of run ${u.run}` : "A record"} (${rowList(u.rows)}) cannot be read: ${u.reason}. ` +
      "It is kept as it is, and no comparison uses it.",
  }));
  const rows = log ? readLogTable(log) : [];
  const logged: LoggedRun[] = [];
  const byRun = new Map(records.map((r) => [r.record.run, r.record]));
  const seen = new Map<number, number>();
  for (const row of rows) {
    const run = wholeNumber(row.values.run);
    if (run === undefined) continue;
    const status = typeof row.values.status === "string" ? row.values.status.trim() : undefined;
    logged.push({ run, row: row.row, ...(status ? { status } : {}) });
    const at = (key: keyof LogRow["columns"]) => `${columnLetter(row.columns[key] ?? 1)}${row.row}`;
    const earlier = seen.get(run);
    if (earlier !== undefined) {
      problems.push(
        warning(
          log as SheetGrid,
          at("run"),
          `Run ${run} is listed twice in the Log, also on row ${earlier}.`,
        ),
      );
      continue;
    }
    seen.set(run, row.row);
    const record = byRun.get(run);
    if (record !== undefined) problems.push(...disagreements(log as SheetGrid, row, record, at));
  }
  const numbers = [
    ...records.map((r) => r.record.run),
    ...unreadable.flatMap((u) => u.run ?? []),
    ...logged.map((l) => l.run),
  ];
  return { records, unreadable, logged, nextRun: Math.max(0, ...numbers) + 1, problems };
}

/** Warnings for the cells of a Log row that say otherwise than the run's record. */
function disagreements(
  log: SheetGrid,
  row: LogRow,
  record: RunRecord,
  at: (key: keyof LogRow["columns"]) => string,
): Problem[] {
  const out: Problem[] = [];
  const said = (v: CellValue | undefined): string => {
    if (typeof v === "string") return v.trim();
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (v instanceof Date) return v.toISOString();
    if (v === null || v === undefined) return "";
    return "error" in v ? v.error : `=${v.formula}`;
  };
  const tell = (key: keyof LogRow["columns"], what: string, recorded: string, written: string) =>
    out.push(
      warning(
        log,
        at(key),
        `Run ${record.run} was recorded with ${what} ${recorded || "(none)"}, but the Log says ${written || "(nothing)"}. ` +
          "The record is what later runs compare with; a run's status and document are set in Settings (Status, DocumentSymbol) before it runs.",
      ),
    );
  if (
    row.columns.status !== undefined &&
    said(row.values.status).toLowerCase() !== record.status.toLowerCase()
  )
    tell("status", "the status", record.status, said(row.values.status));
  if (row.columns.document !== undefined && said(row.values.document) !== (record.documentSymbol ?? ""))
    tell("document", "the document", record.documentSymbol ?? "", said(row.values.document));
  if (row.columns.total !== undefined) {
    const f = record.figures;
    const total = fromQuanta(
      Object.values(f.byInstrument).reduce((s, x) => s + x.total, 0),
      f.rounding,
    );
    const v = row.values.total;
    if (typeof v !== "number" || Math.abs(v - total) > f.rounding / 2)
      tell("total", "the total", String(total), said(v));
  }
  return out;
}

function warning(log: SheetGrid, cell: string, message: string): Problem {
  return { severity: "warning", sheet: log.name, cell, message };
}

/** "row 12" or "rows 12–14" (or a list when they are not together). */
function rowList(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  if (sorted.length === 1) return `row ${sorted[0]}`;
  const together = sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1);
  return together ? `rows ${sorted[0]}\u2013${sorted[sorted.length - 1]}` : `rows ${sorted.join(", ")}`;
}
