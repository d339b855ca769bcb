import type { OutCell, OutputSheet } from "../../../src/workbook/grid";
import { buildAnnexSheet } from "../../../src/workbook/annex/buildAnnexSheet";
import { sampleAllocation } from "./fixtures/sampleAllocation";
import { evaluateFormula } from "./helpers/evaluateSheet";

const allCells = (sheet: OutputSheet) =>
  sheet.cells.flat().filter((c): c is OutCell => c !== null && c !== undefined);
const texts = (sheet: OutputSheet) =>
  allCells(sheet)
    .map((c) => c.v)
    .filter((v): v is string => typeof v === "string");

describe("buildAnnexSheet", () => {
  const allocation = sampleAllocation();
  const sheet = buildAnnexSheet(allocation);

  it("sets the page up for a Standing Committee paper", () => {
    expect(sheet.name).toBe("Annex");
    expect(sheet.print).toEqual({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: [1, 1],
      header: "UNEP/CMS/StC44/Doc.X",
      footer: "Page &P of &N",
      breaksBefore: expect.any(Array),
    });
  });

  it("starts each table after the first on a new page, at its heading or its caption", () => {
    const breaks = sheet.print?.breaksBefore ?? [];
    const text = (row: number) => sheet.cells[row - 1]?.[0]?.v;
    // Annex 1's period table is on the first page; its yearly tables and every other table follow.
    expect(breaks.map(text)).toEqual(["2015 (EUR)", "2016 (EUR)", "2017 (EUR)", "Annex 2", "Annex 3"]);
  });

  it("shows the status and the document symbol at the right of the title row: a red draft mark until approved", () => {
    const mark = (s: OutputSheet) => s.cells[0].filter((c): c is OutCell => c !== null && c !== undefined)[1];
    expect(mark(sheet)).toMatchObject({
      v: "DRAFT \u2014 UNEP/CMS/StC44/Doc.X",
      bold: true,
      color: "C00000",
      align: "right",
    });
    expect(sheet.cells[0].length).toBe(sheet.columnWidths?.length);
    const approved = mark(buildAnnexSheet(sampleAllocation({ status: "Approved", language: "fr" })));
    expect(approved).toMatchObject({ v: "APPROUV\u00c9 \u2014 UNEP/CMS/StC44/Doc.X" });
    expect(approved.color).toBeUndefined();
    const submitted = mark(
      buildAnnexSheet(sampleAllocation({ status: "Submitted", language: "es", documentSymbol: "" })),
    );
    expect(submitted).toMatchObject({
      v: "BORRADOR \u2014 PRESENTADO PARA APROBACI\u00d3N",
      color: "C00000",
    });
  });

  it("keeps an ampersand in the document symbol from becoming a header code", () => {
    const s = buildAnnexSheet(sampleAllocation({ documentSymbol: "CMS&AEWA/StC/1" }));
    expect(s.print?.header).toBe("CMS&&AEWA/StC/1");
  });

  it("translates the footer and headings into the settings' language", () => {
    const fr = buildAnnexSheet(sampleAllocation({ language: "fr" }));
    expect(fr.print?.footer).toBe("Page &P sur &N");
    expect(texts(fr)).toEqual(expect.arrayContaining(["Annexe 1", "Total partiel", "Tableau des effectifs"]));
    const es = buildAnnexSheet(sampleAllocation({ language: "es" }));
    expect(es.print?.footer).toBe("Página &P de &N");
    expect(texts(es)).toContain("Gastos de apoyo a los programas (13%)");
  });

  it("makes every total a live formula whose result is the engine's figure", () => {
    const formulas = allCells(sheet).filter((c) => c.f !== undefined);
    expect(formulas.length).toBeGreaterThan(50);
    for (const cell of formulas) expect(evaluateFormula(sheet, cell.f!)).toBeCloseTo(cell.v as number, 6);
  });

  it("writes the grand total with a SUM across the instruments, bold with a top border", () => {
    const row = sheet.cells.find((r) => r[0]?.v === "Total" && r.some((c) => c?.f !== undefined))!;
    const n = allocation.instruments.length;
    const total = row[n + 1]!;
    expect(total.v).toBe(allocation.grandTotal.total.reduce((a, b) => a + b, 0));
    expect(total.f).toMatch(/^SUM\(B\d+:F\d+\)$/);
    expect(total).toMatchObject({ bold: true, borderTop: true });
    expect(row[0]).toMatchObject({ bold: true, borderTop: true });
  });

  it("formats money in whole units with thousands separators, and cents when rounding is 0.01", () => {
    const amounts = allCells(sheet).filter((c) => typeof c.v === "number" && c.fmt?.startsWith("#,##0"));
    expect(amounts.length).toBeGreaterThan(100);
    expect(amounts.every((c) => c.fmt === '#,##0;-#,##0;"–"')).toBe(true);
    const centsAllocation = sampleAllocation({ rounding: 0.01 });
    const cents = buildAnnexSheet(centsAllocation);
    const euros = centsAllocation.grandTotal.total.reduce((a, b) => a + b, 0) / 100;
    expect(Number.isInteger(euros)).toBe(false);
    const grand = cents.cells.flat().find((c) => c?.fmt?.startsWith("#,##0.00") && c.v === euros);
    expect(grand).toBeDefined();
  });

  it("marks footnote letters on the unit labels and prints the footnotes", () => {
    expect(texts(sheet)).toEqual(
      expect.arrayContaining(["Communications b/ f/", "a/ Shared 50/50 between CMS and AEWA by agreement."]),
    );
  });

  it("spells a long header out over several header rows, bottom-aligned, rather than relying on wrap", () => {
    const es = buildAnnexSheet(sampleAllocation({ language: "es" }));
    const r = es.cells.findIndex((row) => row.some((c) => c?.v === "funcionamiento"));
    const c = es.cells[r].findIndex((cell) => cell?.v === "funcionamiento");
    expect(es.cells[r - 1][c]).toMatchObject({ v: "Gastos de", bold: true, fill: "F2F2F2" });
    expect(es.cells[r - 1][c]?.borderBottom).toBeUndefined();
    expect(es.cells[r][c]).toMatchObject({ borderBottom: true });
    // A one-line header sits on the last header row, next to the last line of the long one.
    expect(es.cells[r][c - 1]).toMatchObject({ v: "Reuniones", borderBottom: true });
    expect(es.cells[r - 1][c - 1]).toMatchObject({ v: "", fill: "F2F2F2" });
    expect(es.cells.flat().some((cell) => cell?.wrap)).toBe(false);
    expect(es.columnWidths?.[c]).toBeGreaterThanOrEqual("funcionamiento".length + 2);
  });

  it("breaks a long footnote into lines no wider than the table", () => {
    const start = sheet.cells.findIndex((r) => typeof r[0]?.v === "string" && r[0].v.startsWith("f/ "));
    const lines = sheet.cells.slice(start, start + 2).map((r) => r[0]?.v as string);
    const width = (sheet.columnWidths ?? []).reduce((a, b) => a + b, 0);
    expect(lines.every((l) => l.length <= width)).toBe(true);
    expect(lines[1]).toMatch(/^ {3}\S/);
    expect(lines.map((l) => l.trim()).join(" ")).toBe(
      "f/ Administration (support unit): allocated to the units it serves by the reciprocal method (Communications 40%, Conference services 60%).",
    );
  });

  it("shows each post's funding as a percentage", () => {
    const row = sheet.cells.find((r) => r[0]?.v === "Coordinator, Marine Turtles")!;
    expect(row[3]).toMatchObject({ v: 0.125, fmt: "0.0%" });
    expect(row[7]).toMatchObject({ v: 0.875, fmt: "0.0%" });
    // One format throughout, so that 85% reads "85.0%" beside "9.6%".
    const p4 = sheet.cells.find((r) => r[0]?.v === "Programme Officer")!;
    expect(p4[3]).toMatchObject({ v: 0.85, fmt: "0.0%" });
  });

  it("rounds each post's percentages so that they add up to 100.0%, each within a tenth of a percent", () => {
    const a = sampleAllocation();
    const post = a.lines.find((l) => l.title === "Coordinator, Marine Turtles")!;
    const n = a.instruments.length;
    // Five shares of 31.86%, 22.26%, 14.16%, 17.66% and 14.06%: one by one, they round to 100.2%.
    const exact = [3186, 2226, 1416, 1766, 1406];
    expect(n).toBeGreaterThanOrEqual(exact.length);
    post.totals = [10000, ...post.totals.slice(1)];
    post.shares = post.shares.map((v, k) => (k < n ? (exact[k] ?? 0) : v));
    const row = buildAnnexSheet(a).cells.find((r) => r[0]?.v === "Coordinator, Marine Turtles")!;
    const shown = row.slice(3, 3 + n).map((c) => (typeof c?.v === "number" ? c.v : 0));
    // The three tenths left go to the largest remainders (all .6 here: the larger shares first).
    expect(shown).toEqual([0.319, 0.223, 0.141, 0.177, 0.14, ...Array<number>(n - 5).fill(0)]);
    expect(Math.round(shown.reduce((s, v) => s + v, 0) * 1000)).toBe(1000);
    exact.forEach((x, k) => expect(Math.abs(shown[k] - x / 10000)).toBeLessThan(0.001));
  });

  it("keeps a unit name that looks like a formula as text", () => {
    const a = sampleAllocation();
    a.units[0].unit = '=HYPERLINK("x")';
    a.rules[0].unit = a.units[0].unit;
    const s = buildAnnexSheet(a);
    const cell = s.cells.flat().find((c) => typeof c?.v === "string" && c.v.startsWith("=HYPERLINK"));
    expect(cell).toMatchObject({ fmt: "@" });
    expect(cell?.f).toBeUndefined();
  });

  it("sizes a label column and one figure column per instrument", () => {
    expect(sheet.columnWidths?.[0]).toBeGreaterThanOrEqual(34);
    expect(sheet.columnWidths).toHaveLength(1 + allocation.instruments.length + 2);
  });
});
