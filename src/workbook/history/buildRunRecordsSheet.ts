import type { CellValue, OutCell, OutputSheet } from "../grid";
import { OUTPUT_STYLE } from "../outputStyle";
import type { RunInfo } from "../runInfo";
import { safeText } from "../safeText";
import { sheetHeading } from "../sheetHeading";
import { asciiSha256 } from "./asciiSha256";
import { RECORD_CHUNK, RECORD_COLUMNS, RUN_RECORDS_SHEET } from "./runRecordsSheet";

/** A record to write: its run number and its JSON text (encodeRunRecord). */
export interface RecordText {
  run: number;
  text: string;
}

/**
 * The hidden Run records sheet: under a header, each run's record split into parts of at most
 * RECORD_CHUNK characters, one row a part, each row carrying the run's number, its part number,
 * the number of parts and the SHA-256 of the whole text, so that the record reads back whatever
 * order the rows are in, and any change to it is seen. `kept` are rows of records this version
 * could not read, written back as they were so that nothing is lost.
 */
export function buildRunRecordsSheet(
  records: readonly RecordText[],
  kept: readonly CellValue[][],
  run: RunInfo,
): OutputSheet {
  const cells: (OutCell | null)[][] = [
    ...sheetHeading("Run records", run),
    [
      {
        v:
          "What each run kept of itself so that the next run can show what changed (the Changes sheet). " +
          "A record that no longer matches its checksum is reported and not used.",
        ...OUTPUT_STYLE.note,
      },
    ],
    RECORD_COLUMNS.map((label) => ({ ...OUTPUT_STYLE.header, v: label })),
  ];
  for (const { run: number, text } of records) {
    const checksum = asciiSha256(text);
    const parts = Math.max(1, Math.ceil(text.length / RECORD_CHUNK));
    for (let p = 0; p < parts; p++) {
      cells.push([
        { v: number, fmt: "0" },
        { v: p + 1, fmt: "0" },
        { v: parts, fmt: "0" },
        { v: checksum, fmt: "@" },
        { ...safeText(text.slice(p * RECORD_CHUNK, (p + 1) * RECORD_CHUNK)), fmt: "@" },
      ]);
    }
  }
  for (const row of kept) cells.push(row.map(keptCell));
  return {
    name: RUN_RECORDS_SHEET,
    cells,
    columnWidths: [8, 8, 8, 20, 80],
    freeze: { rows: 4, cols: 0 },
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, footer: "Page &P of &N" },
    hidden: true,
  };
}

/** A cell of a record this version could not read, as it was: text stays text, numbers numbers. */
function keptCell(value: CellValue): OutCell | null {
  if (value === null || value === "") return null;
  if (typeof value === "number" || typeof value === "boolean") return { v: value };
  if (typeof value === "string") return { v: value, fmt: "@" };
  if (value instanceof Date) return { v: value.toISOString(), fmt: "@" };
  return { v: "error" in value ? value.error : `=${value.formula}`, fmt: "@" };
}
