import type { CellValue, SheetGrid } from "../grid";
import { asciiSha256 } from "./asciiSha256";
import { decodeRunRecord } from "./decodeRunRecord";
import type { RunRecord } from "./runRecord";
import { RECORD_COLUMNS } from "./runRecordsSheet";
import { wholeNumber } from "./wholeNumber";

/** A record read back whole: the record and its text as stored (written again as it is). */
export interface ReadRecord {
  record: RunRecord;
  text: string;
}

/** Rows of the records sheet that do not make a record this version can read with certainty. */
export interface UnreadableRecord {
  /** The run number the rows carry, when they carry one. */
  run?: number;
  /** 1-based worksheet rows. */
  rows: number[];
  reason: string;
  /** The rows' cells as read, to be written back as they are. */
  cells: CellValue[][];
}

/** What the records sheet holds. */
export interface RunRecords {
  records: ReadRecord[];
  unreadable: UnreadableRecord[];
}

/**
 * Reads the Run records sheet: finds its header, groups the rows by run number whatever their
 * order, and for each run checks that every part is there once, that the parts agree on their
 * number and checksum, that the joined text has that checksum, and that it decodes. Anything else
 * is an unreadable record with its reason: reported, never guessed at.
 */
export function readRunRecords(grid: SheetGrid): RunRecords {
  const wanted = RECORD_COLUMNS.map((c) => c.toLowerCase());
  const headerIndex = grid.rows.findIndex((row) =>
    wanted.every((w) => row.some((v) => typeof v === "string" && v.trim().toLowerCase() === w)),
  );
  const records: ReadRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  if (headerIndex < 0) {
    const filled = grid.rows.flatMap((row, i) =>
      isEmpty(row) ? [] : [{ row: grid.firstRow + i, cells: row }],
    );
    if (filled.length > 0) {
      unreadable.push({
        rows: filled.map((r) => r.row),
        reason: "its header row (Run, Part, Parts, Checksum, Record) is gone",
        cells: filled.map((r) => [...r.cells]),
      });
    }
    return { records, unreadable };
  }
  const header = grid.rows[headerIndex].map((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""));
  const [runAt, partAt, partsAt, sumAt, textAt] = wanted.map((w) => header.indexOf(w));
  const groups = new Map<number | undefined, { row: number; cells: CellValue[] }[]>();
  grid.rows.slice(headerIndex + 1).forEach((cells, i) => {
    if (isEmpty(cells)) return;
    const run = wholeNumber(cells[runAt]);
    const group = groups.get(run) ?? [];
    group.push({ row: grid.firstRow + headerIndex + 1 + i, cells: [...cells] });
    groups.set(run, group);
  });
  for (const [run, rows] of groups) {
    const fail = (reason: string) =>
      unreadable.push({
        ...(run !== undefined ? { run } : {}),
        rows: rows.map((r) => r.row),
        reason,
        cells: rows.map((r) => r.cells),
      });
    if (run === undefined) {
      fail("these rows carry no run number");
      continue;
    }
    const parts = wholeNumber(rows[0].cells[partsAt]);
    const checksum = rows[0].cells[sumAt];
    if (parts === undefined || parts < 1 || typeof checksum !== "string") {
      fail("its number of parts or its checksum is missing");
      continue;
    }
    const texts = new Array<string | undefined>(parts);
    let consistent = rows.length === parts;
    for (const r of rows) {
      const part = wholeNumber(r.cells[partAt]);
      const text = r.cells[textAt];
      if (
        part === undefined ||
        part < 1 ||
        part > parts ||
        texts[part - 1] !== undefined ||
        wholeNumber(r.cells[partsAt]) !== parts ||
        r.cells[sumAt] !== checksum ||
        typeof text !== "string"
      ) {
        consistent = false;
        break;
      }
      texts[part - 1] = text;
    }
    if (!consistent) {
      fail("its parts are missing, repeated or do not agree");
      continue;
    }
    const text = texts.join("");
    // The record is written in ASCII: anything else, or another checksum, means it was changed.
    if (/[^\x20-\x7e]/.test(text) || asciiSha256(text) !== checksum) {
      fail("it was changed after costshare wrote it (its checksum does not match)");
      continue;
    }
    const decoded = decodeRunRecord(text);
    if ("reason" in decoded) fail(decoded.reason);
    else if (decoded.record.run !== run) fail("its run number does not match the record");
    else records.push({ record: decoded.record, text });
  }
  records.sort((a, b) => a.record.run - b.record.run);
  return { records, unreadable };
}

function isEmpty(row: readonly CellValue[]): boolean {
  return !row.some((v) => v !== null && v !== "");
}
