/**
 * Builds the producer corpus under tests/fixtures/producers/: the sample workbook as other
 * programs write it — openpyxl (absolute part names, inline strings, a table, a comment, a chart,
 * formulas with no saved value), LibreOffice (round trips, tables, a pivot table, a chart, named
 * formulas), and hand-made XML variants that the standard allows (absolute relationship targets,
 * cells and rows without r=, x: prefixes, inline strings only, a macro-enabled .xlsm) — and files
 * that are not workbooks at all. tests/fixtures/producers/expected.json records, for each, either
 * "sample" (the figures must be the sample's) or the exit code and the cells (or the message) the
 * command must name. Run with `npm run build:corpus` (needs python3 with openpyxl, and soffice);
 * the output is committed.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const ROOT = join(__dirname, "..");
const SAMPLE = join(ROOT, "assets", "cms-family-sample.xlsx");
const TABLES = join(ROOT, "tests", "fixtures", "valid-table-input.xlsx");
const OUT = join(ROOT, "tests", "fixtures", "producers");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** What the command must make of a corpus file. */
export type CorpusExpectation =
  | { producer: string; what: string; expect: "sample" }
  | { producer: string; what: string; expect: "problems"; cells: string[] }
  | { producer: string; what: string; expect: "refused"; message: string };

const expected: Record<string, CorpusExpectation> = {};

type Parts = Record<string, Uint8Array>;

function parts(path: string): Parts {
  return unzipSync(new Uint8Array(readFileSync(path)));
}

function text(p: Parts, name: string): string {
  const bytes = p[name];
  if (bytes === undefined) throw new Error(`no part ${name}`);
  return strFromU8(bytes);
}

function write(name: string, p: Parts): void {
  writeFileSync(join(OUT, name), zipSync(p, { level: 6 }));
}

/** Runs soffice with a fresh profile (so no setting of the machine's user leaks in). */
function soffice(args: string[], profile?: string): void {
  const dir = profile ?? mkdtempSync(join(tmpdir(), "corpus-lo-"));
  try {
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}`, ...args], {
      stdio: "ignore",
      timeout: 180_000,
    });
  } finally {
    if (profile === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts a file with LibreOffice into `target` (a path with the wanted extension). */
function convert(input: string, target: string): void {
  const dir = mkdtempSync(join(tmpdir(), "corpus-convert-"));
  try {
    const ext = target.slice(target.lastIndexOf(".") + 1);
    soffice(["--convert-to", ext, "--outdir", dir, input]);
    const made = join(dir, `${basename(input, ".xlsx")}.${ext}`);
    renameSync(made, target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sample's figures are expected from a file that holds the sample in another producer's shape. */
function sample(file: string, producer: string, what: string): void {
  expected[file] = { producer, what, expect: "sample" };
}

function openpyxlMembers(): void {
  const cells = execFileSync(
    "python3",
    [join(__dirname, "corpus", "write_openpyxl_members.py"), SAMPLE, OUT],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    },
  )
    .trim()
    .split(/\s+/);
  sample(
    "openpyxl-resaved.xlsx",
    "openpyxl",
    "the sample loaded and saved by openpyxl (absolute part names, inline strings)",
  );
  sample(
    "openpyxl-table-comment-chart.xlsx",
    "openpyxl",
    "an Excel table over the instruments, a comment and a chart (ExcelJS refused these: 'reading name')",
  );
  expected["openpyxl-formulas.xlsx"] = {
    producer: "openpyxl",
    what: "a post's cost, a post's split and PSC as formulas with no saved value",
    expect: "problems",
    cells,
  };
}

function libreOfficeMembers(): void {
  convert(SAMPLE, join(OUT, "libreoffice-resaved.xlsx"));
  sample("libreoffice-resaved.xlsx", "LibreOffice", "the sample opened and saved by LibreOffice Calc");
  convert(TABLES, join(OUT, "libreoffice-tables.xlsx"));
  sample(
    "libreoffice-tables.xlsx",
    "LibreOffice",
    "every input as an Excel table, saved by LibreOffice (ExcelJS failed on writing it: 'reading theme')",
  );
  convert(SAMPLE, join(OUT, "not-a-workbook-ods.xlsx.ods"));
  renameSync(join(OUT, "not-a-workbook-ods.xlsx.ods"), join(OUT, "not-a-workbook-ods.xlsx"));
  expected["not-a-workbook-ods.xlsx"] = {
    producer: "LibreOffice",
    what: "an OpenDocument spreadsheet renamed .xlsx",
    expect: "refused",
    message: "not an Excel workbook: it is an OpenDocument spreadsheet (.ods)",
  };

  // A pivot table, a chart, a comment and named formulas, made by LibreOffice itself (a Basic macro).
  const profile = mkdtempSync(join(tmpdir(), "corpus-macro-"));
  try {
    soffice(["--convert-to", "csv", "--outdir", profile, SAMPLE], profile); // creates the profile
    const basic = join(profile, "user", "basic", "Standard");
    mkdirSync(basic, { recursive: true });
    const source = readFileSync(join(__dirname, "corpus", "kitchenSink.bas"), "utf8")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;");
    writeFileSync(
      join(basic, "Module1.xba"),
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n` +
        `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${source}</script:module>\n`,
    );
    const target = join(OUT, "libreoffice-pivot-chart-comment.xlsx");
    soffice([`macro:///Standard.Module1.Main("${SAMPLE}","${target}")`], profile);
    readFileSync(target);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  sample(
    "libreoffice-pivot-chart-comment.xlsx",
    "LibreOffice",
    "a pivot table, a chart, a comment and named formulas (PscRate, DoubledPsc) made in LibreOffice",
  );
}

/** The sample with a stand-in VBA project, as a macro-enabled workbook (.xlsm). */
function macroEnabled(): void {
  const p = parts(join(OUT, "libreoffice-pivot-chart-comment.xlsx"));
  // Not a working VBA project (none can be made without Excel): bytes that must come back unchanged.
  const vba = new Uint8Array(4096);
  vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < vba.length; i++) vba[i] = (i * 7919) % 251;
  p["xl/vbaProject.bin"] = vba;
  p["[Content_Types].xml"] = strToU8(
    text(p, "[Content_Types].xml")
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
      ),
  );
  p["xl/_rels/workbook.xml.rels"] = strToU8(
    text(p, "xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  write("handmade-macro-enabled.xlsm", p);
  sample(
    "handmade-macro-enabled.xlsm",
    "hand-made",
    "the LibreOffice pivot workbook with a VBA project part, as .xlsm",
  );
}

/** Every relationship target written absolute, as openpyxl does ("/xl/worksheets/sheet1.xml"). */
function absoluteTargets(): void {
  const p = parts(SAMPLE);
  for (const name of Object.keys(p).filter((n) => n.endsWith(".rels"))) {
    const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const folder = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
    p[name] = strToU8(
      text(p, name).replace(/Target="([^"/][^"]*)"/g, (_, t: string) => {
        const segments = `${folder}${t}`.split("/");
        const out: string[] = [];
        for (const s of segments) {
          if (s === "..") out.pop();
          else if (s !== ".") out.push(s);
        }
        return `Target="/${out.join("/")}"`;
      }),
    );
  }
  write("handmade-absolute-targets.xlsx", p);
  sample("handmade-absolute-targets.xlsx", "hand-made", "every relationship target absolute");
}

/** Rows and cells without r= wherever their position follows from the one before, as the standard allows. */
function withoutAddresses(): void {
  const p = parts(SAMPLE);
  for (const name of Object.keys(p).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    let row = 0;
    let col = 0;
    p[name] = strToU8(
      text(p, name).replace(/<(row|c)\b([^>]*)>/g, (tag, el: string, attrs: string) => {
        if (el === "row") {
          const r = Number(/\sr="(\d+)"/.exec(attrs)?.[1]);
          const implied = r === row + 1;
          row = r;
          col = 0;
          return implied ? tag.replace(/\sr="\d+"/, "") : tag;
        }
        const m = /\sr="([A-Z]+)(\d+)"/.exec(attrs);
        if (!m) return tag;
        let c = 0;
        for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
        const implied = c === col + 1 && Number(m[2]) === row;
        col = c;
        return implied ? tag.replace(/\sr="[A-Z]+\d+"/, "") : tag;
      }),
    );
  }
  write("handmade-no-cell-addresses.xlsx", p);
  sample("handmade-no-cell-addresses.xlsx", "hand-made", "cells and rows without r= where it is implied");
}

/** Every SpreadsheetML part with its elements in an x: prefix, as the .NET Open XML SDK writes them. */
function prefixed(): void {
  const p = parts(SAMPLE);
  for (const name of Object.keys(p)) {
    if (!/^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+|tables\/table\d+)\.xml$/.test(name))
      continue;
    p[name] = strToU8(
      text(p, name)
        .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
        .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (tag, slash: string, el: string) =>
          el.includes(":") ? tag : `<${slash}x:${el}`,
        ),
    );
  }
  write("handmade-x-prefix.xlsx", p);
  sample("handmade-x-prefix.xlsx", "hand-made", "x: prefixes on every SpreadsheetML element");
}

/** No shared string table: every text cell an inline string. */
function inlineStrings(): void {
  const p = parts(SAMPLE);
  const sst = [...text(p, "xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""),
  );
  for (const name of Object.keys(p).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    p[name] = strToU8(
      text(p, name).replace(
        /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
        (_, a: string, b: string, i: string) =>
          `<c${a} t="inlineStr"${b}><is><t xml:space="preserve">${sst[Number(i)]}</t></is></c>`,
      ),
    );
  }
  delete p["xl/sharedStrings.xml"];
  p["xl/_rels/workbook.xml.rels"] = strToU8(
    text(p, "xl/_rels/workbook.xml.rels").replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""),
  );
  p["[Content_Types].xml"] = strToU8(
    text(p, "[Content_Types].xml").replace(/<Override [^>]*sharedStrings[^>]*\/>/, ""),
  );
  write("handmade-inline-strings.xlsx", p);
  sample("handmade-inline-strings.xlsx", "hand-made", "inline strings only, no shared string table");
}

/** A cost typed as a formula whose value was never saved. */
function uncalculated(): void {
  const p = parts(SAMPLE);
  const posts = "xl/worksheets/sheet4.xml";
  const before = text(p, posts);
  const after = before.replace(/<c r="F12"([^>]*)><v>45000<\/v><\/c>/, '<c r="F12"$1><f>45000*1</f></c>');
  if (after === before) throw new Error("the sample's Posts!F12 is no longer 45000");
  p[posts] = strToU8(after);
  write("handmade-uncalculated.xlsx", p);
  expected["handmade-uncalculated.xlsx"] = {
    producer: "hand-made",
    what: "a cost formula with no saved value",
    expect: "problems",
    cells: ["Posts!F12"],
  };
}

/** A Word document renamed .xlsx. */
function wordDocument(): void {
  const rel = "http://schemas.openxmlformats.org/package/2006/relationships";
  writeFileSync(
    join(OUT, "not-a-workbook-docx.xlsx"),
    zipSync({
      "[Content_Types].xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
      "_rels/.rels": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${rel}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
      "word/document.xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Budget</w:t></w:r></w:p></w:body></w:document>`,
      ),
    }),
  );
  expected["not-a-workbook-docx.xlsx"] = {
    producer: "hand-made",
    what: "a Word document renamed .xlsx",
    expect: "refused",
    message: "not an Excel workbook: it is a Word document (.docx)",
  };
}

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  copyFileSync(SAMPLE, join(OUT, "exceljs-sample.xlsx"));
  sample(
    "exceljs-sample.xlsx",
    "ExcelJS",
    "the sample as the repository builds it (Excel-like styles, shared strings)",
  );
  openpyxlMembers();
  libreOfficeMembers();
  macroEnabled();
  absoluteTargets();
  withoutAddresses();
  prefixed();
  inlineStrings();
  uncalculated();
  wordDocument();
  const sorted = Object.fromEntries(Object.entries(expected).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(OUT, "expected.json"), `${JSON.stringify(sorted, null, 2)}\n`);
}

main();
