import type { CellValue } from "../../../src/workbook/grid";
import { NotAWorkbookError, XlsxPackageError } from "../../../src/xlsx/errors";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { handmade, handmadeParts, MAIN, REL, sheetXml, zipOf } from "../handmade";

/** The rows of the first sheet of a hand-made workbook, as the adapter reads them. */
async function rowsOf(bytes: Uint8Array, sheet = 0): Promise<CellValue[][]> {
  return (await (await XlsxWorkbook.fromBuffer(bytes)).readInputs()).sheets[sheet].rows;
}

const STYLES = (numFmts: string, xfs: string[], prefix = "") => {
  const p = prefix === "" ? "" : `${prefix}:`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${prefix === "" ? "xmlns" : `xmlns:${prefix}`}="${MAIN}">` +
    `<${p}numFmts count="1">${numFmts}</${p}numFmts>` +
    `<${p}cellXfs count="${xfs.length}">${xfs.map((id) => `<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"/>`).join("")}</${p}cellXfs></${p}styleSheet>`
  );
};

describe("reading cells as other producers write them", () => {
  it("places rows and cells that have no r attribute where the standard puts them", async () => {
    const rows = await rowsOf(
      handmade({
        sheets: [
          {
            name: "Posts",
            xml: sheetXml(
              '<row><c t="inlineStr"><is><t>PostId</t></is></c><c t="inlineStr"><is><t>Cost</t></is></c></row>' +
                '<row><c t="inlineStr"><is><t>P-1</t></is></c><c><v>140000</v></c></row>' +
                '<row r="5"><c r="B5"><v>7</v></c><c><v>8</v></c></row><row><c><v>9</v></c></row>',
            ),
          },
        ],
      }),
    );
    expect(rows).toEqual([["PostId", "Cost"], ["P-1", 140000], [], [], [null, 7, 8], [9]]);
  });

  it("reads parts whose elements carry an x: prefix (the .NET Open XML SDK's way)", async () => {
    const x = (s: string) => s.replace(/<(\/?)(?!x:)([a-zA-Z]+)/g, "<$1x:$2");
    const rows = await rowsOf(
      handmade({
        sheets: [
          {
            name: "Posts",
            xml: sheetXml(
              x(
                '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>42370</v></c><c r="C1" t="b"><v>1</v></c></row>',
              ),
              "",
              "x",
            ),
          },
        ],
        sharedStrings: `<x:sst xmlns:x="${MAIN}"><x:si><x:t>PostId</x:t></x:si></x:sst>`,
        styles: STYLES('<x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>', ["0", "164"], "x"),
      }),
    );
    expect(rows).toEqual([["PostId", new Date(Date.UTC(2016, 0, 1)), true]]);
  });

  it("follows absolute relationship targets to sheets and tables (openpyxl writes /xl/tables/table1.xml)", async () => {
    const parts = handmadeParts({
      absolute: true,
      sheets: [
        {
          name: "Data",
          xml: sheetXml(
            '<row r="2"><c r="B2" t="inlineStr"><is><t>Code</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>CMS</t></is></c></row>',
            `<tableParts count="1"><tablePart r:id="rT"/></tableParts>`,
          ),
        },
      ],
      extra: {
        "xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rT" Type="${REL}/table" Target="/xl/tables/table1.xml"/></Relationships>`,
        "xl/tables/table1.xml": `<table xmlns="${MAIN}" id="1" name="Table1" displayName="tblInstruments" ref="B2:B3"><tableColumns count="1"><tableColumn id="1" name="Code"/></tableColumns></table>`,
      },
    });
    const grids = await (await XlsxWorkbook.fromBuffer(zipOf(parts))).readInputs();
    expect(grids.tables).toEqual([
      { name: "tblInstruments", sheet: "Data", rows: [["Code"], ["CMS"]], firstRow: 2, firstCol: 2 },
    ]);
  });

  it("leaves a table's totals row out of its data, and a table without a header row out altogether", async () => {
    const table = (name: string, ref: string, extra: string) =>
      `<table xmlns="${MAIN}" id="1" name="${name}" displayName="${name}" ref="${ref}" ${extra}><tableColumns count="1"><tableColumn id="1" name="Cost"/></tableColumns></table>`;
    const parts = handmadeParts({
      sheets: [
        {
          name: "Budget",
          xml: sheetXml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Cost</t></is></c></row><row r="2"><c r="A2"><v>5</v></c></row>' +
              '<row r="3"><c r="A3"><f>SUBTOTAL(109,A2)</f><v>5</v></c></row>',
            `<tableParts count="2"><tablePart r:id="rT1"/><tablePart r:id="rT2"/></tableParts>`,
          ),
        },
      ],
      extra: {
        "xl/worksheets/_rels/sheet1.xml.rels":
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rT1" Type="${REL}/table" Target="../tables/table1.xml"/><Relationship Id="rT2" Type="${REL}/table" Target="../tables/table2.xml"/></Relationships>`,
        "xl/tables/table1.xml": table("tblBudget", "A1:A3", 'totalsRowCount="1"'),
        "xl/tables/table2.xml": table("tblNoHeader", "A2:A3", 'headerRowCount="0"'),
      },
    });
    const grids = await (await XlsxWorkbook.fromBuffer(zipOf(parts))).readInputs();
    expect(grids.tables.map((t) => [t.name, t.rows])).toEqual([["tblBudget", [["Cost"], [5]]]]);
  });

  it("reads shared and inline strings, rich text runs, and leaves phonetic guides out", async () => {
    const rows = await rowsOf(
      handmade({
        sheets: [
          {
            name: "S",
            xml: sheetXml(
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
                '<c r="C1" t="inlineStr"><is><r><t>Co</t></r><r><rPr><b/></rPr><t xml:space="preserve">st </t></r><rPh sb="0" eb="1"><t>KO</t></rPh></is></c>' +
                '<c r="D1" t="inlineStr"><is><t>line_x000D_break &amp; &lt;tag&gt; &#233;</t></is></c></row>',
            ),
          },
        ],
        sharedStrings: `<sst xmlns="${MAIN}"><si><t>Plain</t></si><si><r><t>Ri</t></r><r><t>ch</t></r><rPh sb="0" eb="2"><t>ignored</t></rPh></si></sst>`,
      }),
    );
    expect(rows).toEqual([["Plain", "Rich", "Cost ", "line\rbreak & <tag> é"]]);
  });

  it("gives a formula with no saved value as an UncalculatedFormula, never as blank", async () => {
    const rows = await rowsOf(
      handmade({
        sheets: [
          {
            name: "Posts",
            xml: sheetXml(
              '<row r="1"><c r="A1"><f>B1*2</f><v/></c><c r="B1"><f>140000+1</f></c>' +
                '<c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>1+1</f><v>2</v></c>' +
                '<c r="E1"><f t="shared" ref="E1:E3" si="0">A1+$B$1</f><v>3</v></c></row>' +
                '<row r="2"><c r="E2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="E3"><f t="shared" si="0"/></c></row>',
            ),
          },
        ],
      }),
    );
    expect(rows[0]).toEqual([{ formula: "B1*2" }, { formula: "140000+1" }, "", 2, 3]);
    expect(rows[1][4]).toBe(4);
    // A shared formula's follower shows its own text, shifted as Excel shifts it.
    expect(rows[2][4]).toEqual({ formula: "A3+$B$1" });
  });

  it("trusts no saved formula result when the producer asked for a full recalculation on load", async () => {
    const rows = await rowsOf(
      handmade({
        // xlsxwriter saves 0 as every formula's result, and sets fullCalcOnLoad so that Excel recalculates.
        workbookTail: '<calcPr calcId="124519" fullCalcOnLoad="1"/>',
        sheets: [
          {
            name: "Posts",
            xml: sheetXml('<row r="1"><c r="A1"><f>SUM(B1:B9)</f><v>0</v></c><c r="B1"><v>5</v></c></row>'),
          },
        ],
      }),
    );
    expect(rows).toEqual([[{ formula: "SUM(B1:B9)" }, 5]]);
  });

  it("reads numbers in date formats as dates, in the 1900 and the 1904 systems, and leaves other formats as numbers", async () => {
    const styles = STYLES('<numFmt numFmtId="164" formatCode="DD/MM/YYYY"/>', [
      "0",
      "14",
      "164",
      "9",
      "11",
      "3",
    ]);
    const cells =
      '<row r="1"><c r="A1" s="1"><v>42370</v></c><c r="B1" s="2"><v>42370.5</v></c><c r="C1" s="3"><v>0.25</v></c>' +
      '<c r="D1" s="4"><v>12345</v></c><c r="E1" s="5"><v>42370</v></c><c r="F1" t="d"><v>2016-01-01</v></c></row>';
    const in1900 = await rowsOf(handmade({ styles, sheets: [{ name: "S", xml: sheetXml(cells) }] }));
    expect(in1900).toEqual([
      [
        new Date(Date.UTC(2016, 0, 1)),
        new Date(Date.UTC(2016, 0, 1, 12)),
        0.25,
        12345,
        42370,
        new Date(Date.UTC(2016, 0, 1)),
      ],
    ]);
    const in1904 = await rowsOf(
      handmade({
        styles,
        workbookHead: '<workbookPr date1904="1"/>',
        sheets: [{ name: "S", xml: sheetXml(cells) }],
      }),
    );
    expect(in1904[0][0]).toEqual(new Date(Date.UTC(2020, 0, 2)));
  });

  it("reads booleans and error values, and keeps only the top-left cell of a merged range", async () => {
    const rows = await rowsOf(
      handmade({
        sheets: [
          {
            name: "S",
            xml: sheetXml(
              '<row r="1"><c r="A1" t="b"><v>0</v></c><c r="B1" t="e"><v>#REF!</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
                '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>',
              '<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>',
            ),
          },
        ],
      }),
    );
    expect(rows).toEqual([[false, { error: "#REF!" }, { error: "#DIV/0!" }], [1]]);
  });

  it("reads a Strict Open XML workbook, and says it cannot write into one", async () => {
    const strict = (s: string) =>
      s
        .split(MAIN)
        .join("http://purl.oclc.org/ooxml/spreadsheetml/main")
        .split(REL)
        .join("http://purl.oclc.org/ooxml/officeDocument/relationships");
    const parts = handmadeParts({
      sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
    });
    const bytes = zipOf(
      Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === "string" ? strict(v) : v])),
    );
    const book = await XlsxWorkbook.fromBuffer(bytes);
    expect((await book.readInputs()).sheets[0].rows).toEqual([[1]]);
    expect(book.unwritable).toMatch(/Strict Open XML/);
    await expect(book.writeOutputs([{ name: "Log", cells: [] }])).rejects.toThrow(/Strict Open XML/);
  });
});

describe("recognising a file that is not an Excel workbook", () => {
  it.each([
    [
      "an OpenDocument spreadsheet",
      { mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" },
      /OpenDocument spreadsheet \(\.ods\)/,
    ],
    [
      "a Word document",
      {
        "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
        "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
        "word/document.xml": "<w:document/>",
      },
      /Word document \(\.docx\)/,
    ],
    [
      "an Excel binary workbook",
      {
        "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`,
        "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
        "xl/workbook.bin": new Uint8Array([1, 2, 3]),
      },
      /Excel Binary Workbook \(\.xlsb\)/,
    ],
    ["a zip of something else", { "notes.txt": "hello" }, /a zip archive, but holds no workbook/],
  ])("names %s", async (_what, parts, message) => {
    const attempt = XlsxWorkbook.fromBuffer(zipOf(parts));
    await expect(attempt).rejects.toThrow(NotAWorkbookError);
    await expect(attempt).rejects.toThrow(message);
  });

  it("calls a file that is no zip at all unreadable, without a library's words", async () => {
    await expect(XlsxWorkbook.fromBuffer(new TextEncoder().encode("a,b\n1,2\n"))).rejects.toThrow(
      XlsxPackageError,
    );
    await expect(XlsxWorkbook.fromBuffer(new TextEncoder().encode("a,b\n1,2\n"))).rejects.toThrow(
      /not a zip archive/,
    );
  });
});
