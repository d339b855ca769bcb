import { ForeignSheetError } from "../../workbook/errors";
import type { OutCell, OutputSheet } from "../../workbook/grid";
import { ownershipName, ownershipRefersTo } from "../../workbook/ownership";
import { OpcPackage, relativeTarget } from "../opc/OpcPackage";
import type { SheetEntry, WorkbookPart } from "../read/readWorkbookPart";
import { escapeXml } from "../xml/escapeXml";
import { editAppProps } from "./editAppProps";
import { editListXml } from "./editListXml";
import { editWorkbookXml, type NameToWrite, type NewSheet } from "./editWorkbookXml";
import { OutputStyles } from "./OutputStyles";
import { renderSheet } from "./renderSheet";

/** The package and what is known of it, as XlsxWorkbook holds them. */
export interface PackageState {
  pkg: OpcPackage;
  workbookPart: string;
  workbook: WorkbookPart;
  /** Names of the sheets that carry our ownership mark. */
  owned: string[];
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
/** Built-in names that belong to one sheet and describe its layout: they go with a sheet we replace. */
const SHEET_LAYOUT_NAMES = new Set(["_xlnm.print_titles", "_xlnm.print_area", "_xlnm._filterdatabase"]);

/** Where one output sheet goes. */
interface Placement {
  sheet: OutputSheet;
  part: string;
  /** Its position among all sheets (localSheetId). */
  index: number;
  /** Set for a sheet of ours that is replaced where it stands. */
  replaces?: SheetEntry;
  /** Set for a new sheet. */
  added?: NewSheet;
}

/**
 * Writes the output sheets into the package: a sheet of ours is replaced in its part and place, a
 * new sheet is appended; the workbook part, its relationships, the content types, the style sheet
 * (for our cell formats) and docProps/app.xml change only as much as listing our sheets needs.
 * A replaced sheet's old relationships, the parts only they reached, and the calculation chain
 * (Excel rebuilds it) go. Everything is computed first and committed at once, so a fault leaves
 * the package as it was.
 */
export function applyOutputs(
  state: PackageState,
  sheets: OutputSheet[],
  onProgress?: (fraction: number) => void,
): void {
  const { pkg, workbookPart, workbook } = state;
  const placements = place(state, sheets);
  const edit = pkg.begin();

  const stylesRel = workbook.rels.find((r) => r.kind === "styles" && r.part !== undefined && pkg.has(r.part));
  const stylesPart = stylesRel?.part ?? `${folderOf(workbookPart)}styles.xml`;
  const styles = new OutputStyles(stylesRel ? pkg.text(stylesPart) : undefined);
  const xfOf = (oc: OutCell) => styles.xfOf(oc);
  placements.forEach((p, i) => {
    // Each sheet is packed as it is rendered: a large one is never held whole as text.
    const writer = edit.writer(p.part);
    renderSheet(p.sheet, xfOf, (xml) => writer.write(xml));
    writer.close();
    onProgress?.((i + 1) / (placements.length + 1));
  });
  const stylesXml = styles.toXml();

  const replaced = placements.filter((p) => p.replaces !== undefined);
  const added = placements.filter((p): p is Placement & { added: NewSheet } => p.added !== undefined);
  const calcChain = replaced.length > 0 ? workbook.rels.find((r) => r.kind === "calcChain") : undefined;
  const newRels = added.map((p) => ({
    id: p.added.relId,
    kind: "worksheet",
    target: relativeTarget(workbookPart, p.part),
  }));
  if (styles.created)
    newRels.push({
      id: freshRelId(workbook, sheets.length),
      kind: "styles",
      target: relativeTarget(workbookPart, stylesPart),
    });

  const writing = new Set(placements.map((p) => ownershipName(p.sheet.name)));
  const replacedIndexes = new Set(replaced.map((p) => p.index));
  const names: NameToWrite[] = placements.flatMap((p) => [
    { name: ownershipName(p.sheet.name), text: ownershipRefersTo(p.sheet.name) },
    ...(p.sheet.print?.repeatRows
      ? [
          {
            name: "_xlnm.Print_Titles",
            localSheetId: p.index,
            text: `'${p.sheet.name.replace(/'/g, "''")}'!$${p.sheet.print.repeatRows[0]}:$${p.sheet.print.repeatRows[1]}`,
          },
        ]
      : []),
  ]);
  const stateOf = new Map(
    replaced.map((p) => [p.index, p.sheet.hidden === true ? "hidden" : "visible"] as const),
  );
  const workbookXml = editWorkbookXml(pkg.text(workbookPart), {
    add: added.map((p) => p.added),
    sheetState: (index) => stateOf.get(index),
    dropName: (name, local) =>
      local === undefined
        ? writing.has(name)
        : replacedIndexes.has(local) && SHEET_LAYOUT_NAMES.has(name.toLowerCase()),
    names,
  });

  const relsPart = OpcPackage.relsPartOf(workbookPart);
  const relsXml = editListXml(
    pkg.has(relsPart)
      ? pkg.text(relsPart)
      : `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`,
    (attr) => calcChain !== undefined && attr("Id") === calcChain.id,
    (prefix) =>
      newRels
        .map(
          (r) =>
            `<${prefix}Relationship Id="${r.id}" Type="${REL}/${r.kind}" Target="${escapeXml(r.target)}"/>`,
        )
        .join(""),
  );

  // Parts that only a replaced sheet reached go with it; so does the calculation chain.
  const removed = new Set<string>();
  if (calcChain?.part !== undefined && pkg.has(calcChain.part))
    removed.add(pkg.find(calcChain.part) ?? calcChain.part);
  for (const p of replaced) {
    const rels = OpcPackage.relsPartOf(p.part);
    if (pkg.has(rels)) removed.add(pkg.find(rels) ?? rels);
  }
  const orphans =
    replaced.length > 0
      ? orphanedBy(
          pkg,
          replaced.map((p) => p.part),
        )
      : [];
  for (const o of orphans) {
    removed.add(o);
    const rels = OpcPackage.relsPartOf(o);
    if (pkg.has(rels)) removed.add(pkg.find(rels) ?? rels);
  }

  const typesXml = editListXml(
    pkg.text("[Content_Types].xml"),
    (attr) => {
      const name = attr("PartName");
      return name !== undefined && removed.has(pkg.find(name) ?? "\u0000");
    },
    (prefix) =>
      [
        ...added.map((p) => ({ part: p.part, type: WORKSHEET_TYPE })),
        ...(styles.created ? [{ part: stylesPart, type: STYLES_TYPE }] : []),
      ]
        .map((o) => `<${prefix}Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`)
        .join(""),
  );

  const appPart = pkg.rels("").find((r) => r.kind === "extended-properties")?.part;
  const worksheetNames = workbook.sheets.filter((s) => s.kind === "worksheet").map((s) => s.name);
  const appXml =
    appPart !== undefined && pkg.has(appPart)
      ? editAppProps(
          pkg.text(appPart),
          worksheetNames,
          added.map((p) => p.sheet.name),
        )
      : undefined;

  edit.set(workbookPart, workbookXml);
  edit.set(relsPart, relsXml);
  edit.set("[Content_Types].xml", typesXml);
  if (stylesXml !== undefined) edit.set(stylesPart, stylesXml);
  if (appXml !== undefined && appPart !== undefined) edit.set(appPart, appXml);
  for (const part of removed) edit.remove(part);
  // Nothing above touched the package: the changes land together.
  edit.commit();
  onProgress?.(1);
}

/** Decides where each output sheet goes; throws ForeignSheetError when a name is taken by a sheet of the user's. */
function place(state: PackageState, sheets: OutputSheet[]): Placement[] {
  const { pkg, workbook, workbookPart } = state;
  const owned = new Set(state.owned);
  const existing = new Map(workbook.sheets.map((s, i) => [s.name.toLowerCase(), { entry: s, index: i }]));
  const foreign = sheets
    .map((s) => existing.get(s.name.toLowerCase()))
    .filter(
      (e) =>
        e !== undefined &&
        !(owned.has(e.entry.name) && e.entry.part !== undefined && e.entry.kind === "worksheet"),
    )
    .map((e) => e?.entry.name ?? "");
  if (foreign.length > 0) throw new ForeignSheetError(foreign);

  let sheetId = workbook.sheets.reduce((m, s) => Math.max(m, Number(s.sheetId) || 0), 0);
  let index = workbook.sheets.length;
  const taken = new Set(pkg.partNames().map((n) => n.toLowerCase()));
  let n = 1;
  const placements: Placement[] = [];
  sheets.forEach((sheet, i) => {
    const old = existing.get(sheet.name.toLowerCase());
    if (old?.entry.part !== undefined) {
      placements.push({ sheet, part: old.entry.part, index: old.index, replaces: old.entry });
      return;
    }
    while (taken.has(`${folderOf(workbookPart)}worksheets/sheet${n}.xml`.toLowerCase())) n++;
    const part = `${folderOf(workbookPart)}worksheets/sheet${n}.xml`;
    taken.add(part.toLowerCase());
    placements.push({
      sheet,
      part,
      index: index++,
      added: {
        name: sheet.name,
        sheetId: ++sheetId,
        relId: freshRelId(workbook, i),
        ...(sheet.hidden === true ? { hidden: true } : {}),
      },
    });
  });
  return placements;
}

/** A relationship id for the workbook part that none of its relationships has: rId<n> past the highest. */
function freshRelId(workbook: WorkbookPart, offset: number): string {
  const highest = workbook.rels.reduce(
    (m, r) => Math.max(m, /^rId(\d+)$/.exec(r.id) ? Number(r.id.slice(3)) : 0),
    0,
  );
  return `rId${highest + 1 + offset}`;
}

/** The folder of a part, with its trailing slash ("xl/"). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/**
 * The parts that the given sheets' relationships reach (directly or further on) and that no other
 * part of the package reaches: what replacing those sheets leaves behind.
 */
function orphanedBy(pkg: OpcPackage, sheets: string[]): string[] {
  const gone = new Set(sheets.map((s) => s.toLowerCase()));
  const reach = (starts: string[], skip: Set<string>): Set<string> => {
    const seen = new Set<string>();
    const queue = [...starts];
    while (queue.length > 0) {
      const part = queue.pop() as string;
      for (const r of pkg.rels(part)) {
        const target = r.part !== undefined ? pkg.find(r.part) : undefined;
        if (target === undefined || seen.has(target.toLowerCase()) || skip.has(target.toLowerCase()))
          continue;
        seen.add(target.toLowerCase());
        queue.push(target);
      }
    }
    return seen;
  };
  const fromSheets = reach(sheets, new Set());
  // Everything else still reaches what it did; the replaced sheets themselves are not followed.
  const fromRoot = reach([""], gone);
  return [...fromSheets].filter((p) => !fromRoot.has(p) && !gone.has(p)).map((p) => pkg.find(p) ?? p);
}
