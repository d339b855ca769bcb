import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { OutputSheet } from "../../../src/workbook/grid";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { handmade, MAIN, REL, sheetXml } from "../handmade";
import { openpyxlPython } from "../../openpyxlPython";

const FIXTURES = join(__dirname, "..", "..", "fixtures");
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const allocation: OutputSheet = {
  name: "Allocation",
  cells: [[{ v: "Unit", bold: true, fill: "F2F2F2" }], [{ f: "1+1", v: 2, fmt: "#,##0.0" }]],
};

/** Writes `sheets` into the workbook and returns the parts of the result as text. */
async function written(
  bytes: Uint8Array,
  sheets: OutputSheet[] = [allocation],
): Promise<Record<string, string>> {
  const book = await XlsxWorkbook.fromBuffer(bytes);
  await book.writeOutputs(sheets);
  const parts = unzipSync(await book.toBuffer());
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strFromU8(v)]));
}

describe("writing our sheets into another producer's package", () => {
  it("adds our cell formats to a style sheet written with x: prefixes, in that prefix", async () => {
    const out = await written(readFileSync(join(FIXTURES, "producers", "handmade-x-prefix.xlsx")));
    const styles = out["xl/styles.xml"];
    expect(styles).not.toMatch(/<(font|fill|border|xf|numFmt|alignment|b|sz|name)\b/);
    expect(styles).toMatch(/<x:numFmt numFmtId="\d+" formatCode="#,##0\.0"\/>/);
    const count = (tag: string) => Number(new RegExp(`<x:${tag} count="(\\d+)"`).exec(styles)?.[1]);
    const entries = (tag: string, child: string) =>
      (
        new RegExp(`<x:${tag}\\b[^>]*>([\\s\\S]*?)</x:${tag}>`)
          .exec(styles)?.[1]
          .match(new RegExp(`<x:${child}\\b`, "g")) ?? []
      ).length;
    expect(count("cellXfs")).toBe(entries("cellXfs", "xf"));
    expect(count("fonts")).toBe(entries("fonts", "font"));
  });

  it("creates a style sheet for a workbook that has none, and registers it", async () => {
    const out = await written(
      handmade({ sheets: [{ name: "Posts", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] }),
    );
    expect(out["xl/styles.xml"]).toMatch(
      /<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"\/>/,
    );
    expect(out["xl/_rels/workbook.xml.rels"]).toMatch(/Type="[^"]*\/styles" Target="styles\.xml"/);
    expect(out["[Content_Types].xml"]).toContain('PartName="/xl/styles.xml"');
    expect(out["xl/worksheets/sheet2.xml"]).toMatch(/<c r="A1" s="[1-9]\d*" t="inlineStr">/);
  });

  it("lists a new sheet in a workbook part with an empty <definedNames/> and no r: prefix declared", async () => {
    const bytes = handmade({
      sheets: [{ name: "Posts", xml: sheetXml("") }],
      workbookTail: '<definedNames/><calcPr calcId="124519"/>',
    });
    const parts = unzipSync(bytes);
    // The workbook element declares the relationships namespace under another prefix than r.
    parts["xl/workbook.xml"] = new TextEncoder().encode(
      strFromU8(parts["xl/workbook.xml"])
        .replace(`xmlns:r="${REL}"`, `xmlns:rel="${REL}"`)
        .replace("r:id=", "rel:id="),
    );
    const out = await written(zipSync(parts));
    const wb = out["xl/workbook.xml"];
    expect(wb).toMatch(/<sheet name="Allocation" sheetId="2" rel:id="rId\d+"\/><\/sheets>/);
    expect(wb).toContain(
      "<definedNames><definedName name=\"_CMSCS_OWNED_Allocation\">'Allocation'!$A$1</definedName></definedNames><calcPr",
    );
    const again = await XlsxWorkbook.fromBuffer(
      zipSync(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, strToU8(v)]))),
    );
    expect(await again.listSheets()).toEqual([
      { name: "Posts", owned: false },
      { name: "Allocation", owned: true },
    ]);
  });

  it("adds the new sheets to the titles Excel keeps in docProps/app.xml", async () => {
    const out = await written(readFileSync(join(FIXTURES, "..", "..", "assets", "cms-family-sample.xlsx")), [
      allocation,
      { name: "Log", cells: [[{ v: "Time" }]] },
    ]);
    const app = out["docProps/app.xml"];
    expect(app).toMatch(/<vt:lpstr>Worksheets<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>12<\/vt:i4>/);
    expect(app).toMatch(
      /<vt:vector size="12" baseType="lpstr">.*<vt:lpstr>Scales<\/vt:lpstr><vt:lpstr>Allocation<\/vt:lpstr><vt:lpstr>Log<\/vt:lpstr><\/vt:vector>/,
    );
  });

  it("takes out, with a sheet of ours it replaces, the calculation chain and the parts only that sheet reached", async () => {
    const first = await XlsxWorkbook.fromBuffer(
      handmade({
        sheets: [{ name: "Posts", xml: sheetXml('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>') }],
        extra: {
          "xl/calcChain.xml": `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>`,
          "xl/media/logo.png": new Uint8Array([137, 80, 78, 71]),
        },
      }),
    );
    await first.writeOutputs([allocation]);
    const parts = unzipSync(await first.toBuffer());
    // The officer put a picture on our sheet; the workbook also has a calculation chain, and a drawing of their own.
    parts["xl/worksheets/_rels/sheet2.xml.rels"] = new TextEncoder().encode(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="d1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    );
    parts["xl/drawings/drawing1.xml"] = new TextEncoder().encode("<xdr:wsDr/>");
    parts["xl/drawings/_rels/drawing1.xml.rels"] = new TextEncoder().encode(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="i1" Type="${REL}/image" Target="../media/logo.png"/></Relationships>`,
    );
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = new TextEncoder().encode(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="i1" Type="${REL}/image" Target="../media/logo.png"/></Relationships>`,
    );
    parts["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
      strFromU8(parts["xl/_rels/workbook.xml.rels"]).replace(
        "</Relationships>",
        `<Relationship Id="cc" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
      ),
    );
    parts["xl/calcChain.xml"] = new TextEncoder().encode(
      `<calcChain xmlns="${MAIN}"><c r="A2" i="2"/></calcChain>`,
    );
    const out = await written(zipSync(parts), [{ name: "Allocation", cells: [[{ v: "second run" }]] }]);
    expect(Object.keys(out).sort()).toEqual(
      [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/_rels/workbook.xml.rels",
        "xl/media/logo.png",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/_rels/sheet1.xml.rels",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
      ].sort(),
    );
    expect(out["xl/_rels/workbook.xml.rels"]).not.toContain("calcChain");
    expect(out["xl/worksheets/sheet2.xml"]).toContain("second run");
  });

  it('lists a hidden output sheet with state="hidden", and reads it back, hidden or not', async () => {
    const records: OutputSheet = { name: "Run records", hidden: true, cells: [[{ v: "Run" }], [{ v: 1 }]] };
    const bytes = handmade({
      sheets: [{ name: "Posts", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
    });
    const out = await written(bytes, [allocation, records]);
    const wb = out["xl/workbook.xml"];
    expect(wb).toMatch(/<sheet name="Allocation" sheetId="2" r:id="rId\d+"\/>/);
    expect(wb).toMatch(/<sheet name="Run records" sheetId="3" state="hidden" r:id="rId\d+"\/>/);
    const book = await XlsxWorkbook.fromBuffer(
      zipSync(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, strToU8(v)]))),
    );
    const grids = await book.readInputs();
    expect(grids.sheets.find((s) => s.name === "Run records")?.rows).toEqual([["Run"], [1]]);
    expect(grids.ownedSheets).toEqual(["Allocation", "Run records"]);
  });

  it("gives a sheet of ours it replaces the state its output asks for, and leaves the rest of its entry alone", async () => {
    const first = await XlsxWorkbook.fromBuffer(handmade({ sheets: [{ name: "Posts", xml: sheetXml("") }] }));
    await first.writeOutputs([allocation, { name: "Run records", hidden: true, cells: [[{ v: "Run" }]] }]);
    const parts = unzipSync(await first.toBuffer());
    // The officer unhid the Run records and hid Allocation (as veryHidden, in single quotes).
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"])
        .replace(/(<sheet name="Allocation" sheetId="2")/, "$1 state='veryHidden'")
        .replace(' state="hidden"', ""),
    );
    const out = await written(zipSync(parts), [
      allocation,
      { name: "Run records", hidden: true, cells: [[{ v: "Run" }], [{ v: 2 }]] },
    ]);
    const wb = out["xl/workbook.xml"];
    expect(wb).toMatch(/<sheet name="Posts" sheetId="1" r:id="rId1"\/>/);
    expect(wb).toMatch(/<sheet name="Allocation" sheetId="2" r:id="rId\d+"\/>/);
    expect(wb).toMatch(/<sheet name="Run records" sheetId="3" r:id="rId\d+" state="hidden"\/>/);
    expect(wb.match(/<sheet /g)).toHaveLength(3);
  });

  it("writes a hidden sheet that openpyxl reads as hidden, and a visible one as visible", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hidden-"));
    const book = await XlsxWorkbook.fromBuffer(
      readFileSync(join(FIXTURES, "producers", "openpyxl-resaved.xlsx")),
    );
    await book.writeOutputs([allocation, { name: "Run records", hidden: true, cells: [[{ v: "Run" }]] }]);
    writeFileSync(join(dir, "out.xlsx"), await book.toBuffer());
    const states = execFileSync(
      openpyxlPython(),
      [
        "-c",
        "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); print(' '.join(ws.title.replace(' ', '_') + '=' + ws.sheet_state for ws in wb.worksheets[-2:]))",
        join(dir, "out.xlsx"),
      ],
      { encoding: "utf8" },
    ).trim();
    expect(states).toBe("Allocation=visible Run_records=hidden");
  });
});
