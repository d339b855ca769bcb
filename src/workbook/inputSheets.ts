import { RUN_RECORDS_SHEET } from "./history/runRecordsSheet";
import { CONTRACT, type InputMapping } from "./inputMapping";
import { normalizeName } from "./normalizeName";

/** What an adapter knows of a workbook before it reads any cell: its sheets, its tables, our marks. */
export interface WorkbookIndex {
  /** Sheet names, in tab order. */
  sheets: readonly string[];
  /** Tables (ListObjects) with the sheet that holds each. */
  tables: readonly { name: string; sheet: string }[];
  /** Sheets that carry our ownership mark. */
  ownedSheets: readonly string[];
}

/** The cells the workbook layer may use: everything else in a workbook is known by name only. */
export interface InputSheets {
  /** Sheets whose used range is read, in tab order. */
  sheets: string[];
  /** Tables on sheets not in `sheets` that are read by their own range alone. */
  tables: string[];
}

/**
 * The sheets and tables of a workbook that readWorkbook and the Log can use, so that an adapter
 * reads those and leaves the rest (a ledger, a data dump) unread: every sheet or table named as a
 * contract sheet or one of its aliases (tables also with a "tbl" prefix), every sheet or table the
 * officer's mapping names, the Log we wrote (the next Log keeps its rows) and the hidden Run
 * records (the next run compares with them). It is the same test
 * locateSheet applies, made wider (all matches, not the first), so whatever locateSheet chooses
 * has been read; our other output sheets are never input.
 */
export function inputSheets(index: WorkbookIndex, mapping?: InputMapping): InputSheets {
  const owned = new Set(index.ownedSheets);
  const wanted = new Set<string>();
  for (const contract of CONTRACT) {
    for (const name of [contract.name, ...contract.aliases]) wanted.add(normalizeName(name));
  }
  const mapped = new Set<string>();
  const exact = new Set<string>();
  for (const entry of Object.values(mapping ?? {})) {
    // The mapping is JSON kept in the workbook, where anyone may have edited it.
    const source: unknown = typeof entry === "object" && entry !== null ? entry.source : undefined;
    if (typeof source !== "string" || source.trim() === "") continue;
    exact.add(source.trim());
    mapped.add(normalizeName(source));
  }
  const isInput = (name: string, table: boolean): boolean => {
    const key = normalizeName(name);
    const bare = table && key.startsWith("tbl") ? key.slice(3) : key;
    return exact.has(name) || mapped.has(key) || wanted.has(key) || (table && wanted.has(bare));
  };
  // Of our own sheets, the Log (the next Log keeps its rows) and the Run records (the next run compares with them).
  const history = new Set(["log", RUN_RECORDS_SHEET.toLowerCase()]);
  const sheets = index.sheets.filter((s) =>
    owned.has(s) ? history.has(s.toLowerCase()) : isInput(s, false),
  );
  const read = new Set(sheets);
  const tables = index.tables
    .filter((t) => !owned.has(t.sheet) && !read.has(t.sheet) && isInput(t.name, true))
    .map((t) => t.name);
  return { sheets, tables };
}
