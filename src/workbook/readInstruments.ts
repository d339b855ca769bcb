import type { Instrument } from "../engine/model";
import type { CellReader, CellRef } from "./cellReader";
import { plainNumber } from "./plainNumber";
import type { FoundSheet } from "./foundSheet";
import { instrumentCodeProblem } from "./instrumentCodeProblem";
import { normalizeName } from "./normalizeName";
import { parseNumberText } from "./parseNumberText";
import { columnLetter } from "./columnLetter";
import { isUncalculated } from "./grid";

/**
 * Reads the Instruments sheet: one instrument per row with a unique, well-formed code; Parties,
 * Budget and every other mostly-numeric column become the instrument's drivers.
 */
export function readInstruments(sheet: FoundSheet, reader: CellReader): Instrument[] {
  findDriverColumns(sheet);
  const instruments: Instrument[] = [];
  const seenAt = new Map<string, number>();
  for (const row of sheet.rows) {
    const codeRef = sheet.cell(row, "Code");
    if (codeRef === undefined) continue;
    const code = reader.requiredText(codeRef, "type the instrument's short code, e.g. CMS");
    const drivers: Record<string, number> = {};
    for (const field of ["Parties", "Budget"]) {
      const ref = sheet.cell(row, field);
      const value = ref === undefined ? undefined : driver(ref, reader);
      if (value !== undefined) drivers[field] = value;
    }
    for (const column of sheet.layout.driverColumns) {
      const value = driver(sheet.cellIn(row, column), reader);
      if (value !== undefined) drivers[column.field] = value;
    }
    const nameRef = sheet.cell(row, "Name");
    const typeRef = sheet.cell(row, "Type");
    const name = nameRef === undefined ? undefined : reader.text(nameRef);
    const type = typeRef === undefined ? undefined : reader.text(typeRef);
    if (code === undefined) continue;
    const invalid = instrumentCodeProblem(code);
    if (invalid !== undefined) {
      reader.report(codeRef, invalid);
      continue;
    }
    const earlier = seenAt.get(normalizeName(code));
    if (earlier !== undefined) {
      reader.report(
        codeRef,
        `Code '${code}' is used twice: also on row ${earlier}; give each instrument its own code`,
      );
      continue;
    }
    seenAt.set(normalizeName(code), row.row);
    instruments.push({
      code,
      name: name ?? code,
      type: type ?? "",
      drivers,
      source: { sheet: sheet.layout.sheet, row: row.row },
    });
  }
  return instruments;
}

/** The largest driver read: past it, sums of drivers lose the precision shares need (and 1e308 overflows). */
const MAX_DRIVER = 1e15;

function driver(ref: CellRef, reader: CellReader): number | undefined {
  const value = reader.number(ref);
  if (value !== undefined && value < 0) {
    reader.report(ref, `${ref.field} cannot be negative, found ${plainNumber(value)}`);
    return undefined;
  }
  if (value !== undefined && !(value < MAX_DRIVER)) {
    reader.report(
      ref,
      `${ref.field} must be below 1,000,000,000,000,000 (a thousand million million), found ${plainNumber(value)}`,
    );
    return undefined;
  }
  return value;
}

/** Every other column whose filled cells are mostly numbers is a driver (Staff, Area, Meetings, ...). */
function findDriverColumns(sheet: FoundSheet): void {
  const names = new Set(["parties", "budget"]);
  for (const { index, text } of sheet.freeHeaders()) {
    if (names.has(normalizeName(text))) continue;
    let numbers = 0;
    let others = 0;
    for (const row of sheet.rows) {
      const v = sheet.valueAt(row, index);
      // A formula never calculated may well be a number: counted so, its cells are then reported.
      if (
        typeof v === "number" ||
        isUncalculated(v) ||
        (typeof v === "string" && parseNumberText(v)?.percent === false)
      )
        numbers++;
      else if (typeof v === "string" ? v.trim() !== "" : typeof v === "boolean" || v instanceof Date)
        others++;
    }
    if (numbers > 0 && numbers > others) {
      names.add(normalizeName(text));
      sheet.layout.driverColumns.push({ field: text, header: text, column: columnLetter(index), index });
    }
  }
}
