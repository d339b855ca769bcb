import { inputSheets } from "../../../src/workbook/inputSheets";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { handmadeParts, MAIN, REL, sheetXml, zipOf } from "../handmade";

const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** An inline-string cell. */
const s = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * A workbook with an input sheet (Posts), a ledger that holds the Instruments as a table
 * (tblInstruments on 'Ledger'), a ledger with nothing of ours, and a chart sheet named Savings.
 */
function workbook(): Uint8Array {
  const parts = handmadeParts({
    sheets: [
      {
        name: "Posts",
        xml: sheetXml(`<row r="1">${s("A1", "PostId")}</row><row r="2">${s("A2", "P-1")}</row>`),
      },
      {
        name: "Ledger",
        xml: sheetXml(
          `<row r="1">${s("A1", "Journal")}</row><row r="3">${s("B3", "Code")}</row><row r="4">${s("B4", "CMS")}</row>`,
          `<tableParts count="1"><tablePart r:id="rT"/></tableParts>`,
        ),
      },
      { name: "Data 2016", xml: sheetXml(`<row r="1">${s("A1", "a million rows")}</row>`) },
    ],
    workbookTail: "",
    extra: {
      "xl/worksheets/_rels/sheet2.xml.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Id="rT" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
      "xl/tables/table1.xml": `<table xmlns="${MAIN}" id="1" name="Table1" displayName="tblInstruments" ref="B3:B4"><tableColumns count="1"><tableColumn id="1" name="Code"/></tableColumns></table>`,
      "xl/chartsheets/sheet1.xml": `<chartsheet xmlns="${MAIN}"/>`,
    },
  });
  // A chart sheet after the worksheets.
  parts["xl/workbook.xml"] = String(parts["xl/workbook.xml"]).replace(
    "</sheets>",
    `<sheet name="Savings" sheetId="9" r:id="rC"/></sheets>`,
  );
  parts["xl/_rels/workbook.xml.rels"] = String(parts["xl/_rels/workbook.xml.rels"]).replace(
    "</Relationships>",
    `<Relationship Id="rC" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
  );
  return zipOf(parts);
}

describe("XlsxWorkbook.readInputs with a selection", () => {
  it("reads the input sheets and tables inputSheets picks, and lists every other sheet by name only", async () => {
    const book = await XlsxWorkbook.fromBuffer(workbook());
    const grids = await book.readInputs({ select: (index) => inputSheets(index) });
    expect(grids.sheets).toEqual([
      { name: "Posts", rows: [["PostId"], ["P-1"]], firstRow: 1, firstCol: 1 },
      { name: "Ledger", rows: [], firstRow: 1, firstCol: 1 },
      { name: "Data 2016", rows: [], firstRow: 1, firstCol: 1 },
      { name: "Savings", rows: [], firstRow: 1, firstCol: 1 },
    ]);
    expect(grids.tables).toEqual([
      { name: "tblInstruments", sheet: "Ledger", rows: [["Code"], ["CMS"]], firstRow: 3, firstCol: 2 },
    ]);
  });

  it("reads every worksheet without a selection, and lists a chart sheet by name", async () => {
    const grids = await (await XlsxWorkbook.fromBuffer(workbook())).readInputs();
    expect(grids.sheets.map((g) => [g.name, g.rows.length])).toEqual([
      ["Posts", 2],
      ["Ledger", 4],
      ["Data 2016", 1],
      ["Savings", 0],
    ]);
  });
});
