import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook } from "exceljs";
import type { Language } from "../../src/engine/model";
import { writeAnnexDocx } from "../../src/annex/writeAnnexDocx";
import { buildAnnexSheet } from "../../src/workbook/annex/buildAnnexSheet";
import { formatAmount } from "../../src/workbook/annex/formatAmount";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { sampleAllocation } from "../workbook/annex/fixtures/sampleAllocation";

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

/** Ten instruments and more: the width an A4 landscape page has to hold. */
const allocationIn = (language: Language) => sampleAllocation({ instruments: 11, language });

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

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "annex-render-"));
    profile = mkdtempSync(join(tmpdir(), "lo-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    const files: string[] = [];
    for (const language of languages) {
      const allocation = allocationIn(language);
      const docx = join(dir, `docx-${language}.docx`);
      writeFileSync(docx, await writeAnnexDocx(allocation, { language }));
      const blank = new Workbook();
      blank.addWorksheet("Inputs");
      const workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(await blank.xlsx.writeBuffer()));
      await workbook.writeOutputs([buildAnnexSheet(allocation)]);
      const xlsx = join(dir, `sheet-${language}.xlsx`);
      writeFileSync(xlsx, await workbook.toBuffer());
      files.push(docx, xlsx);
    }
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

  describe.each(languages)("in %s", (language) => {
    const allocation = allocationIn(language);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const grand = formatAmount(sum(allocation.grandTotal.total), 1, language).replace(/\u202f/g, " ");
    const direct = formatAmount(sum(allocation.grandTotal.direct), 1, language).replace(/\u202f/g, " ");
    const psc = formatAmount(sum(allocation.grandTotal.psc), 1, language).replace(/\u202f/g, " ");

    it("renders the .docx on A4 landscape with the totals in the language's number format", () => {
      const pdf = join(dir, `docx-${language}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(
        /Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/,
      );
      const page1 = pdfText(pdf, "-f", "1", "-l", "1");
      expect(page1).toContain("UNEP/CMS/StC44/Doc.X");
      expect(page1).toContain(grand);
      expect(page1).toContain(direct);
      expect(page1).toContain(psc);
      const expected = { en: "4,668,638", fr: "4 668 638", es: "4.668.638" }[language];
      expect(page1).toMatch(new RegExp(`Total\\s.*\\s${expected.replace(/\./g, "\\.")}\\s*$`, "m"));
      expect(execFileSync("pdffonts", [pdf], { encoding: "utf8" })).toContain("Carlito");
      const all = pdfText(pdf);
      expect(all).toContain({ en: "Page 1 of", fr: "Page 1 sur", es: "Página 1 de" }[language]);
      expect(all).toContain(
        { en: "Staffing table", fr: "Tableau des effectifs", es: "Cuadro de dotación de personal" }[language],
      );
    });

    it("renders the Annex sheet fitted to one A4 landscape page wide, with the totals", () => {
      const pdf = join(dir, `sheet-${language}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(
        /Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/,
      );
      const page1 = pdfText(pdf, "-f", "1", "-l", "1");
      // Fitted to the width: the last instrument and the Total column print on the first page.
      expect(page1).toMatch(/Saiga\s+Total/);
      // The sheet's figures follow the spreadsheet's own locale ("#,##0"); the words follow the annex language.
      const digits = sum(allocation.grandTotal.total)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, "[,. ]?");
      expect(page1).toMatch(new RegExp(digits));
      expect(page1).toContain({ en: "Subtotal", fr: "Total partiel", es: "Subtotal" }[language]);
      expect(page1).toContain(
        {
          en: "Programme support costs (13%)",
          fr: "Coûts d'appui aux programmes (13 %)",
          es: "Gastos de apoyo a los programas (13%)",
        }[language],
      );
      expect(page1).toContain("UNEP/CMS/StC44/Doc.X");
    });

    it("writes page 1 of each rendering to artifacts/annex as a PNG", () => {
      for (const kind of ["docx", "sheet"]) {
        const prefix = join(ARTIFACTS, `${kind}-${language}`);
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "60",
          "-f",
          "1",
          "-l",
          "1",
          "-singlefile",
          join(dir, `${kind}-${language}.pdf`),
          prefix,
        ]);
        const png = readFileSync(`${prefix}.png`);
        expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
        expect(png.length).toBeGreaterThan(10000);
      }
    });
  });
});
