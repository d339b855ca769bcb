import { XlsxPackageError } from "../errors";
import { escapeXml } from "../xml/escapeXml";
import { spliceText, type TextEdit } from "../xml/spliceText";
import { END, START, XmlScanner } from "../xml/XmlScanner";

/** A sheet to add to the workbook part's list. */
export interface NewSheet {
  name: string;
  sheetId: number;
  relId: string;
}

/** A defined name to write. */
export interface NameToWrite {
  name: string;
  localSheetId?: number;
  text: string;
}

/** What changes in the workbook part. */
export interface WorkbookEdit {
  /** Sheets appended to the list, in order. */
  add: NewSheet[];
  /** True for each existing defined name (by name and sheet scope) that goes. */
  dropName: (name: string, localSheetId: number | undefined) => boolean;
  /** Defined names added. */
  names: NameToWrite[];
}

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Children of workbook that the schema puts after definedNames: a new definedNames goes before the first of them. */
const AFTER_DEFINED_NAMES = new Set([
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
]);

/**
 * The workbook part with sheets appended to its list and its defined names edited; every other
 * byte stays as it was (the same prefixes, the same order, the user's names untouched).
 */
export function editWorkbookXml(xml: string, edit: WorkbookEdit): string {
  const sc = new XmlScanner(xml);
  if (!sc.seek("workbook")) throw new XlsxPackageError("the workbook part has no workbook element");
  const colon = sc.name.indexOf(":");
  const prefix = colon < 0 ? "" : sc.name.slice(0, colon + 1);
  const rPrefix = sc
    .attributes()
    .find(([n, v]) => n.startsWith("xmlns:") && v === RELATIONSHIPS_NS)?.[0]
    .slice(6);
  let sheetsClose = -1;
  let names: { start: number; end: number; selfClosing: boolean; openEnd: number } | undefined;
  const kept: string[] = [];
  let insertNamesAt = -1;
  for (let k = sc.next(); k !== 0; k = sc.next()) {
    if (k === END) {
      if (sc.local === "sheets") sheetsClose = sc.start;
      if (sc.local === "workbook" && insertNamesAt < 0) insertNamesAt = sc.start;
      continue;
    }
    if (k !== START) continue;
    if (sc.local === "definedNames") {
      names = { start: sc.start, end: sc.end, selfClosing: sc.selfClosing, openEnd: sc.end };
      if (!sc.selfClosing) {
        for (let c = sc.next(); c !== END || sc.local !== "definedNames"; c = sc.next()) {
          if (c === 0) throw new XlsxPackageError("the workbook's defined names are cut short");
          if (c !== START) continue;
          const from = sc.start;
          const name = sc.attr("name") ?? "";
          const local = sc.attr("localSheetId");
          sc.skipElement();
          if (!edit.dropName(name, local === undefined ? undefined : Number(local)))
            kept.push(xml.slice(from, sc.end));
        }
        names.end = sc.end;
      }
      continue;
    }
    if (sc.local === "sheets") {
      if (sc.selfClosing) throw new XlsxPackageError("the workbook lists no sheets");
      continue;
    }
    if (AFTER_DEFINED_NAMES.has(sc.local) && insertNamesAt < 0) insertNamesAt = sc.start;
    if (sc.local !== "sheet" && sc.local !== "workbook") sc.skipElement();
  }
  if (sheetsClose < 0) throw new XlsxPackageError("the workbook lists no sheets");

  const r = rPrefix ?? "r";
  const declare = rPrefix === undefined ? ` xmlns:r="${RELATIONSHIPS_NS}"` : "";
  const sheetsXml = edit.add
    .map(
      (s) =>
        `<${prefix}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${declare} ${r}:id="${s.relId}"/>`,
    )
    .join("");
  const namesXml = edit.names
    .map(
      (n) =>
        `<${prefix}definedName name="${escapeXml(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ""}>${escapeXml(n.text)}</${prefix}definedName>`,
    )
    .join("");
  const allNames = kept.join("") + namesXml;
  const namesElement = allNames === "" ? "" : `<${prefix}definedNames>${allNames}</${prefix}definedNames>`;

  const edits: TextEdit[] = [{ at: sheetsClose, to: sheetsClose, text: sheetsXml }];
  if (names) edits.push({ at: names.start, to: names.end, text: namesElement });
  else if (namesElement !== "") edits.push({ at: insertNamesAt, to: insertNamesAt, text: namesElement });
  return spliceText(xml, edits);
}
