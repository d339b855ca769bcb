import { readFileSync } from "fs";
import { join } from "path";
import { computeOptions } from "../../src/engine/computeOptions";
import type { Model } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { writeAnnexDocx } from "../../src/annex/writeAnnexDocx";
import { annexTables } from "../../src/workbook/annex/annexTables";
import { buildAnnexSheet } from "../../src/workbook/annex/buildAnnexSheet";
import { formatAmount } from "../../src/workbook/annex/formatAmount";
import type { OutputSheet } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { toResultJson } from "../../src/workbook/toResultJson";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { evaluateFormula } from "../workbook/annex/helpers/evaluateSheet";
import { readDocx } from "./helpers/readDocx";

/** The same figures in the annex model, the Annex sheet, the .docx and RESULT.json, from real engine runs. */

function allocate(model: Model): Allocation {
  // The engine's entry for a workbook with options (the sample has four); a model without is simply allocated.
  const outcome = computeOptions(model);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.allocation;
}

async function sampleWorkbookAllocation(): Promise<Allocation> {
  const bytes = readFileSync(join(__dirname, "..", "..", "assets", "cms-family-sample.xlsx"));
  const workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(bytes));
  const read = readWorkbook(await workbook.readInputs());
  if (!read.model) throw new Error(read.problems.map((p) => `${p.sheet}!${p.cell}: ${p.message}`).join("\n"));
  return allocate(read.model);
}

/** A row of the sheet by its label, searched from a given row on. */
function sheetRow(sheet: OutputSheet, label: string, from = 0) {
  const r = sheet.cells.findIndex((row, i) => i >= from && row[0]?.v === label);
  if (r < 0) throw new Error(`no row '${label}'`);
  return { index: r, cells: sheet.cells[r] };
}

describe("annex from the sample workbook", () => {
  let allocation: Allocation;
  beforeAll(async () => {
    allocation = await sampleWorkbookAllocation();
  });

  it("prints the sample's own document symbol, title and numbering", async () => {
    const sheet = buildAnnexSheet(allocation);
    expect(sheet.print?.header).toBe(allocation.settings.documentSymbol);
    expect(sheet.cells[0][0]?.v).toBe(allocation.settings.annexTitle);
    const docx = await readDocx(await writeAnnexDocx(allocation));
    expect(docx.paragraphs[0]).toBe(allocation.settings.annexTitle);
  });

  it("gives every unit, subtotal, PSC and total the figures of RESULT.json", () => {
    const result = toResultJson(allocation);
    const [period, ...years] = annexTables(allocation, "en");
    const money = (q: number) => q * allocation.settings.rounding;
    for (const unit of result.units.filter((u) => !u.support)) {
      const row = period.rows.find((r) => r.cells[0] === unit.unit)!;
      expect(result.instruments.map((_, i) => money(row.cells[i + 1] as number))).toEqual(
        result.instruments.map((code) => unit.shares[code]),
      );
      expect(money(row.cells[result.instruments.length + 1] as number)).toBe(unit.total);
    }
    const [subtotal, psc, total] = period.rows.slice(-3);
    result.instruments.forEach((code, i) => {
      expect(money(subtotal.cells[i + 1] as number)).toBe(result.instrumentTotals[code].direct);
      expect(money(psc.cells[i + 1] as number)).toBe(result.instrumentTotals[code].psc);
      expect(money(total.cells[i + 1] as number)).toBe(result.instrumentTotals[code].total);
      result.years.forEach((year, y) => {
        const yearSubtotal = years[y].rows[years[y].rows.length - 3];
        expect(money(yearSubtotal.cells[i + 1] as number)).toBe(
          result.instrumentTotals[code].byYear[String(year)],
        );
      });
    });
    const n = result.instruments.length;
    expect([subtotal, psc, total].map((r) => money(r.cells[n + 1] as number))).toEqual([
      result.grandTotal.direct,
      result.grandTotal.psc,
      result.grandTotal.total,
    ]);
  });

  it("gives each instrument's savings the figures of RESULT.json", () => {
    const result = toResultJson(allocation);
    const savings = annexTables(allocation, "en").find((t) => t.part === 3)!;
    const money = (q: number) => q * allocation.settings.rounding;
    const totalColumn = savings.columns.findIndex((c) => c.sumOfColumns !== undefined);
    expect(Object.keys(result.savings).length).toBeGreaterThan(0);
    for (const [code, figures] of Object.entries(result.savings)) {
      const at = savings.rows.findIndex((r) => r.kind === "group" && r.cells[0] === code);
      const [alone, shared, saved] = savings.rows
        .slice(at + 1, at + 4)
        .map((r) => money(r.cells[totalColumn] as number));
      expect({ baseline: alone, shared, savings: saved }).toEqual(figures);
    }
  });

  it("writes the same totals into the Annex sheet, as formulas that recompute to them", () => {
    const result = toResultJson(allocation);
    const sheet = buildAnnexSheet(allocation);
    const total = sheetRow(sheet, "Total");
    const n = result.instruments.length;
    expect(total.cells.slice(1, n + 2).map((c) => c?.v)).toEqual([
      ...result.instruments.map((code) => result.instrumentTotals[code].total),
      result.grandTotal.total,
    ]);
    for (const cell of sheet.cells.flat()) {
      if (cell?.f !== undefined) expect(evaluateFormula(sheet, cell.f)).toBeCloseTo(cell.v as number, 6);
    }
  });

  it.each(["en", "fr", "es"] as const)("writes the same totals into the .docx, in %s", async (language) => {
    const result = toResultJson(allocation);
    const { tables } = await readDocx(await writeAnnexDocx(allocation, { language }));
    const rows = tables[0];
    const last = rows[rows.length - 1];
    expect(last.slice(1)).toEqual(
      [...result.instruments.map((code) => result.instrumentTotals[code].total), result.grandTotal.total].map(
        (v) => formatAmount(v, 1, language),
      ),
    );
  });
});

describe("annex from a model of the seed's shared posts", () => {
  const source = (sheet: string, row: number) => ({ sheet, row });
  const model: Model = {
    settings: {
      currency: "EUR",
      firstYear: 2015,
      years: 2,
      escalation: 0,
      psc: 0.13,
      rounding: 1,
      supportMethod: "reciprocal",
      documentSymbol: "UNEP/CMS/StC41/Doc.10",
      language: "fr",
    },
    instruments: [
      {
        code: "CMS",
        name: "CMS",
        type: "Convention",
        drivers: { Parties: 121 },
        source: source("Instruments", 2),
      },
      {
        code: "ASCOBANS",
        name: "ASCOBANS",
        type: "Agreement",
        drivers: { Parties: 10 },
        source: source("Instruments", 3),
      },
      {
        code: "IOSEA",
        name: "IOSEA",
        type: "MOU",
        drivers: { Parties: 35 },
        source: source("Instruments", 4),
      },
    ],
    grades: ["D1", "P5", "P4", "P3", "P2"].map((grade, i) => ({
      grade,
      cost: 200000 - 20000 * i,
      source: source("Grades", i + 2),
    })),
    posts: [
      {
        id: "D1",
        title: "Executive Secretary",
        grade: "D1",
        unit: "Executive",
        fte: 1,
        cost: 200000,
        split: { ASCOBANS: 0.03, CMS: 0.97 },
        source: source("Posts", 2),
      },
      {
        id: "P4",
        title: "Programme Officer",
        grade: "P4",
        unit: "Marine",
        fte: 1,
        cost: 140000,
        split: { ASCOBANS: 0.15, CMS: 0.85 },
        source: source("Posts", 3),
      },
      {
        id: "P2",
        title: "Associate Programme Officer",
        grade: "P2",
        unit: "Marine",
        fte: 1,
        cost: 90000,
        split: { ASCOBANS: 0.75, CMS: 0.25 },
        source: source("Posts", 4),
      },
      {
        id: "P5",
        title: "IOSEA Coordinator",
        grade: "P5",
        unit: "Marine",
        fte: 1,
        cost: 150000,
        split: { CMS: 0.125, IOSEA: 0.875 },
        source: source("Posts", 5),
      },
      {
        id: "P3",
        title: "Information Officer",
        grade: "P3",
        unit: "Communication",
        fte: 1,
        cost: 110000,
        source: source("Posts", 6),
      },
    ],
    budget: [],
    rules: [
      {
        unit: "Communication",
        spec: { method: "driver", driver: "Parties" },
        participants: [],
        max: 0.6,
        source: source("Rules", 2),
      },
    ],
    support: [],
    baseline: [],
  };
  const allocation = allocate(model);

  it("shows each post's agreed split in the staffing table", () => {
    const staffing = annexTables(allocation).find((t) => t.part === 2)!;
    const split = (title: string) => staffing.rows.find((r) => r.cells[0] === title)!.cells.slice(3);
    expect(split("Executive Secretary")).toEqual([0.97, 0.03, null]);
    expect(split("Programme Officer")).toEqual([0.85, 0.15, null]);
    expect(split("Associate Programme Officer")).toEqual([0.25, 0.75, null]);
    expect(split("IOSEA Coordinator")).toEqual([0.125, null, 0.875]);
  });

  it("states the rules in French, from the rules the engine applied", () => {
    const tables = annexTables(allocation);
    const notes = tables.filter((t) => t.part === 1).flatMap((t) => t.footnotes.map((f) => f.text));
    expect(notes).toContain("Au prorata du nombre de Parties, plafonné à 60\u00a0%.");
    expect(notes).toContain("Selon la répartition convenue propre à chaque poste (voir annexe 2).");
  });

  it("adds the 13% programme support costs on each instrument's share", () => {
    const [period] = annexTables(allocation);
    const [subtotal, psc] = period.rows.slice(-3);
    expect(psc.cells[0]).toBe("Coûts d'appui aux programmes (13\u00a0%)");
    subtotal.cells.slice(1).forEach((direct, i) => {
      expect(Math.abs((psc.cells[i + 1] as number) - 0.13 * (direct as number))).toBeLessThanOrEqual(2);
    });
  });
});
