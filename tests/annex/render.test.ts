import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook } from "exceljs";
import { computeOptions } from "../../src/engine/computeOptions";
import type { Language } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { writeAnnexDocx } from "../../src/annex/writeAnnexDocx";
import { annexHtml } from "../../src/workbook/annex/annexHtml";
import { buildAnnexSheet } from "../../src/workbook/annex/buildAnnexSheet";
import { formatAmount } from "../../src/workbook/annex/formatAmount";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { sampleAllocation } from "../workbook/annex/fixtures/sampleAllocation";
import { readDocx } from "./helpers/readDocx";

/**
 * Renders the annex .docx and an .xlsx holding the Annex sheet with LibreOffice, as a reader of
 * the Standing Committee paper would see them, and reads the PDFs back with poppler. Page 1 of
 * each goes to artifacts/annex/ as a PNG for a person to look at.
 */

function which(command: string): string | undefined {
  try {
    return execFileSync("which", [command], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const soffice = which("soffice");
// On CI the tools must be there (.ci/run installs them): a missing soffice fails there, never skips.
const describeRender = soffice !== undefined || process.env.CI ? describe : describe.skip;
const languages: Language[] = ["en", "fr", "es"];
const ARTIFACTS = join(__dirname, "..", "..", "artifacts", "annex");

/** The sample workbook's allocation, with the annex language set as an officer would in Settings. */
async function sampleWorkbookIn(language: Language): Promise<Allocation> {
  const bytes = readFileSync(join(__dirname, "..", "..", "assets", "cms-family-sample.xlsx"));
  const read = readWorkbook(await (await XlsxWorkbook.fromBuffer(new Uint8Array(bytes))).readInputs());
  if (!read.model) throw new Error(read.problems.map((p) => p.message).join("\n"));
  const outcome = computeOptions({ ...read.model, settings: { ...read.model.settings, language } });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.allocation;
}

/** Writes the .docx and an .xlsx holding the Annex sheet (through the xlsx adapter, as the CLI does). */
async function writeBoth(allocation: Allocation, dir: string, name: string): Promise<string[]> {
  const docx = join(dir, `docx-${name}.docx`);
  writeFileSync(docx, await writeAnnexDocx(allocation));
  const blank = new Workbook();
  blank.addWorksheet("Inputs");
  const workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(await blank.xlsx.writeBuffer()));
  await workbook.writeOutputs([buildAnnexSheet(allocation)]);
  const xlsx = join(dir, `sheet-${name}.xlsx`);
  writeFileSync(xlsx, await workbook.toBuffer());
  return [docx, xlsx];
}

/** Text as pdftotext gives it, with no-break spaces as plain spaces. */
function pdfText(pdf: string, ...args: string[]): string {
  return execFileSync("pdftotext", ["-layout", ...args, pdf, "-"], { encoding: "utf8" }).replace(
    /[\u00a0\u202f]/g,
    " ",
  );
}

describeRender("annex rendering with LibreOffice", () => {
  let dir = "";
  let profile = "";
  const allocations = new Map<string, Allocation>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "annex-render-"));
    profile = mkdtempSync(join(tmpdir(), "lo-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    const files: string[] = [];
    for (const language of languages) {
      const allocation = await sampleWorkbookIn(language);
      allocations.set(language, allocation);
      files.push(...(await writeBoth(allocation, dir, language)));
    }
    // Eleven instruments: the width an A4 landscape page has to hold.
    allocations.set("wide", sampleAllocation({ instruments: 11 }));
    files.push(...(await writeBoth(allocations.get("wide")!, dir, "wide")));
    // "Copy as table": LibreOffice opens the HTML as Word would take a paste, and saves it as .docx.
    const pasted = languages.map((language) => {
      const html = join(dir, `html-${language}.html`);
      writeFileSync(html, annexHtml(allocations.get(language)!));
      return html;
    });
    execFileSync(
      soffice ?? "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        dir,
        ...pasted,
      ],
      { stdio: "pipe", timeout: 240000 },
    );
    // soffice exits 0 even when a conversion fails: each test checks that its PDF exists.
    execFileSync(
      soffice ?? "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...files,
      ],
      { stdio: "pipe", timeout: 240000 },
    );
  }, 300000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const A4_LANDSCAPE = /Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/;
  const pdfOf = (kind: "docx" | "sheet", name: string) => {
    const pdf = join(dir, `${kind}-${name}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    return pdf;
  };

  describe.each(languages)("the sample workbook in %s", (language) => {
    const grand = (field: "direct" | "psc" | "total") =>
      formatAmount(sum(allocations.get(language)!.grandTotal[field]), 1, language).replace(/\u202f/g, " ");

    it("renders the .docx on A4 landscape in Carlito, with the totals in the language's number format", () => {
      const pdf = pdfOf("docx", language);
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(A4_LANDSCAPE);
      expect(execFileSync("pdffonts", [pdf], { encoding: "utf8" })).toContain("Carlito");
      const page1 = pdfText(pdf, "-f", "1", "-l", "1");
      expect(page1).toContain("UNEP/CMS/StC-Sample/Doc.1");
      // 11,497,428 direct (exactly 11,497,427.20) + 1,494,665 PSC (13% of the exact direct cost,
      // 1,494,665.54): the grand total is within one unit of its exact 12,992,092.74.
      expect(grand("total")).toBe({ en: "12,992,093", fr: "12 992 093", es: "12.992.093" }[language]);
      // The grand total ends the period table's Total line; subtotal and PSC are on their own lines.
      expect(page1).toMatch(new RegExp(`^\\s*Total\\s.*\\s${escapeRegExp(grand("total"))}\\s*$`, "m"));
      expect(page1).toMatch(new RegExp(`\\s${escapeRegExp(grand("direct"))}\\s*$`, "m"));
      expect(page1).toMatch(new RegExp(`\\s${escapeRegExp(grand("psc"))}\\s*$`, "m"));
      const all = pdfText(pdf);
      expect(all).toContain({ en: "Page 1 of", fr: "Page 1 sur", es: "Página 1 de" }[language]);
      expect(all).toContain(
        { en: "Staffing table", fr: "Tableau des effectifs", es: "Cuadro de dotación de personal" }[language],
      );
      expect(all).toContain(
        { en: "Options compared", fr: "Comparaison des options", es: "Comparación de las opciones" }[
          language
        ],
      );
    });

    it("renders the Annex sheet fitted to one A4 landscape page wide, with the totals", () => {
      const pdf = pdfOf("sheet", language);
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(A4_LANDSCAPE);
      const page1 = pdfText(pdf, "-f", "1", "-l", "1");
      expect(page1).toContain("UNEP/CMS/StC-Sample/Doc.1");
      // The sheet's figures follow the spreadsheet's own locale ("#,##0"); its words follow the annex language.
      expect(page1).toMatch(/12[,. ]?992[,. ]?093\s*$/m);
      expect(page1).toContain({ en: "Subtotal", fr: "Total partiel", es: "Subtotal" }[language]);
      expect(page1).toContain(
        {
          en: "Programme support costs (13%)",
          fr: "Coûts d'appui aux programmes (13 %)",
          es: "Gastos de apoyo a los programas (13%)",
        }[language],
      );
      expect(page1).toContain({ en: "Page 1 of", fr: "Page 1 sur", es: "Página 1 de" }[language]);
      // Each table starts a page: the first year's table is not cut below the period's, but opens page 2.
      const caption2015 = /^\s*2015 \((?:en )?EUR\)\s*$/m;
      expect(page1).not.toMatch(caption2015);
      expect(pdfText(pdf, "-f", "2", "-l", "2")).toMatch(caption2015);
    });

    it("turns the copied HTML into real Word tables with the same totals", async () => {
      const docx = join(dir, `html-${language}.docx`);
      expect(existsSync(docx)).toBe(true);
      const { tables } = await readDocx(new Uint8Array(readFileSync(docx)));
      // Annex 1 for the period and each of 3 years, Annexes 2 and 3, and Annex 4, the options compared.
      expect(tables).toHaveLength(7);
      const period = tables[0];
      const last = period[period.length - 1];
      expect(last[0]).toBe("Total");
      expect(last[last.length - 1]).toBe(
        formatAmount(sum(allocations.get(language)!.grandTotal.total), 1, language),
      );
    });

    it("writes page 1 of each rendering to artifacts/annex as a PNG", () => {
      for (const kind of ["docx", "sheet"] as const) expectPng(pdfOf(kind, language), `${kind}-${language}`);
    });
  });

  describe("eleven instruments", () => {
    it("fit the .docx tables across A4 landscape, the Total column included", () => {
      const page1 = pdfText(pdfOf("docx", "wide"), "-f", "1", "-l", "1");
      expect(page1).toMatch(/Saiga\s+Total\s*$/m);
      expect(page1).toMatch(/^\s*Total\s.*\s4,668,638\s*$/m);
      expectPng(pdfOf("docx", "wide"), "docx-wide");
    });

    it("fit the Annex sheet to one page wide, the Total column included", () => {
      const page1 = pdfText(pdfOf("sheet", "wide"), "-f", "1", "-l", "1");
      expect(page1).toMatch(/Saiga\s+Total\s*$/m);
      expect(page1).toMatch(/4,668,638\s*$/m);
      expectPng(pdfOf("sheet", "wide"), "sheet-wide");
    });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Turns page 1 of a PDF into artifacts/annex/<name>.png (60 dpi) and checks it is a real image. */
function expectPng(pdf: string, name: string): void {
  const prefix = join(ARTIFACTS, name);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
  const png = readFileSync(`${prefix}.png`);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.length).toBeGreaterThan(10000);
}
