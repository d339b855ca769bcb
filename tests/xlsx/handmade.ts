import { strToU8, zipSync } from "fflate";

/** The SpreadsheetML and relationship namespaces, for hand-written parts. */
export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A zip archive of the given parts, as another producer might write it. */
export function zipOf(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])),
  );
}

/** What a hand-made workbook holds: sheet XML by name, and the optional workbook-level parts. */
export interface Handmade {
  sheets: { name: string; xml: string }[];
  sharedStrings?: string;
  styles?: string;
  /** Extra XML inside <workbook> after <sheets> (definedNames, calcPr). */
  workbookTail?: string;
  /** XML inside <workbook> before <sheets> (workbookPr). */
  workbookHead?: string;
  /** Extra parts, by name. */
  extra?: Record<string, string | Uint8Array>;
  /** Use absolute targets ("/xl/worksheets/sheet1.xml") in the relationships, as openpyxl does. */
  absolute?: boolean;
}

/** The parts of a minimal, valid workbook holding the given sheets. */
export function handmadeParts(h: Handmade): Record<string, string | Uint8Array> {
  const at = (p: string) => (h.absolute ? `/xl/${p}` : p);
  const rels = h.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${at(`worksheets/sheet${i + 1}.xml`)}"/>`,
  );
  if (h.sharedStrings !== undefined)
    rels.push(`<Relationship Id="rSst" Type="${REL}/sharedStrings" Target="${at("sharedStrings.xml")}"/>`);
  if (h.styles !== undefined)
    rels.push(`<Relationship Id="rSty" Type="${REL}/styles" Target="${at("styles.xml")}"/>`);
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      h.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      `</Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${h.absolute ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`,
    "xl/workbook.xml":
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${h.workbookHead ?? ""}<sheets>` +
      h.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets>${h.workbookTail ?? ""}</workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`,
    ...Object.fromEntries(h.sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, s.xml])),
    ...(h.sharedStrings !== undefined ? { "xl/sharedStrings.xml": h.sharedStrings } : {}),
    ...(h.styles !== undefined ? { "xl/styles.xml": h.styles } : {}),
    ...(h.extra ?? {}),
  };
  return parts;
}

/** A hand-made workbook's bytes. */
export function handmade(h: Handmade): Uint8Array {
  return zipOf(handmadeParts(h));
}

/** A worksheet part with the given sheetData content. */
export function sheetXml(sheetData: string, after = "", prefix = ""): string {
  const p = prefix === "" ? "" : `${prefix}:`;
  const ns = prefix === "" ? `xmlns="${MAIN}"` : `xmlns:${prefix}="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${sheetData}</${p}sheetData>${after}</${p}worksheet>`;
}
