import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { handmade, MAIN, REL, sheetXml } from "../handmade";

const PIVOT_WORKBOOK = join(
  __dirname,
  "..",
  "..",
  "fixtures",
  "producers",
  "libreoffice-pivot-chart-comment.xlsx",
);

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

describe("XlsxWorkbook.writeCells", () => {
  it("writes rules into the user's sheet and changes no other part but the style sheet", async () => {
    const input = new Uint8Array(readFileSync(PIVOT_WORKBOOK));
    const book = await XlsxWorkbook.fromBuffer(input);
    const rules = (await book.readInputs()).sheets.find((s) => s.name === "Rules");
    const last = rules?.rows.length ?? 0;
    await book.writeCells("Rules", [
      { row: 6, col: 2, value: "equal", format: "@" },
      { row: 6, col: 3, value: null, format: "@" },
      { row: last + 1, col: 1, value: "=Not a formula", format: "@" },
      { row: last + 1, col: 5, value: 0.05, format: "0.##%" },
    ]);
    const out = await book.toBuffer();
    const before = parts(input);
    const after = parts(out);
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    expect(changed.sort()).toEqual(["xl/styles.xml", "xl/worksheets/sheet6.xml"]);

    const again = (await (await XlsxWorkbook.fromBuffer(out)).readInputs()).sheets.find(
      (s) => s.name === "Rules",
    );
    expect(again?.rows[5].slice(0, 3)).toEqual([rules?.rows[5][0], "equal", null]);
    expect(again?.rows[last]).toEqual(["=Not a formula", null, null, null, 0.05]);
    const wb = new Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Rules");
    expect(ws?.getCell(last + 1, 5).numFmt).toBe("0.##%");
    expect(ws?.getCell(last + 1, 1).formula).toBeUndefined();
    // The replaced cell keeps its own look (font, fill, alignment), as typing into it would.
    const original = new Workbook();
    await original.xlsx.load(input as unknown as ArrayBuffer);
    expect(ws?.getCell(6, 2).style).toEqual(original.getWorksheet("Rules")?.getCell(6, 2).style);
  });

  it("gives every cell its address before inserting, where a producer left them out, so nothing moves", async () => {
    const book = await XlsxWorkbook.fromBuffer(
      handmade({
        sheets: [
          {
            name: "Rules",
            xml: sheetXml(
              '<row><c t="inlineStr"><is><t>Unit</t></is></c><c t="inlineStr"><is><t>Method</t></is></c></row>' +
                '<row><c t="inlineStr"><is><t>Comms</t></is></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row>',
            ),
          },
        ],
      }),
    );
    await book.writeCells("Rules", [
      { row: 2, col: 2, value: "equal" },
      { row: 3, col: 1, value: "Science" },
      { row: 4, col: 1, value: "Admin" },
    ]);
    const grids = await (await XlsxWorkbook.fromBuffer(await book.toBuffer())).readInputs();
    expect(grids.sheets[0].rows).toEqual([
      ["Unit", "Method"],
      ["Comms", "equal"],
      ["Science"],
      ["Admin", null, 3, 4],
    ]);
  });

  it("takes out the calculation chain when it overwrites a formula, and refuses to break a shared formula", async () => {
    const bytes = handmade({
      sheets: [
        {
          name: "Rules",
          xml: sheetXml(
            '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1</f><v>2</v></c></row>' +
              '<row r="2"><c r="B2"><f t="shared" si="0"/><v>0</v></c></row>',
          ),
        },
      ],
      extra: {
        "xl/calcChain.xml": `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/><c r="B1"/><c r="B2"/></calcChain>`,
      },
    });
    const p = unzipSync(bytes);
    p["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
      strFromU8(p["xl/_rels/workbook.xml.rels"]).replace(
        "</Relationships>",
        `<Relationship Id="cc" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
      ),
    );
    const book = await XlsxWorkbook.fromBuffer(zipSync(p));
    await expect(book.writeCells("Rules", [{ row: 1, col: 2, value: "x" }])).rejects.toThrow(
      /shared formula/,
    );
    await book.writeCells("Rules", [{ row: 1, col: 1, value: "equal" }]);
    const out = parts(await book.toBuffer());
    expect(out["xl/calcChain.xml"]).toBeUndefined();
    expect(out["xl/_rels/workbook.xml.rels"]).not.toContain("calcChain");
  });
});
