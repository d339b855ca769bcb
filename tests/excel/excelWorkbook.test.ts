import { ExcelWorkbook } from "../../src/excel/excelWorkbook";
import { ForeignSheetError } from "../../src/workbook/errors";
import type { OutputSheet } from "../../src/workbook/grid";
import { FakeExcel, type FakeSheet } from "./fakeExcel";

/** A small Allocation sheet with a header, figures, a total formula and formats. */
function allocation(total = 140000): OutputSheet {
  return {
    name: "Allocation",
    cells: [
      [{ v: "Allocation 2026", bold: true, size: 14 }],
      [
        { v: "Post", bold: true, borderBottom: true, fill: "F2F2F2" },
        { v: "CMS", bold: true, borderBottom: true, fill: "F2F2F2", align: "right" },
        { v: "ASCOBANS", bold: true, borderBottom: true, fill: "F2F2F2", align: "right" },
      ],
      [{ v: "P4 Programme Officer" }, { v: total * 0.85, fmt: "#,##0" }, { v: total * 0.15, fmt: "#,##0" }],
      [
        { v: "Total", bold: true, borderTop: true },
        { f: "SUM(B3:B3)", v: total * 0.85, fmt: "#,##0", bold: true, borderTop: true },
        { f: "SUM(C3:C3)", v: total * 0.15, fmt: "#,##0", bold: true, borderTop: true },
      ],
    ],
    columnWidths: [30, 12, 12],
    freeze: { rows: 2, cols: 1 },
    merges: ["A1:C1"],
    tabColor: "006978",
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: [1, 2],
      footer: "Page &P of &N",
      breaksBefore: [4],
    },
  };
}

function log(): OutputSheet {
  return {
    name: "Log",
    cells: [
      [{ v: "Time" }, { v: "Total" }],
      [{ v: "2026-11-27T20:00:00Z" }, { v: 140000 }],
    ],
  };
}

/** A workbook with the user's inputs and, optionally, our earlier output. */
function workbook(withEarlierOutput: boolean): FakeExcel {
  const fx = new FakeExcel(["Instruments", "Posts"]);
  fx.sheet("Instruments")!.fill([
    ["Code", "Name", "Parties"],
    ["CMS", "Convention on Migratory Species", 133],
    ["ASCOBANS", "Agreement on Small Cetaceans", 10],
  ]);
  fx.sheet("Posts")!.fill(
    [
      ["PostId", "Grade", "Cost"],
      ["P-01", "P4", 140000],
      ["P-02", "P2", { error: "#REF!" }],
    ],
    3,
    2,
  );
  fx.addTable("tblPosts", fx.sheet("Posts")!, "B3:D5");
  if (withEarlierOutput) {
    const old = fx.addSheet("Allocation").fill([["old allocation"]]);
    fx.markOwned(old);
    const oldLog = fx.addSheet("Log").fill([["old log"]]);
    fx.markOwned(oldLog);
  }
  return fx;
}

const names = (fx: FakeExcel) => fx.sheets.map((s) => s.name);
const value = (s: FakeSheet | undefined, a: string) => s?.cell(a)?.value;

describe("ExcelWorkbook", () => {
  describe("readInputs", () => {
    it("reads the input sheets' used ranges with their position, errors as error values, in two syncs", async () => {
      const fx = workbook(true);
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      // Names, then each input sheet's used range with its top rows, which hold the whole of it.
      expect(fx.syncCount).toBe(2);
      const posts = grids.sheets.find((s) => s.name === "Posts")!;
      expect(posts.firstRow).toBe(3);
      expect(posts.firstCol).toBe(2);
      expect(posts.rows).toEqual([
        ["PostId", "Grade", "Cost"],
        ["P-01", "P4", 140000],
        ["P-02", "P2", { error: "#REF!" }],
      ]);
      expect(grids.sheets.find((s) => s.name === "Instruments")!.rows[1]).toEqual([
        "CMS",
        "Convention on Migratory Species",
        133,
      ]);
    });

    it("reads tables cut from their sheet at their address", async () => {
      const fx = workbook(false);
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      expect(grids.tables).toEqual([
        {
          name: "tblPosts",
          sheet: "Posts",
          firstRow: 3,
          firstCol: 2,
          rows: [
            ["PostId", "Grade", "Cost"],
            ["P-01", "P4", 140000],
            ["P-02", "P2", { error: "#REF!" }],
          ],
        },
      ]);
    });

    it("names the sheets that carry our mark pointing at themselves, and lists a sheet that is not input by name", async () => {
      const fx = workbook(true);
      fx.addSheet("Notes");
      // A mark whose sheet was renamed by the user points at the new name: not ours any more.
      const renamed = fx.addSheet("My copy");
      fx.markOwned(renamed, "_CMSCS_OWNED_Savings");
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      expect(grids.ownedSheets).toEqual(["Allocation", "Log"]);
      expect(grids.sheets.find((s) => s.name === "Notes")).toEqual({
        name: "Notes",
        rows: [],
        firstRow: 1,
        firstCol: 1,
      });
    });
    it("reads no cell of a sheet the contract cannot use, and only the Log of our own sheets", async () => {
      const fx = workbook(true);
      fx.addSheet("Notes").fill([["Remember to check the grades"]]);
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      // The values of each sheet read (its top rows hold the whole of it).
      expect(new Set(fx.rangeReads.map((r) => r.split("!")[0]))).toEqual(
        new Set(["Instruments", "Posts", "Log"]),
      );
      expect(grids.sheets.map((s) => [s.name, s.rows.length])).toEqual([
        ["Instruments", 3],
        ["Posts", 3],
        ["Allocation", 0],
        ["Log", 1],
        ["Notes", 0],
      ]);
    });

    it("reads a sheet of another name that the officer's saved mapping names", async () => {
      const fx = workbook(false);
      fx.sheet("Posts")!.name = "Personnel 2026";
      fx.addSheet("Archive 2020").fill([["PostId"], ["P-00"]]);
      fx.settings.set("CMSCS.inputMapping", { Posts: { source: "Personnel 2026" } });
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      expect(fx.syncCount).toBe(2);
      expect(grids.sheets.find((s) => s.name === "Personnel 2026")!.rows).toHaveLength(3);
      expect(grids.sheets.find((s) => s.name === "Archive 2020")!.rows).toEqual([]);
      expect(grids.tables[0]).toMatchObject({ name: "tblPosts", sheet: "Personnel 2026", firstRow: 3 });
      expect(grids.tables[0].rows[1]).toEqual(["P-01", "P4", 140000]);
    });

    it("reads a contract table on a sheet of another name by its own range, and not the rest of the sheet", async () => {
      const fx = new FakeExcel(["Data"]);
      const data = fx.sheet("Data")!;
      data.fill([
        ["Code", "Parties"],
        ["CMS", 133],
      ]);
      data.fill([["Voucher"], ["V1"], ["V2"]], 1, 10);
      fx.addTable("tblInstruments", data, "A1:B2");
      fx.addTable("Vouchers", data, "J1:J3");
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      expect(fx.rangeReads).toEqual(["Data!A1:B2"]);
      expect(grids.sheets).toEqual([{ name: "Data", rows: [], firstRow: 1, firstCol: 1 }]);
      expect(grids.tables).toEqual([
        {
          name: "tblInstruments",
          sheet: "Data",
          rows: [
            ["Code", "Parties"],
            ["CMS", 133],
          ],
          firstRow: 1,
          firstCol: 1,
        },
        { name: "Vouchers", sheet: "Data", rows: [], firstRow: 1, firstCol: 10 },
      ]);
    });

    it("reads a workbook with no input sheet in one sync", async () => {
      const fx = new FakeExcel(["Notes", "Ledger"]);
      fx.sheet("Ledger")!.fill([["Voucher"], ["V1"]]);
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      expect(fx.syncCount).toBe(1);
      expect(grids.sheets.map((s) => s.rows)).toEqual([[], []]);
    });
  });

  describe("listSheets", () => {
    it("lists the sheets in tab order with their ownership in one sync", async () => {
      const fx = workbook(true);
      const sheets = await new ExcelWorkbook(fx.context).listSheets();
      expect(fx.syncCount).toBe(1);
      expect(sheets).toEqual([
        { name: "Instruments", owned: false },
        { name: "Posts", owned: false },
        { name: "Allocation", owned: true },
        { name: "Log", owned: true },
      ]);
    });
  });

  describe("writeOutputs", () => {
    it("writes values, formulas and formats in three syncs: check, content, swap", async () => {
      const fx = workbook(false);
      const progress: number[] = [];
      await new ExcelWorkbook(fx.context, { pageLayout: true }).writeOutputs([allocation(), log()], (f) =>
        progress.push(f),
      );
      expect(fx.syncCount).toBe(3);
      expect(progress).toEqual([0.5, 1]);
      expect(fx.suspendCalls).toBe(1);
      expect(names(fx)).toEqual(["Instruments", "Posts", "Allocation", "Log"]);
      const a = fx.sheet("Allocation")!;
      expect(a.visibility).toBe("Visible");
      expect(value(a, "A3")).toBe("P4 Programme Officer");
      expect(value(a, "B3")).toBe(119000);
      expect(a.cell("B4")?.formula).toBe("=SUM(B3:B3)");
      expect(a.cell("B3")?.numberFormat).toBe("#,##0");
      expect(a.cell("A1")?.look).toEqual({ "font.bold": true, "font.size": 14 });
      expect(a.cell("C2")?.look).toMatchObject({
        "fill.color": "#F2F2F2",
        horizontalAlignment: "Right",
        "borders.getItem(EdgeBottom).style": "Continuous",
      });
      expect(a.props).toMatchObject({
        "columnWidth.A:A": 161.25,
        "merge.A1:C1": true,
        tabColor: "#006978",
        "pageLayout.orientation": "Landscape",
        "pageLayout.paperSize": "A4",
        "pageLayout.zoom": { horizontalFitToPages: 1 },
        "pageLayout.setPrintTitleRows($1:$2)": true,
        "pageLayout.headersFooters.defaultForAllPages.centerFooter": "Page &P of &N",
        pageBreaks: ["A4"],
      });
      // Two rows and one column frozen (the range is read while the sheet still has its staging name).
      expect(Object.keys(a.props)).toContainEqual(
        expect.stringMatching(/^freezePanes\.freezeAt\(.*!A1:A2\)$/),
      );
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      expect(grids.ownedSheets).toEqual(["Allocation", "Log"]);
    });

    it("replaces our earlier output and leaves the user's sheets alone", async () => {
      const fx = workbook(true);
      const before = fx.sheet("Posts");
      await new ExcelWorkbook(fx.context).writeOutputs([allocation(200000), log()]);
      expect(names(fx)).toEqual(["Instruments", "Posts", "Allocation", "Log"]);
      expect(fx.sheet("Posts")).toBe(before);
      expect(value(fx.sheet("Allocation"), "B3")).toBe(170000);
      expect(value(fx.sheet("Log"), "A1")).toBe("Time");
      expect(fx.names.map((n) => [n.name, n.sheet?.name])).toEqual([
        ["_CMSCS_OWNED_Allocation", "Allocation"],
        ["_CMSCS_OWNED_Log", "Log"],
      ]);
    });

    it("puts each new sheet where the officer had moved the old one", async () => {
      const fx = workbook(true);
      // The officer moved Log to the front and Allocation between the inputs.
      const log = fx.sheet("Log")!;
      const alloc = fx.sheet("Allocation")!;
      fx.sheets = [log, fx.sheet("Instruments")!, alloc, fx.sheet("Posts")!];
      fx.addSheet("~CMSCS staging 1").visibility = "Hidden";
      await new ExcelWorkbook(fx.context).writeOutputs([
        allocation(),
        { name: "Log", cells: [[{ v: "new log" }]] },
      ]);
      expect(names(fx)).toEqual(["Log", "Instruments", "Allocation", "Posts"]);
      expect(value(fx.sheet("Log"), "A1")).toBe("new log");
      expect(fx.sheet("Log")).not.toBe(log);
    });

    it("refuses to replace a sheet of the user's, writing nothing", async () => {
      const fx = workbook(false);
      fx.addSheet("allocation").fill([["the user's own notes"]]);
      const write = new ExcelWorkbook(fx.context).writeOutputs([allocation(), log()]);
      await expect(write).rejects.toBeInstanceOf(ForeignSheetError);
      await expect(write).rejects.toThrow(/'allocation'/);
      expect(fx.syncCount).toBe(1);
      expect(names(fx)).toEqual(["Instruments", "Posts", "allocation"]);
      expect(value(fx.sheet("allocation"), "A1")).toBe("the user's own notes");
      expect(fx.names).toEqual([]);
    });

    it("writes text that looks like a formula as text", async () => {
      const fx = workbook(false);
      const tricky = ['=HYPERLINK("http://x")', "+41 22 917 8111", "-not a number", "@mention", "\tindented"];
      const sheet: OutputSheet = { name: "Annex", cells: tricky.map((t) => [{ v: t }, { v: -5 }]) };
      await new ExcelWorkbook(fx.context).writeOutputs([sheet]);
      const annex = fx.sheet("Annex")!;
      tricky.forEach((t, i) => {
        const cell = annex.cell(`A${i + 1}`)!;
        expect(cell.formula).toBeUndefined();
        expect(cell.value).toBe(t);
        expect(cell.numberFormat).toBe("@");
      });
      // A negative number is a number, not text.
      expect(annex.cell("B1")).toMatchObject({ value: -5, numberFormat: "General" });
    });

    it("keeps a formula a formula even when its cell asks for the text format", async () => {
      const fx = workbook(false);
      await new ExcelWorkbook(fx.context).writeOutputs([
        { name: "Annex", cells: [[{ v: 1 }, { f: "A1*2", v: 2, fmt: "@" }]] },
      ]);
      expect(fx.sheet("Annex")!.cell("B1")).toMatchObject({ formula: "=A1*2", numberFormat: "General" });
    });

    it("splits a large write into requests under the payload limit", async () => {
      const fx = workbook(false);
      const rows = 3000;
      const big: OutputSheet = {
        name: "Allocation",
        cells: Array.from({ length: rows }, (_, r) =>
          Array.from({ length: 10 }, (_, c) =>
            c === 9 ? { f: `SUM(A${r + 1}:I${r + 1})`, v: 0 } : { v: r * 10 + c, fmt: "#,##0" },
          ),
        ),
      };
      const limit = 100_000;
      await new ExcelWorkbook(fx.context, { maxPayloadBytes: limit }).writeOutputs([big, log()]);
      const chunks = fx.syncCount - 2;
      expect(chunks).toBeGreaterThan(3);
      // The fake measures each request independently of the adapter's estimate.
      for (const bytes of fx.requestBytes) expect(bytes).toBeLessThanOrEqual(limit * 1.25);
      expect(fx.suspendCalls).toBe(chunks);
      const a = fx.sheet("Allocation")!;
      expect(value(a, "A3000")).toBe(29990);
      expect(a.cell("J3000")?.formula).toBe("=SUM(A3000:I3000)");
      expect(a.cell("C1500")?.numberFormat).toBe("#,##0");
    });

    it("keeps a 5 MB sheet to requests Excel on the web accepts with the default limit", async () => {
      const fx = workbook(false);
      const text = "x".repeat(40);
      const big: OutputSheet = {
        name: "Allocation",
        cells: Array.from({ length: 12000 }, () => Array.from({ length: 10 }, () => ({ v: text }))),
      };
      await new ExcelWorkbook(fx.context).writeOutputs([big]);
      expect(fx.syncCount).toBeGreaterThan(3);
      for (const bytes of fx.requestBytes) expect(bytes).toBeLessThan(5_000_000);
    });

    it("leaves the earlier output intact when a fault strikes mid-write, and removes the staging sheets", async () => {
      const fx = workbook(true);
      const rows = 2000;
      const big: OutputSheet = {
        name: "Allocation",
        cells: Array.from({ length: rows }, (_, r) => [{ v: `line ${r}` }, { v: r }]),
      };
      fx.failOnSync = 3; // the check, the first chunk, then halfway through the second chunk
      const write = new ExcelWorkbook(fx.context, { maxPayloadBytes: 20_000 }).writeOutputs([big, log()]);
      await expect(write).rejects.toThrow(/injected fault/);
      expect(names(fx)).toEqual(["Instruments", "Posts", "Allocation", "Log"]);
      expect(value(fx.sheet("Allocation"), "A1")).toBe("old allocation");
      expect(value(fx.sheet("Log"), "A1")).toBe("old log");
      const grids = await new ExcelWorkbook(fx.context).readInputs();
      expect(grids.ownedSheets).toEqual(["Allocation", "Log"]);
    });

    it("clears staging sheets left by a run that died before it could clean up", async () => {
      const fx = workbook(false);
      fx.addSheet("~CMSCS staging 1").visibility = "Hidden";
      await new ExcelWorkbook(fx.context).writeOutputs([log()]);
      expect(names(fx)).toEqual(["Instruments", "Posts", "Log"]);
    });

    it("replaces output when our previous sheets are the only visible ones", async () => {
      const fx = new FakeExcel([]);
      fx.markOwned(fx.addSheet("Log").fill([["old log"]]));
      await new ExcelWorkbook(fx.context).writeOutputs([log()]);
      expect(names(fx)).toEqual(["Log"]);
      expect(value(fx.sheet("Log"), "A1")).toBe("Time");
    });
  });
});
