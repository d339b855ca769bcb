import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ValueType, Workbook } from "exceljs";
import JSZip from "jszip";
import { ForeignSheetError } from "../../src/workbook/errors";
import type { OutputSheet } from "../../src/workbook/grid";
import { ownershipName } from "../../src/workbook/ownership";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

/** Bytes of a workbook built with ExcelJS directly, as another program would write it. */
async function bytesOf(build: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = new Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Reads bytes back with plain ExcelJS, independently of the adapter. */
async function excelOf(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const sample: OutputSheet = {
  name: "Allocation",
  cells: [
    [{ v: '=HYPERLINK("http://evil")', bold: true, size: 14 }],
    [
      { v: "Unit", bold: true, borderBottom: true, fill: "F2F2F2", align: "center" },
      { v: "CMS", bold: true, wrap: true },
      { v: "Total", italic: true, color: "808080" },
    ],
    [
      { v: "Communications" },
      { v: 1250.5, fmt: "#,##0.00" },
      { f: "SUM(B3:B3)", v: 1250.5, fmt: "#,##0", borderTop: true },
    ],
    [{ v: "+44 share" }, { v: 0.25, fmt: "0.0%" }, { f: "=B3*2", v: 2501 }],
    [null, { v: true }, { v: "-minus" }],
  ],
  columnWidths: [30, 12, 14],
  freeze: { rows: 2, cols: 1 },
  merges: ["A1:C1"],
  print: {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    repeatRows: [1, 2],
    header: "UNEP/CMS/StC44/Doc.X",
    footer: "Page &P of &N",
  },
  tabColor: "1F4E79",
  autoFilter: "A2:C4",
};

describe("XlsxWorkbook", () => {
  it("reads values, rich text, links, dates, errors and cached formula results into grids", async () => {
    const when = new Date(Date.UTC(2015, 0, 1));
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Posts");
      ws.getCell("A1").value = "Title above the table";
      ws.getCell("A3").value = "PostId";
      ws.getCell("B3").value = { richText: [{ text: "Co" }, { text: "st", font: { bold: true } }] };
      ws.getCell("C3").value = { text: "Link", hyperlink: "https://www.cms.int" };
      ws.getCell("A4").value = "P-1";
      ws.getCell("B4").value = 140000;
      ws.getCell("C4").value = true;
      ws.getCell("D4").value = when;
      ws.getCell("E4").value = { error: "#REF!" };
      ws.getCell("F4").value = { formula: "B4*2", result: 280000 };
      ws.getCell("G4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("F5").value = { sharedFormula: "F4", result: 7 };
      ws.getCell("H4").value = { formula: "A1", result: "text result" };
      ws.getCell("I4").value = { formula: "B4-B4", result: 0 };
      ws.getCell("J4").value = { formula: "B4<0", result: false };
      ws.mergeCells("A7:B7");
      ws.getCell("A7").value = "merged";
    });
    const grids = await (await XlsxWorkbook.fromBuffer(bytes)).readInputs();
    const posts = grids.sheets.find((s) => s.name === "Posts");
    expect(posts).toBeDefined();
    expect(posts?.firstRow).toBe(1);
    expect(posts?.firstCol).toBe(1);
    const rows = posts?.rows ?? [];
    expect(rows[0][0]).toBe("Title above the table");
    expect(rows[1]).toEqual([]);
    expect(rows[2]).toEqual(["PostId", "Cost", "Link"]);
    expect(rows[3].slice(0, 3)).toEqual(["P-1", 140000, true]);
    expect(rows[3][3]).toEqual(when);
    expect(rows[3][4]).toEqual({ error: "#REF!" });
    expect(rows[3][5]).toBe(280000);
    expect(rows[3][6]).toEqual({ error: "#DIV/0!" });
    expect(rows[3][7]).toBe("text result");
    expect(rows[3][8]).toBe(0);
    expect(rows[3][9]).toBe(false);
    expect(rows[4][5]).toBe(7);
    expect(rows[6]).toEqual(["merged"]);
  });

  it("reads worksheet tables with their position", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Instruments");
      ws.getCell("A1").value = "Instruments of the CMS Family";
      ws.addTable({
        name: "tblInstruments",
        ref: "B3",
        columns: [{ name: "Code" }, { name: "Parties" }],
        rows: [
          ["CMS", 121],
          ["AEWA", 75],
        ],
      });
    });
    const grids = await (await XlsxWorkbook.fromBuffer(bytes)).readInputs();
    expect(grids.tables).toEqual([
      {
        name: "tblInstruments",
        sheet: "Instruments",
        firstRow: 3,
        firstCol: 2,
        rows: [
          ["Code", "Parties"],
          ["CMS", 121],
          ["AEWA", 75],
        ],
      },
    ]);
  });

  it("reads the header row of a table that Excel wrote without headerRowCount, and keeps its part as it was", async () => {
    const built = await bytesOf((wb) => {
      wb.addWorksheet("Posts").addTable({
        name: "tblPosts",
        ref: "A1",
        columns: [{ name: "PostId" }, { name: "Cost" }],
        rows: [["P-1", 140000]],
      });
    });
    // Excel omits headerRowCount (its default is 1): strip it as Excel would have written the file.
    const zip = await JSZip.loadAsync(built);
    const xml = (await zip.file("xl/tables/table1.xml")?.async("string")) ?? "";
    expect(xml).toContain('headerRowCount="1"');
    const excelXml = xml.replace(' headerRowCount="1"', "");
    zip.file("xl/tables/table1.xml", excelXml);
    const book = await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "uint8array" }));
    expect((await book.readInputs()).tables[0].rows).toEqual([
      ["PostId", "Cost"],
      ["P-1", 140000],
    ]);
    await book.writeOutputs([sample]);
    const out = await JSZip.loadAsync(await book.toBuffer());
    expect(await out.file("xl/tables/table1.xml")?.async("string")).toBe(excelXml);
  });

  it("writes every cell property, formulas with cached values, and the page setup", async () => {
    const book = await XlsxWorkbook.fromBuffer(await bytesOf((wb) => wb.addWorksheet("Posts").addRow(["x"])));
    await book.writeOutputs([sample]);
    const wb = await excelOf(await book.toBuffer());
    const ws = wb.getWorksheet("Allocation");
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").font.size).toBe(14);
    expect(ws.getCell("A1").font.name).toBe("Calibri");
    expect(ws.getCell("C2").font).toMatchObject({ name: "Calibri", size: 11, italic: true });
    expect(ws.getCell("A2").border.bottom?.style).toBe("thin");
    expect(ws.getCell("A2").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFF2F2F2" },
    });
    expect(ws.getCell("A2").alignment.horizontal).toBe("center");
    expect(ws.getCell("B2").alignment.wrapText).toBe(true);
    expect(ws.getCell("C2").font.italic).toBe(true);
    expect(ws.getCell("C2").font.color).toEqual({ argb: "FF808080" });
    expect(ws.autoFilter).toBe("A2:C4");
    expect(ws.getCell("B3").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C3").value).toEqual({ formula: "SUM(B3:B3)", result: 1250.5 });
    expect(ws.getCell("C3").border.top?.style).toBe("thin");
    expect(ws.getCell("C4").value).toEqual({ formula: "B3*2", result: 2501 });
    expect(ws.getCell("B4").numFmt).toBe("0.0%");
    expect(ws.getCell("B5").value).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(ws.getCell("B1").isMerged).toBe(true);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    expect(ws.headerFooter.oddHeader).toBe("&CUNEP/CMS/StC44/Doc.X");
    expect(ws.headerFooter.oddFooter).toBe("&CPage &P of &N");
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    expect(wb.definedNames.getRanges(ownershipName("Allocation")).ranges).toEqual(["Allocation!$A$1"]);
  });

  it("writes formula-looking text as text, never as a formula", async () => {
    const book = await XlsxWorkbook.fromBuffer(await bytesOf((wb) => wb.addWorksheet("Posts").addRow(["x"])));
    await book.writeOutputs([sample]);
    const ws = (await excelOf(await book.toBuffer())).getWorksheet("Allocation");
    for (const address of ["A1", "A4", "C5"]) {
      const cell = ws?.getCell(address);
      expect(cell?.type).toBe(ValueType.String);
      expect(cell?.formula).toBeUndefined();
    }
    expect(ws?.getCell("A1").value).toBe('=HYPERLINK("http://evil")');
  });

  it("puts new output after the user's sheets and keeps the user's sheets intact", async () => {
    const book = await XlsxWorkbook.fromBuffer(
      await bytesOf((wb) => {
        wb.addWorksheet("Posts").addRow(["PostId", "Cost"]);
        wb.addWorksheet("Notes").addRow(["keep me"]);
      }),
    );
    await book.writeOutputs([sample, { name: "Log", cells: [[{ v: "Time" }]] }]);
    expect(await book.listSheets()).toEqual([
      { name: "Posts", owned: false },
      { name: "Notes", owned: false },
      { name: "Allocation", owned: true },
      { name: "Log", owned: true },
    ]);
    const wb = await excelOf(await book.toBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Posts", "Notes", "Allocation", "Log"]);
    expect(wb.getWorksheet("Notes")?.getCell("A1").value).toBe("keep me");
  });

  it("replaces its own sheets on a second run and finds them owned after a save", async () => {
    const first = await XlsxWorkbook.fromBuffer(
      await bytesOf((wb) => wb.addWorksheet("Posts").addRow(["x"])),
    );
    await first.writeOutputs([sample]);
    const second = await XlsxWorkbook.fromBuffer(await first.toBuffer());
    expect((await second.readInputs()).ownedSheets).toEqual(["Allocation"]);
    await second.writeOutputs([{ name: "Allocation", cells: [[{ v: "second run" }]] }]);
    const wb = await excelOf(await second.toBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Posts", "Allocation"]);
    expect(wb.getWorksheet("Allocation")?.getCell("A1").value).toBe("second run");
    expect(wb.getWorksheet("Allocation")?.getCell("B3").value).toBeNull();
    expect(wb.definedNames.getRanges(ownershipName("Allocation")).ranges).toEqual(["Allocation!$A$1"]);
  });

  it("refuses to replace a sheet of the user's and changes nothing", async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet("Posts").addRow(["x"]);
      wb.addWorksheet("allocation").addRow(["the user's own notes"]);
    });
    const book = await XlsxWorkbook.fromBuffer(bytes);
    await expect(book.writeOutputs([{ name: "Log", cells: [] }, sample])).rejects.toThrow(ForeignSheetError);
    expect(await book.listSheets()).toEqual([
      { name: "Posts", owned: false },
      { name: "allocation", owned: false },
    ]);
  });

  it("leaves the workbook as it was when a sheet cannot be written", async () => {
    const first = await XlsxWorkbook.fromBuffer(
      await bytesOf((wb) => wb.addWorksheet("Posts").addRow(["x"])),
    );
    await first.writeOutputs([sample]);
    const book = await XlsxWorkbook.fromBuffer(await first.toBuffer());
    const broken: OutputSheet = { name: "Log", cells: [[{ v: Number.NaN }]] };
    await expect(
      book.writeOutputs([{ name: "Allocation", cells: [[{ v: "new" }]] }, broken]),
    ).rejects.toThrow(/NaN/);
    expect(await book.listSheets()).toEqual([
      { name: "Posts", owned: false },
      { name: "Allocation", owned: true },
    ]);
    const wb = await excelOf(await book.toBuffer());
    expect(wb.getWorksheet("Allocation")?.getCell("A1").value).toBe(sample.cells[0][0]?.v);
  });

  it("treats a sheet of ours renamed by the user as no longer ours", async () => {
    const first = await XlsxWorkbook.fromBuffer(
      await bytesOf((wb) => wb.addWorksheet("Posts").addRow(["x"])),
    );
    await first.writeOutputs([sample]);
    const wb = await excelOf(await first.toBuffer());
    const ws = wb.getWorksheet("Allocation");
    if (ws) ws.name = "Allocation 2014";
    wb.definedNames.remove("Allocation!$A$1", ownershipName("Allocation"));
    wb.definedNames.add("'Allocation 2014'!$A$1", ownershipName("Allocation"));
    wb.addWorksheet("Allocation").addRow(["mine"]);
    const again = await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect((await again.readInputs()).ownedSheets).toEqual([]);
    await expect(again.writeOutputs([sample])).rejects.toThrow(ForeignSheetError);
  });
});

describe("the .xlsx adapter", () => {
  it("stays browser-safe: no Node module, Buffer, process or require in what xlsxWorkbook.ts loads", () => {
    const src = join(__dirname, "..", "..", "src");
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      expect({ file, node: /\b(Buffer|process|require)\b[.(]/.test(source) }).toEqual({ file, node: false });
      for (const [, spec] of source.matchAll(/from "([^"]+)"/g)) {
        if (!spec.startsWith(".")) external.add(spec);
        else if (!spec.includes("/engine/") && !spec.includes("/workbook/"))
          visit(`${join(dirname(file), spec)}.ts`);
      }
    };
    visit(join(src, "xlsx", "xlsxWorkbook.ts"));
    expect([...external].sort()).toEqual(["fflate"]);
    expect(seen.size).toBeGreaterThan(10);
  });
});
