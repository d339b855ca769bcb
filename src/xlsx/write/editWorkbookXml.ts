import { XlsxPackageError } from "../errors";
import { escapeXml } from "../xml/escapeXml";
import { spliceText, type TextEdit } from "../xml/spliceText";
import { END, START, XmlScanner } from "../xml/XmlScanner";

/** A sheet to add to the workbook part's list. */
export interface NewSheet {
  name: string;
  sheetId: number;
  relId: string;
  /** Listed with state="hidden" (the Run records): the officer can unhide it. */
  hidden?: boolean;
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
  /**
   * The state an existing sheet (by its 0-based position) must be listed with, or undefined to
   * leave its entry as it is: a sheet of ours that is replaced takes the state its output asks for.
   */
  sheetState?: (index: number) => "hidden" | "visible" | undefined;
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
  const stateEdits: TextEdit[] = [];
  let sheetIndex = 0;
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
    if (sc.local === "sheet") {
      const wanted = edit.sheetState?.(sheetIndex++);
      if (wanted !== undefined) {
        const tag = xml.slice(sc.start, sc.end);
        const retagged = withState(tag, wanted);
        if (retagged !== tag) stateEdits.push({ at: sc.start, to: sc.end, text: retagged });
      }
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
        `<${prefix}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.hidden === true ? ' state="hidden"' : ""}${declare} ${r}:id="${s.relId}"/>`,
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

  const edits: TextEdit[] = [...stateEdits, { at: sheetsClose, to: sheetsClose, text: sheetsXml }];
  if (names) edits.push({ at: names.start, to: names.end, text: namesElement });
  else if (namesElement !== "") edits.push({ at: insertNamesAt, to: insertNamesAt, text: namesElement });
  return spliceText(xml, edits);
}

/**
 * A sheet's start tag listing it in `state`: a visible sheet has no state attribute (visible is
 * the default), a hidden one state="hidden"; every other attribute stays as it was written.
 */
function withState(tag: string, state: "hidden" | "visible"): string {
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  // Past the element's name, attributes are name = "value" or 'value', separated by white space.
  let p = tag.search(/[\s/>]/);
  while (p < close) {
    const from = p;
    while (p < close && /\s/.test(tag[p])) p++;
    const eq = tag.indexOf("=", p);
    if (eq < 0 || eq >= close) break;
    const name = tag.slice(p, eq).trim();
    let q = eq + 1;
    while (/\s/.test(tag[q])) q++;
    const quote = tag[q];
    const end = tag.indexOf(quote, q + 1);
    if ((quote !== '"' && quote !== "'") || end < 0) break;
    p = end + 1;
    if (name !== "state") continue;
    const value = tag.slice(q + 1, end);
    if (state === "visible") return tag.slice(0, from) + tag.slice(p);
    return value === "hidden" ? tag : `${tag.slice(0, q + 1)}hidden${tag.slice(end)}`;
  }
  return state === "visible" ? tag : `${tag.slice(0, close).trimEnd()} state="hidden"${tag.slice(close)}`;
}
