import JSZip from "jszip";

/** What the annex tests read back from a .docx: its XML parts and every table as rows of cell texts. */
export interface DocxContent {
  document: string;
  styles: string;
  headers: string[];
  footers: string[];
  /** Tables, rows, cells: the concatenated text of each cell. */
  tables: string[][][];
  /** The raw XML of each table, in order. */
  tableXml: string[];
  /** The text of every paragraph outside tables. */
  paragraphs: string[];
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of an XML fragment: its w:t runs, concatenated. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join("");
}

/** Opens a .docx and pulls out the parts the tests check. */
export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is missing from the .docx`);
    return file.async("string");
  };
  const document = await read("word/document.xml");
  const names = Object.keys(zip.files);
  const headers = await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read));
  const footers = await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read));
  const tableXml = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  const tables = tableXml.map((t) =>
    [...t.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])),
    ),
  );
  const outside = document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  const paragraphs = [...outside.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0]));
  return { document, styles: await read("word/styles.xml"), headers, footers, tables, tableXml, paragraphs };
}
