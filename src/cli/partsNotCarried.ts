import JSZip from "jszip";

/** Parts of an .xlsx package that ExcelJS reads past and does not write back, by folder. */
const NOT_CARRIED: readonly [prefix: string, what: string][] = [
  ["xl/charts/", "charts"],
  ["xl/pivotTables/", "pivot tables"],
  ["xl/slicers/", "slicers"],
  ["xl/timelines/", "timelines"],
  ["xl/threadedComments/", "threaded comments"],
  ["xl/ctrlProps/", "form controls"],
];

/** A defined name ExcelJS keeps: one cell or one range on a sheet ('Sheet'!$A$1:$B$2); it drops formulas and constants. */
const KEPT_NAME = /^(?:'(?:[^']|'')+'|[^'!]+)!\$[A-Z]+\$\d+(?::\$[A-Z]+\$\d+)?$/;

/**
 * What the input workbook holds that the output workbook will lack, because the .xlsx writer
 * (ExcelJS) cannot carry it over: the CLI warns about each, so that nobody takes OUT.xlsx for a
 * full copy of their workbook (the input itself is never changed and keeps them).
 */
export async function partsNotCarried(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files);
  const lost = NOT_CARRIED.filter(([prefix]) => names.some((n) => n.startsWith(prefix))).map(
    ([, what]) => what,
  );
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const dropped = [...workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)]
    .filter(([, attributes]) => !/\sname="_xlnm\./.test(attributes))
    .filter(([, , text]) => !KEPT_NAME.test(decodeXml(text).trim()))
    .map(([, attributes]) => /\sname="([^"]*)"/.exec(attributes)?.[1] ?? "?");
  if (dropped.length > 0) lost.push(`the named formulas or constants ${dropped.join(", ")}`);
  return lost;
}

/** The text of an XML text node. */
function decodeXml(text: string): string {
  return text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
