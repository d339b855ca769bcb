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

/**
 * What the input workbook holds that the output workbook will lack, because the .xlsx writer
 * (ExcelJS) cannot carry it over: the CLI warns about each, so that nobody takes OUT.xlsx for a
 * full copy of their workbook (the input itself is never changed and keeps them).
 */
export async function partsNotCarried(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files);
  return NOT_CARRIED.filter(([prefix]) => names.some((n) => n.startsWith(prefix))).map(([, what]) => what);
}
