import type { OpcPackage, Relationship } from "../opc/OpcPackage";
import { START, TEXT, END, XmlScanner } from "../xml/XmlScanner";

/** A sheet as the workbook part lists it. */
export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  /** The relationship kind: "worksheet", "chartsheet", "dialogsheet", "macrosheet" (or "" when the relationship is missing). */
  kind: string;
  /** The sheet's part, when its relationship resolves to one in the package. */
  part?: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
}

/** A defined name of the workbook. */
export interface DefinedName {
  name: string;
  /** The 0-based position of the sheet a local name belongs to; absent for a workbook-scope name. */
  localSheetId?: number;
  /** The formula it refers to, without "=". */
  text: string;
}

/** What the workbook part says about the whole workbook. */
export interface WorkbookPart {
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  /** The workbook counts dates from 1904 (Mac Excel's old system). */
  date1904: boolean;
  /**
   * The producer asks for every formula to be recalculated on opening, so its saved results are
   * not to be trusted: openpyxl and xlsxwriter set it, and xlsxwriter saves 0 as every formula's result.
   */
  fullCalcOnLoad: boolean;
  /** The workbook part's relationships. */
  rels: Relationship[];
  /** True for a Strict Open XML workbook (ISO 29500 strict namespaces). */
  strict: boolean;
}

/** Reads the workbook part: sheets in tab order with their parts, defined names, date system. */
export function readWorkbookPart(pkg: OpcPackage, workbookPart: string): WorkbookPart {
  const xml = pkg.text(workbookPart);
  const rels = pkg.rels(workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let fullCalcOnLoad = false;
  const sc = new XmlScanner(xml);
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k !== START) continue;
    switch (sc.local) {
      case "workbookPr":
        date1904 = isTrue(sc.attr("date1904"));
        break;
      case "calcPr":
        fullCalcOnLoad = isTrue(sc.attr("fullCalcOnLoad"));
        break;
      case "sheet": {
        const relId = sc.attrLocal("id") ?? "";
        const rel = byId.get(relId);
        sheets.push({
          name: sc.attr("name") ?? "",
          sheetId: sc.attr("sheetId") ?? "",
          relId,
          kind: rel?.kind ?? "",
          ...(rel?.part !== undefined && pkg.has(rel.part) ? { part: pkg.find(rel.part) } : {}),
          state: sc.attr("state") ?? "visible",
        });
        break;
      }
      case "definedName": {
        const name = sc.attr("name") ?? "";
        const local = sc.attr("localSheetId");
        definedNames.push({
          name,
          ...(local !== undefined ? { localSheetId: Number(local) } : {}),
          text: readNameText(sc),
        });
        break;
      }
      default:
        break;
    }
  }
  return {
    sheets,
    definedNames,
    date1904,
    fullCalcOnLoad,
    rels,
    strict: xml.includes("http://purl.oclc.org/ooxml/spreadsheetml/main"),
  };
}

/** The text of a definedName element, leaving the scanner on its end tag. */
function readNameText(sc: XmlScanner): string {
  if (sc.selfClosing) return "";
  let text = "";
  for (let k = sc.next(); k !== END; k = sc.next()) {
    if (k === TEXT) text += sc.text();
    else if (k === 0) break;
  }
  return text;
}

/** An xsd:boolean attribute. */
export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}
