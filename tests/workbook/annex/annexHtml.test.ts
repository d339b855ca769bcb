/**
 * @jest-environment jsdom
 */
import { annexCellText } from "../../../src/workbook/annex/annexCellText";
import { annexHtml, escapeHtml } from "../../../src/workbook/annex/annexHtml";
import { annexTables } from "../../../src/workbook/annex/annexTables";
import { sampleAllocation } from "./fixtures/sampleAllocation";

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");
const cellTexts = (row: Element) => [...row.querySelectorAll("th,td")].map((c) => c.textContent ?? "");

describe("annexHtml", () => {
  const allocation = sampleAllocation();

  it("holds one real table per annex table, with the header in thead", () => {
    const doc = parse(annexHtml(allocation, "en"));
    const tables = doc.querySelectorAll("table");
    expect(tables).toHaveLength(6);
    tables.forEach((t) => expect(t.querySelectorAll("thead tr")).toHaveLength(1));
  });

  it.each(["en", "fr", "es"] as const)("shows the same figures as the annex model, in %s", (language) => {
    const doc = parse(annexHtml(allocation, language));
    const tables = [...doc.querySelectorAll("table")];
    annexTables(allocation, language)
      .filter((t) => t.rows.length > 0)
      .forEach((table, t) => {
        expect(cellTexts(tables[t].querySelector("thead tr")!)).toEqual(table.columns.map((c) => c.header));
        const rows = [...tables[t].querySelectorAll("tbody tr")];
        table.rows.forEach((row, r) => {
          const expected = table.columns.map((col, c) => annexCellText(row, col, c, 1, language));
          if (row.notes.length > 0) expected[0] += ` ${row.notes.join(", ")}`;
          expect(cellTexts(rows[r])).toEqual(expected);
        });
      });
  });

  it("writes the French grand total with narrow no-break spaces, as numeric references", () => {
    const html = annexHtml(allocation, "fr");
    expect(html).toContain("4&#8239;668&#8239;641");
    expect([...html].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
  });

  it("sets totals in bold over a rule and figures flush right", () => {
    const doc = parse(annexHtml(allocation, "en"));
    const rows = [...doc.querySelectorAll("table")[0].querySelectorAll("tbody tr")];
    const total = rows[rows.length - 1].querySelectorAll("td");
    expect(total[0].textContent).toBe("Total");
    expect(total[1].getAttribute("style")).toMatch(
      /font-weight:bold;border-top:1px solid #000;.*text-align:right/,
    );
  });

  it("marks the footnote letters as superscripts and prints the footnotes", () => {
    const doc = parse(annexHtml(allocation, "en"));
    expect(doc.querySelector("tbody tr td sup")?.textContent).toBe("a");
    const notes = [...doc.querySelectorAll("p")].map((p) => p.textContent);
    expect(notes).toContain("b Shared equally among CMS, AEWA and EUROBATS.");
    expect(notes.slice(0, 2)).toEqual(["DRAFT", "UNEP/CMS/StC44/Doc.X"]);
  });

  it("shows the status: a red draft mark until approved, in the annex's language", () => {
    const draft = parse(annexHtml(allocation, "fr")).querySelector("p");
    expect(draft?.textContent).toBe("PROJET");
    expect(draft?.getAttribute("style")).toMatch(/color:#c00000/);
    const approved = parse(
      annexHtml({ ...allocation, settings: { ...allocation.settings, status: "Approved" } }, "es"),
    ).querySelector("p");
    expect(approved?.textContent).toBe("APROBADO");
    expect(approved?.getAttribute("style")).not.toMatch(/color/);
  });

  it("escapes the user's text, so no markup gets through", () => {
    const a = sampleAllocation({ annexTitle: '<img src=x onerror="alert(1)">' });
    a.units[0].unit = "<b>Exec</b> & co";
    a.rules[0].unit = a.units[0].unit;
    const html = annexHtml(a, "en");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    const doc = parse(html);
    expect(doc.querySelector("img")).toBeNull();
    expect(doc.querySelector("tbody td")?.textContent).toBe("<b>Exec</b> & co a");
  });

  it("continues a table too wide for the page below it, as the .docx does", () => {
    const doc = parse(annexHtml(sampleAllocation({ instruments: 16 }), "fr"));
    const tables = [...doc.querySelectorAll("table")];
    expect(cellTexts(tables[0].querySelector("thead tr")!)).toHaveLength(10);
    expect(cellTexts(tables[1].querySelector("thead tr")!).at(-1)).toBe("Total");
    expect([...doc.querySelectorAll("p")].map((p) => p.textContent)).toContain(
      "Période 2015-2017 (en EUR) (suite)",
    );
  });

  it("defaults to the settings' language", () => {
    expect(annexHtml(sampleAllocation({ language: "es" }))).toContain('<html lang="es">');
  });
});

describe("escapeHtml", () => {
  it("escapes markup and writes non-ASCII characters as references", () => {
    expect(escapeHtml(`<a href="x">'É' & 😀</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&#201;&#39; &amp; &#128512;&lt;/a&gt;",
    );
  });
});
