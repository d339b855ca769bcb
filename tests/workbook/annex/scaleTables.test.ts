/**
 * @jest-environment jsdom
 */
import type { Language } from "../../../src/engine/model";
import type { Allocation } from "../../../src/engine/result";
import { annexCellText } from "../../../src/workbook/annex/annexCellText";
import { annexHtml } from "../../../src/workbook/annex/annexHtml";
import { annexTables, type AnnexTable } from "../../../src/workbook/annex/annexTables";
import { buildAnnexSheet } from "../../../src/workbook/annex/buildAnnexSheet";
import { handContributions } from "../fixtures/handContributions";
import { evaluateFormula } from "./helpers/evaluateSheet";

const scaleTablesOf = (allocation: Allocation, language: Language = "en"): AnnexTable[] =>
  annexTables(allocation, language).filter((t) => t.part === 5);

/** The allocation with AEWA's Parties renamed, to see how each language sorts them. */
function renamed(names: string[]): Allocation {
  const allocation = handContributions();
  const aewa = allocation.contributions?.[0];
  aewa?.parties.forEach((p, k) => (p.party = names[k] ?? p.party));
  return allocation;
}

describe("the Scale of contributions annex", () => {
  it("gives each instrument with Parties a table under one Annex 4 heading", () => {
    const tables = scaleTablesOf(handContributions());
    expect(tables.map((t) => [t.first, t.heading, t.title, t.caption])).toEqual([
      [true, "Annex 4", "Scale of contributions", "AEWA, period 2015–2016 (EUR)"],
      [false, "Annex 4", "Scale of contributions", "ASCOBANS, period 2015–2016 (EUR)"],
    ]);
    expect(tables[0].columns.map((c) => c.header)).toEqual([
      "Party",
      "UN scale (%)",
      "Adjusted scale (%)",
      "2015",
      "2016",
      "Total",
    ]);
  });

  it("lists the Parties alphabetically, with the totals row and a footnote for each rule that set a figure", () => {
    const [aewa] = scaleTablesOf(handContributions());
    expect(aewa.rows.map((r) => [r.cells[0], r.notes.join(" ")])).toEqual([
      ["European Union", "a"],
      ["Germany", "c"],
      ["Ghana", ""],
      ["Niger", "d"],
      ["Norway", "c"],
      ["Senegal", "b"],
      ["Sweden", "c"],
      ["Türkiye", "c"],
      ["Total", ""],
    ]);
    expect(aewa.rows[1].cells).toEqual(["Germany", 0.057, 0.2, 20000, 20000, 40000]);
    expect(aewa.rows[8].cells.slice(2)).toEqual([1, 100000, 100000, 200000]);
    expect(aewa.footnotes).toEqual([
      { letter: "a", text: "Fixed share of the budget, by agreement." },
      { letter: "b", text: "Minimum contribution of EUR 2,000 a year." },
      { letter: "c", text: "No Party pays more than 20% of the budget." },
      { letter: "d", text: "No contribution from a Party whose rate on the UN scale is below 0.002%." },
    ]);
    const [, ascobans] = scaleTablesOf(handContributions());
    expect(ascobans.notes[1]).toBe(
      "Amount shared: the instrument's share of the common services, with programme support costs (see Annex 1).",
    );
  });

  it("sorts as each language does: accented letters with their base letter, Ñ after N", () => {
    const names = ["Zambie", "Égypte", "Espagne", "Omán", "Ñandutí", "Nauru", "Eswatini", "Émirats"];
    const order = (language: Language) =>
      scaleTablesOf(renamed(names), language)[0]
        .rows.slice(0, -1)
        .map((r) => r.cells[0]);
    expect(order("fr")).toEqual([
      "Égypte",
      "Émirats",
      "Espagne",
      "Eswatini",
      "Ñandutí",
      "Nauru",
      "Omán",
      "Zambie",
    ]);
    expect(order("es").indexOf("Ñandutí")).toBe(order("es").indexOf("Nauru") + 1);
  });

  it("prints the rules and figures in French and Spanish", () => {
    const [fr] = scaleTablesOf(handContributions(), "fr");
    expect(fr.title).toBe("Barème des contributions");
    expect(fr.footnotes.map((f) => f.text)).toEqual([
      "Part fixe du budget, d'un commun accord.",
      "Contribution minimale de 2\u202f000\u00a0EUR par an.",
      "Aucune Partie ne paie plus de 20\u00a0% du budget.",
      "Aucune contribution d'une Partie dont le taux au barème de l'ONU est inférieur à 0,002\u00a0%.",
    ]);
    expect(annexCellText(fr.rows[1], fr.columns[1], 1, 1, "fr")).toBe("5,700");
    const [es] = scaleTablesOf(handContributions(), "es");
    expect(es.caption).toBe("AEWA, período 2015-2016 (en EUR)");
    expect(annexCellText(es.rows[8], es.columns[5], 5, 1, "es")).toBe("200.000");
  });

  it("writes the tables into the Annex sheet with live totals and rates in percent to three decimals", () => {
    const sheet = buildAnnexSheet(handContributions());
    const title = sheet.cells.findIndex((r) => r[0]?.v === "Scale of contributions");
    expect(title).toBeGreaterThan(0);
    const germany = sheet.cells.find((r, i) => i > title && r[0]?.v === "Germany c/");
    expect(germany?.slice(1, 3)).toEqual([
      { align: "right", v: 5.7, fmt: "0.000" },
      { align: "right", v: 20, fmt: "0.000" },
    ]);
    const formulas = sheet.cells
      .slice(title)
      .flat()
      .filter((c) => c?.f !== undefined);
    expect(formulas.length).toBeGreaterThan(0);
    for (const cell of formulas) expect(evaluateFormula(sheet, cell!.f!)).toBeCloseTo(cell!.v as number, 6);
  });

  it("copies the same figures as an HTML table", () => {
    const allocation = handContributions();
    const [aewa] = scaleTablesOf(allocation, "fr");
    const doc = new DOMParser().parseFromString(annexHtml(allocation, "fr"), "text/html");
    const table = [...doc.querySelectorAll("table")].find((t) => t.textContent?.includes("Barème ajusté"));
    const rows = [...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
    );
    expect(rows).toHaveLength(aewa.rows.length);
    expect(rows[1]).toEqual(["Germany c", "5,700", "20,000", "20\u202f000", "20\u202f000", "40\u202f000"]);
  });

  it("prints adjusted scales that add up to the 100.000 printed below them", () => {
    // Three Parties with a third each: printed one by one, 33.333 three times is 99.999.
    const allocation = handContributions();
    for (const c of allocation.contributions ?? [])
      c.parties.forEach((p, k, all) => (p.share = all.length < 3 ? 1 / all.length : k < 3 ? 1 / 3 : 0));
    for (const table of scaleTablesOf(allocation)) {
      const column = table.columns.findIndex((c) => c.header === "Adjusted scale (%)");
      const printed = (row: (typeof table.rows)[number]) =>
        Number(annexCellText(row, table.columns[column], column, 1, "en").replace(/,/g, ""));
      const details = table.rows.filter((r) => r.kind === "detail");
      const total = table.rows.find((r) => r.kind === "total")!;
      expect(printed(total)).toBe(100);
      expect(Math.round(details.reduce((s, r) => s + printed(r), 0) * 1000)).toBe(100_000);
    }
  });
});
