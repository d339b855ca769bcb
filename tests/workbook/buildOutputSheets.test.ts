import { computeAllocation } from "../../src/engine/computeAllocation";
import { defaultSettings, type Model } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";
import { buildOutputSheets } from "../../src/workbook/buildOutputSheets";
import type { CellValue, SheetGrid } from "../../src/workbook/grid";
import { OUTPUT_SHEETS } from "../../src/workbook/ownership";
import { planRun } from "../../src/workbook/planRun";
import { toResultJson } from "../../src/workbook/toResultJson";
import { formulaMismatches } from "./fixtures/formulaMismatches";
import { handAllocation } from "./fixtures/handAllocation";

const run = { time: new Date("2026-11-27T20:18:00Z"), version: "0.1.0", fingerprint: "9".repeat(64) };

/**
 * A model from the seed: CMS and ASCOBANS share the Executive Secretary (D1, 97/3) and a P4
 * (85/15) by their own splits; CMS and AEWA share Communications 50/50 (the pilot); IOSEA's P5
 * is split CMS 12.5% / IOSEA 87.5%; Conference services are shared by Parties, with a floor;
 * Administration is a support unit. Three years with 2% escalation, 13% PSC.
 */
function seedModel(rounding: number, supportMethod: "reciprocal" | "step-down" = "reciprocal"): Model {
  const s = (sheet: string, row: number) => ({ sheet, row });
  return {
    settings: { ...defaultSettings, firstYear: 2015, years: 3, escalation: 0.02, rounding, supportMethod },
    instruments: [
      {
        code: "CMS",
        name: "Convention on Migratory Species",
        type: "Convention",
        drivers: { Parties: 121 },
        source: s("Instruments", 2),
      },
      {
        code: "AEWA",
        name: "African-Eurasian Waterbird Agreement",
        type: "Agreement",
        drivers: { Parties: 75 },
        source: s("Instruments", 3),
      },
      {
        code: "ASCOBANS",
        name: "Small Cetaceans Agreement",
        type: "Agreement",
        drivers: { Parties: 10 },
        source: s("Instruments", 4),
      },
      {
        code: "IOSEA",
        name: "Marine Turtles MOU",
        type: "MOU",
        drivers: { Parties: 35 },
        source: s("Instruments", 5),
      },
    ],
    grades: [
      { grade: "D1", cost: 190000, source: s("Grades", 2) },
      { grade: "P5", cost: 165000, source: s("Grades", 3) },
      { grade: "P4", cost: 140000, source: s("Grades", 4) },
      { grade: "P2", cost: 95000, source: s("Grades", 5) },
      { grade: "G5", cost: 72333.33, source: s("Grades", 6) },
    ],
    posts: [
      {
        id: "ES",
        title: "Executive Secretary",
        grade: "D1",
        unit: "Executive",
        fte: 1,
        fundedBy: "CMS",
        split: { CMS: 0.97, ASCOBANS: 0.03 },
        source: s("Posts", 2),
      },
      {
        id: "P4-1",
        title: "=Marine mammals officer",
        grade: "P4",
        unit: "Executive",
        fte: 1,
        fundedBy: "CMS",
        split: { CMS: 0.85, ASCOBANS: 0.15 },
        source: s("Posts", 3),
      },
      {
        id: "P2-1",
        title: "Associate officer",
        grade: "P2",
        unit: "Executive",
        fte: 1,
        fundedBy: "ASCOBANS",
        split: { CMS: 0.25, ASCOBANS: 0.75 },
        source: s("Posts", 4),
      },
      {
        id: "IO-1",
        title: "IOSEA coordinator",
        grade: "P5",
        unit: "Executive",
        fte: 1,
        fundedBy: "IOSEA",
        split: { CMS: 0.125, IOSEA: 0.875 },
        source: s("Posts", 5),
      },
      {
        id: "COM-1",
        title: "Communications officer",
        grade: "P4",
        unit: "Communications",
        fte: 1,
        fundedBy: "AEWA",
        source: s("Posts", 6),
      },
      {
        id: "COM-2",
        title: "Web assistant",
        grade: "G5",
        unit: "Communications",
        fte: 0.5,
        fundedBy: "CMS",
        source: s("Posts", 7),
      },
      {
        id: "CONF-1",
        title: "Conference officer",
        grade: "P4",
        unit: "Conference services",
        fte: 1,
        fundedBy: "CMS",
        source: s("Posts", 8),
      },
      {
        id: "ADM-1",
        title: "Finance assistant",
        grade: "G5",
        unit: "Administration",
        fte: 1,
        fundedBy: "AEWA",
        source: s("Posts", 9),
      },
    ],
    budget: [
      {
        item: "Website",
        unit: "Communications",
        category: "Operational",
        amount: 25000.55,
        source: s("Budget", 2),
      },
      {
        item: "Meetings of the Parties",
        unit: "Conference services",
        category: "Meetings",
        amountByYear: { 2015: 120000, 2016: 0, 2017: 180000 },
        source: s("Budget", 3),
      },
    ],
    rules: [
      { unit: "Executive", spec: { method: "posts" }, participants: [], source: s("Rules", 2) },
      {
        unit: "Communications",
        spec: { method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } },
        participants: ["CMS", "AEWA"],
        source: s("Rules", 3),
      },
      {
        unit: "Conference services",
        spec: { method: "driver", driver: "Parties" },
        participants: ["all"],
        min: 0.05,
        source: s("Rules", 4),
      },
    ],
    support: [
      { provider: "Administration", receiver: "Executive", share: 0.5, source: s("Support", 2) },
      { provider: "Administration", receiver: "Communications", share: 0.2, source: s("Support", 3) },
      { provider: "Administration", receiver: "Conference services", share: 0.3, source: s("Support", 4) },
    ],
    baseline: [
      { instrument: "CMS", category: "Staff", grade: "P4", fte: 3, source: s("Baseline", 2) },
      { instrument: "CMS", category: "Meetings", cost: 90000, source: s("Baseline", 3) },
      { instrument: "AEWA", category: "Staff", grade: "P4", fte: 1.5, source: s("Baseline", 4) },
      { instrument: "AEWA", category: "Operational", cost: 20000, source: s("Baseline", 5) },
    ],
  };
}

function allocate(model: Model): Allocation {
  const outcome = computeAllocation(model);
  if (!outcome.ok)
    throw new Error(outcome.problems.map((p) => `${p.sheet}:${p.row}: ${p.message}`).join("\n"));
  return outcome.allocation;
}

describe("buildOutputSheets", () => {
  it("writes Allocation, Savings, Settlement, Annex and Log, in that order, each headed and noted", () => {
    const sheets = buildOutputSheets(handAllocation(), run);
    expect(sheets.map((s) => s.name)).toEqual(["Allocation", "Savings", "Settlement", "Annex", "Log"]);
    for (const sheet of sheets) {
      expect(typeof sheet.cells[0][0]?.v).toBe("string");
      // The Log keeps its earlier rows: its note says so instead.
      const kept =
        sheet.name === "Log" ? "Each run adds its row below the earlier ones" : "Replaced on each run";
      expect(sheet.cells[1][0]?.v).toBe(
        `Generated by CMS Family Cost Sharing 0.1.0 on 2026-11-27T20:18:00Z. ${kept}: do not edit.`,
      );
      expect(sheet.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
    }
  });

  it("says on the Settlement sheet what the balances add up to: the costs no instrument's posts carry", () => {
    const allocation = allocate(seedModel(1));
    const settlement = buildOutputSheets(allocation, run).find((s) => s.name === "Settlement")!;
    const owed = allocation.settlement.reduce((t, s) => t + s.balance, 0);
    expect(owed).toBeGreaterThan(0);
    const notes = settlement.cells.flatMap((r) => (typeof r?.[0]?.v === "string" ? [r[0].v] : []));
    expect(notes).toContain(
      `The balances add up to EUR ${owed.toLocaleString("en-GB")}: the common costs that no instrument's posts ` +
        "carry (budget lines, and posts without FundedBy), which the instruments owe by their shares.",
    );
    // Where the posts carry every cost, there is nothing to explain.
    expect(
      buildOutputSheets(handAllocation(), run)
        .find((s) => s.name === "Settlement")!
        .cells.some((r) => String(r?.[0]?.v ?? "").startsWith("The balances add up")),
    ).toBe(handAllocation().settlement.reduce((t, s) => t + s.balance, 0) > 0);
  });

  it("writes every output sheet, Changes and the hidden Run records too, when the run is recorded", () => {
    const grids = { sheets: [], tables: [], ownedSheets: [] };
    const sheets = planRun({ allocation: handAllocation() }, grids, run.time).sheets;
    // No Parties: no Contributions sheet.
    expect(sheets.map((s) => s.name)).toEqual(OUTPUT_SHEETS.filter((name) => name !== "Contributions"));
    expect(sheets.map((s) => s.hidden === true)).toEqual([false, false, false, false, false, false, true]);
    for (const sheet of sheets) {
      const kept =
        sheet.name === "Log" ? "Each run adds its row below the earlier ones" : "Replaced on each run";
      expect(sheet.cells[1][0]?.v).toBe(
        `Generated by CMS Family Cost Sharing 0.1.0 on 2026-11-27T20:18:00Z. ${kept}: do not edit.`,
      );
      expect(sheet.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
    }
  });

  it.each([
    ["whole euros, reciprocal", 1, "reciprocal"],
    ["cents, reciprocal", 0.01, "reciprocal"],
    ["whole euros, step-down", 1, "step-down"],
  ] as const)("proves itself end to end through the engine (%s)", (_, rounding, method) => {
    const allocation = allocate(seedModel(rounding, method));
    const sheets = buildOutputSheets(allocation, run);
    for (const sheet of sheets.filter((s) => s.name !== "Annex"))
      expect(formulaMismatches(sheet)).toEqual([]);
    // The annex is another worker's, but its totals must still recalculate to their values.
    expect(formulaMismatches(sheets[3])).toEqual([]);

    const json = toResultJson(allocation);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(rounding / 2);
    close(sum(json.units.filter((u) => !u.support).map((u) => u.total)), json.grandTotal.direct);
    close(sum(Object.values(json.instrumentTotals).map((t) => t.direct)), json.grandTotal.direct);
    close(json.grandTotal.direct + json.grandTotal.psc, json.grandTotal.total);

    // The sheet's period subtotal is the RESULT.json grand total.
    const allocationSheet = sheets[0];
    const sub = allocationSheet.cells.find((r) => r[0]?.v === "Subtotal (direct costs)");
    expect(sub?.[allocation.instruments.length + 1]?.v).toBe(json.grandTotal.direct);
    // The formula-looking post title stays text.
    const title = allocationSheet.cells.flat().find((c) => c?.v === "=Marine mammals officer");
    expect(title).toEqual({ v: "=Marine mammals officer", fmt: "@" });
  });

  it("keeps the previous Log's rows", () => {
    const first = buildOutputSheets(handAllocation(), { ...run, time: new Date("2026-01-01T00:00:00Z") });
    const log: SheetGrid = {
      name: "Log",
      rows: first[4].cells.map((r) => r.map((c) => (c?.v ?? null) as CellValue)),
      firstRow: 1,
      firstCol: 1,
    };
    const second = buildOutputSheets(handAllocation(), run, log);
    expect(second[4].cells.slice(4).map((r) => r[1]?.v)).toEqual([
      "2026-01-01T00:00:00Z",
      "2026-11-27T20:18:00Z",
    ]);
  });
});
