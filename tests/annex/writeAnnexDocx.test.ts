import type { Language } from "../../src/engine/model";
import { writeAnnexDocx } from "../../src/annex/writeAnnexDocx";
import { annexCellText } from "../../src/workbook/annex/annexCellText";
import { annexTables } from "../../src/workbook/annex/annexTables";
import { sampleAllocation } from "../workbook/annex/fixtures/sampleAllocation";
import { handContributions } from "../workbook/fixtures/handContributions";
import { readDocx, textOf } from "./helpers/readDocx";

describe("writeAnnexDocx", () => {
  const allocation = sampleAllocation();

  it("returns the bytes of a .docx (a zip) without using Node's Buffer", async () => {
    const bytes = await writeAnnexDocx(allocation);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(bytes)).toBe(false);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("lays the section out on A4 landscape", async () => {
    const { document } = await readDocx(await writeAnnexDocx(allocation));
    const size = /<w:pgSz ([^>]*)\/>/.exec(document)?.[1] ?? "";
    expect(size).toContain('w:w="16838"');
    expect(size).toContain('w:h="11906"');
    expect(size).toContain('w:orient="landscape"');
  });

  it("puts the status mark and the document symbol in the header and live page numbers in the footer", async () => {
    const docx = await readDocx(await writeAnnexDocx(allocation, { language: "fr" }));
    // A draft until approved, in the annex's language, then the paper's symbol.
    expect(docx.headers.map(textOf)).toContain("PROJETUNEP/CMS/StC44/Doc.X");
    expect(docx.headers.join("")).toMatch(/<w:color w:val="C00000"\/>.*PROJET/);
    const footer = docx.footers.join("");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(textOf(footer)).toMatch(/^Page .*sur/);
  });

  it("uses Calibri, which LibreOffice renders with its metric twin Carlito, and marks the language", async () => {
    const { styles } = await readDocx(await writeAnnexDocx(allocation, { language: "es" }));
    expect(styles).toMatch(/w:ascii="Calibri"/);
    expect(styles).toMatch(/w:lang w:val="es-ES"/);
  });

  it("repeats each table's header row on every page and right-aligns the figures", async () => {
    const { tableXml } = await readDocx(await writeAnnexDocx(allocation));
    expect(tableXml).toHaveLength(6);
    for (const xml of tableXml) {
      const firstRow = /<w:tr[\s>][\s\S]*?<\/w:tr>/.exec(xml)![0];
      expect(firstRow).toContain("<w:tblHeader/>");
    }
    const secondRow = [...tableXml[0].matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)][1][0];
    const cells = [...secondRow.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => c[0]);
    expect(cells[0]).toContain('<w:pStyle w:val="AnnexCell"/>');
    expect(cells.slice(1).every((c) => c.includes('<w:pStyle w:val="AnnexFigure"/>'))).toBe(true);
    const { styles } = await readDocx(await writeAnnexDocx(allocation));
    const figureStyle = /<w:style [^>]*w:styleId="AnnexFigure"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(figureStyle).toContain('<w:jc w:val="right"/>');
  });

  it("continues a table too wide for the page with the next instruments below it", async () => {
    const wide = sampleAllocation({ instruments: 16 });
    const docx = await readDocx(await writeAnnexDocx(wide));
    // Annex 1 period table: 16 instruments and a Total in two slices; every slice keeps the labels.
    const [first, second] = docx.tables;
    expect(first[0]).toEqual(["Common service", ...wide.instruments.slice(0, 9)]);
    expect(second[0]).toEqual(["Common service", ...wide.instruments.slice(9), "Total"]);
    expect(first.map((r) => r[0])).toEqual(second.map((r) => r[0]));
    expect(docx.paragraphs).toContain("Period 2015\u20132017 (EUR) (continued)");
    expect(docx.tables.every((t) => t[0].length <= 14)).toBe(true);
  });

  it.each<Language>(["en", "fr", "es"])(
    "fits long figures (cents, twelve instruments) on the page with positive column widths, in %s",
    async (language) => {
      const long = sampleAllocation({ instruments: 12, rounding: 0.01, language });
      const { tableXml } = await readDocx(await writeAnnexDocx(long));
      for (const xml of tableXml) {
        const grid = [...xml.matchAll(/<w:gridCol w:w="(-?\d+)"\/>/g)].map((m) => Number(m[1]));
        expect(grid.length).toBeGreaterThan(1);
        expect(Math.min(...grid)).toBeGreaterThan(0);
        // A4 landscape less two 2 cm margins.
        expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - 2 * 1134);
      }
    },
  );

  it("sets totals in bold over a rule", async () => {
    const { tableXml } = await readDocx(await writeAnnexDocx(allocation));
    const rows = [...tableXml[0].matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((r) => r[0]);
    const total = rows[rows.length - 1];
    expect(textOf(total)).toMatch(/^Total/);
    expect(total).toMatch(/<w:tcBorders>\s*<w:top w:val="single"/);
    expect(total).toContain("<w:b/>");
  });

  it.each<Language>(["en", "fr", "es"])(
    "prints the same figures as the annex model, in %s",
    async (language) => {
      const docx = await readDocx(await writeAnnexDocx(allocation, { language }));
      const tables = annexTables(allocation, language).filter((t) => t.rows.length > 0);
      expect(docx.tables).toHaveLength(tables.length);
      tables.forEach((table, t) => {
        expect(docx.tables[t][0]).toEqual(table.columns.map((c) => c.header));
        table.rows.forEach((row, r) => {
          const expected = table.columns.map((col, c) => annexCellText(row, col, c, 1, language));
          if (row.notes.length > 0) expected[0] += ` ${row.notes.join(", ")}`;
          expect(docx.tables[t][r + 1]).toEqual(expected);
        });
      });
    },
  );

  it("formats the grand total in each language's style", async () => {
    const grand = allocation.grandTotal.total.reduce((a, b) => a + b, 0);
    expect(grand).toBe(4668641);
    const last = async (language: Language) => {
      const { tables } = await readDocx(await writeAnnexDocx(allocation, { language }));
      const rows = tables[0];
      return rows[rows.length - 1][rows[0].length - 1];
    };
    expect(await last("en")).toBe("4,668,641");
    expect(await last("fr")).toBe("4\u202f668\u202f641");
    expect(await last("es")).toBe("4.668.641");
  });

  it("prints the footnotes under the cost-sharing tables and the annexes' own headings", async () => {
    const { paragraphs } = await readDocx(await writeAnnexDocx(allocation, { language: "es" }));
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        "Anexo 1",
        "Anexo 2",
        "Anexo 3",
        "c En proporción al número de Partes, con un tope del 40%.",
      ]),
    );
  });

  it("escapes text from the user's data", async () => {
    const a = sampleAllocation({ documentSymbol: "CMS<&>AEWA" });
    const docx = await readDocx(await writeAnnexDocx(a));
    expect(docx.headers.map(textOf)).toContain("DRAFTCMS<&>AEWA");
  });

  it("marks an approved annex as approved, and a submitted one still as a draft", async () => {
    const approved = await readDocx(await writeAnnexDocx(sampleAllocation({ status: "Approved" })));
    expect(approved.headers.map(textOf)).toContain("APPROVEDUNEP/CMS/StC44/Doc.X");
    expect(approved.headers.join("")).not.toMatch(/C00000/);
    const submitted = await readDocx(
      await writeAnnexDocx(sampleAllocation({ status: "Submitted" }), { language: "es" }),
    );
    expect(submitted.headers.map(textOf).join("")).toMatch(/^BORRADOR \u2014 PRESENTADO PARA APROBACIÓN/);
  });

  it("writes the scale of contributions of each instrument with Parties, rates to three decimals", async () => {
    const docx = await readDocx(await writeAnnexDocx(handContributions(), { language: "fr" }));
    const scales = docx.tables.filter((t) => t[0].includes("Barème ajusté (%)"));
    expect(scales).toHaveLength(2);
    expect(scales[0][0]).toEqual([
      "Partie",
      "Barème de l'ONU (%)",
      "Barème ajusté (%)",
      "2015",
      "2016",
      "Total",
    ]);
    expect(scales[0][2]).toEqual([
      "Germany c",
      "5,700",
      "20,000",
      "20\u202f000",
      "20\u202f000",
      "40\u202f000",
    ]);
    expect(scales[0][scales[0].length - 1]).toEqual([
      "Total",
      "8,629",
      "100,000",
      "100\u202f000",
      "100\u202f000",
      "200\u202f000",
    ]);
    expect(docx.paragraphs).toContain("Barème des contributions");
  });
});
