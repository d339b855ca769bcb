import type { OpcPackage } from "../opc/OpcPackage";
import { XmlScanner } from "../xml/XmlScanner";
import { decodeRef } from "./readSheetCells";

/** An Excel table as its part describes it. */
export interface TablePart {
  /** The name Excel shows and formulas use (displayName), or its name when that is missing. */
  name: string;
  /** First and last row and column of the table's range, 1-based, totals row left out. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The table has a header row (headerRowCount is not 0). */
  header: boolean;
}

/**
 * The tables of a worksheet, from the table parts its relationships point at. A totals row is
 * not part of the table's data, so it is left out of the range.
 */
export function readTableParts(pkg: OpcPackage, sheetPart: string): TablePart[] {
  const tables: TablePart[] = [];
  for (const rel of pkg.rels(sheetPart)) {
    if (rel.kind !== "table" || rel.part === undefined || !pkg.has(rel.part)) continue;
    const sc = new XmlScanner(pkg.text(rel.part));
    if (!sc.seek("table")) continue;
    const ref = sc.attr("ref") ?? "";
    const [from, to = from] = ref.split(":");
    const a = decodeRef(from);
    const b = decodeRef(to);
    if (!a || !b) continue;
    const totals = Number(sc.attr("totalsRowCount") ?? "0");
    tables.push({
      name: sc.attr("displayName") ?? sc.attr("name") ?? "",
      top: a.row,
      left: a.col,
      bottom: b.row - (Number.isInteger(totals) && totals > 0 ? totals : 0),
      right: b.col,
      header: sc.attr("headerRowCount") !== "0",
    });
  }
  return tables;
}
