import { computeAllocation } from "../../src/engine/computeAllocation";
import { fromQuanta } from "../../src/engine/money";
import type { Allocation } from "../../src/engine/result";
import { buildAllocationSheet } from "../../src/workbook/buildAllocationSheet";
import { explainFigure } from "../../src/taskpane/explainFigure";
import { cellOfAddress, figureAtCell } from "../../src/taskpane/figureAtCell";
import { sampleModel } from "./paneFixtures";

/** The real engine on the pane's small model: Communications split equally, Conference services by Parties (max 50%). */
function allocation(): Allocation {
  const outcome = computeAllocation(sampleModel());
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.allocation;
}

describe("explainFigure", () => {
  it("explains a share by the unit's rule, its weights with their driver values, its lines and its rounding", () => {
    const a = allocation();
    const e = explainFigure(a, { kind: "share", unit: "Conference services", code: "CMS" }, sampleModel())!;
    const unit = a.units.find((u) => u.unit === "Conference services")!;
    const cms = fromQuanta(unit.shares[0] + unit.shares[2], a.settings.rounding);
    expect(e.title).toBe("CMS's share of Conference services, 2015–2016");
    expect(e.amount).toBe(cms);
    expect(e.rule).toBe(a.rules.find((r) => r.unit === "Conference services")!.description);
    expect(e.driver).toBe("Parties");
    expect(e.weights.map((w) => [w.code, w.driverValue])).toEqual([
      ["CMS", 120],
      ["AEWA", 80],
    ]);
    // What CMS pays of the unit's one post, read from the allocation's lines.
    expect(e.parts).toEqual([expect.objectContaining({ label: "P2 Assistant", amount: cms })]);
    // Exact = the unit's total x CMS's weight; the published share is within one rounding step of it.
    const weight = a.rules.find((r) => r.unit === "Conference services")!.weights!.CMS;
    expect(e.rounding!.exact).toBeCloseTo(120000 * weight, 6);
    expect(Math.abs(e.amount - e.rounding!.exact)).toBeLessThanOrEqual(1);
  });

  it("explains an instrument's total as the sum of its services and programme support costs", () => {
    const a = allocation();
    const e = explainFigure(a, { kind: "instrument", code: "AEWA", field: "total", year: 1 })!;
    const t = a.instrumentTotals.find((x) => x.code === "AEWA")!;
    expect(e.title).toBe("AEWA, total with programme support costs, 2016");
    expect(e.amount).toBe(t.total[1]);
    expect(e.parts.reduce((s, p) => s + p.amount, 0)).toBe(t.total[1]);
    expect(e.parts.at(-1)).toEqual({ label: "Programme support costs (13%)", amount: t.psc[1] });
  });

  it("explains PSC as a rate of the direct share, with its exact value", () => {
    const a = allocation();
    const e = explainFigure(a, { kind: "instrument", code: "CMS", field: "psc" })!;
    const t = a.instrumentTotals.find((x) => x.code === "CMS")!;
    const direct = t.direct[0] + t.direct[1];
    expect(e.rounding!.exact).toBeCloseTo(direct * 0.13, 6);
    expect(e.notes[0]).toMatch(/^Programme support costs \(PSC\) are 13% of the direct share/);
  });

  it("finds nothing to explain for a unit or instrument that is not there", () => {
    const a = allocation();
    expect(explainFigure(a, { kind: "share", unit: "Nowhere", code: "CMS" })).toBeUndefined();
    expect(explainFigure(a, { kind: "instrument", code: "XYZ", field: "direct" })).toBeUndefined();
  });
});

describe("figureAtCell", () => {
  const a = allocation();
  const sheet = buildAllocationSheet(a, { time: new Date(0), version: "test", fingerprint: "0" });
  /** The 1-based row of the first cell in column A with this text, after `from`. */
  const rowOf = (text: string, from = 0) =>
    sheet.cells.findIndex((r, i) => i >= from && r[0]?.v === text) + 1;

  it("reads a unit's share, its total, and the summary rows of the period block", () => {
    const row = rowOf("Communications");
    expect(figureAtCell(sheet, a, row, 2)).toEqual({ kind: "share", unit: "Communications", code: "CMS" });
    expect(figureAtCell(sheet, a, row, 4)).toEqual({ kind: "unit", unit: "Communications" });
    expect(figureAtCell(sheet, a, rowOf("Subtotal (direct costs)"), 3)).toEqual({
      kind: "instrument",
      code: "AEWA",
      field: "direct",
    });
    expect(figureAtCell(sheet, a, rowOf("Programme support costs (13%)"), 2)).toMatchObject({ field: "psc" });
    expect(figureAtCell(sheet, a, rowOf("Total"), 2)).toMatchObject({ field: "total", code: "CMS" });
  });

  it("reads the year of a year block, and nothing from headings or the label column", () => {
    const year = rowOf("2016 (EUR)");
    expect(figureAtCell(sheet, a, rowOf("Communications", year), 3)).toEqual({
      kind: "share",
      unit: "Communications",
      code: "AEWA",
      year: 1,
    });
    expect(figureAtCell(sheet, a, year, 2)).toBeUndefined();
    expect(figureAtCell(sheet, a, rowOf("Communications"), 1)).toBeUndefined();
  });

  it("takes the first cell of an address with or without a sheet and dollar signs", () => {
    expect(cellOfAddress("Allocation!C7")).toEqual({ row: 7, col: 3 });
    expect(cellOfAddress("'My sheet'!$AB$12:AC14")).toEqual({ row: 12, col: 28 });
    expect(cellOfAddress("nonsense")).toBeUndefined();
  });
});
