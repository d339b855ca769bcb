import { buildSavingsSheet } from "../../src/workbook/buildSavingsSheet";
import { formulaMismatches } from "./fixtures/formulaMismatches";
import { handAllocation } from "./fixtures/handAllocation";

const run = { time: new Date("2026-11-27T20:18:00Z"), version: "0.1.0", fingerprint: "0".repeat(64) };

describe("buildSavingsSheet", () => {
  it("recalculates to the engine's figures", () => {
    expect(formulaMismatches(buildSavingsSheet(handAllocation(), run))).toEqual([]);
    expect(formulaMismatches(buildSavingsSheet(handAllocation(0.01), run))).toEqual([]);
  });

  it("shows baseline, shared, savings and savings % per instrument, then each category, then staff time", () => {
    const sheet = buildSavingsSheet(handAllocation(), run);
    expect(sheet.cells[3].map((c) => c?.v ?? null)).toEqual([
      null, "Period total", null, null, null, "Staff", null, null, "Operational", null, null, "Staff time (FTE)", null, null,
    ]); // prettier-ignore
    expect(sheet.merges).toEqual(["B4:E4", "F4:H4", "I4:K4", "L4:N4"]);
    const cms = sheet.cells[5];
    expect(cms.map((c) => c?.v ?? null)).toEqual([
      "CMS", 600000, 551892, 48108, 48108 / 600000, 560000, 531892, 28108, 40000, 20000, 20000, 3, 2.252, 3 - 2.252,
    ]); // prettier-ignore
    expect(cms[3]).toMatchObject({ f: "B6-C6", fmt: "#,##0" });
    expect(cms[4]).toMatchObject({ f: "D6/B6", fmt: "0.0%" });
    const aewa = sheet.cells[6];
    expect(aewa[11]).toBeNull();
    expect(aewa[13]).toBeNull();
    const total = sheet.cells[7];
    expect(total[0]).toMatchObject({ v: "Total", bold: true, borderTop: true });
    expect(total[1]).toMatchObject({ f: "SUM(B6:B7)", v: 750000 });
    expect(total[4]).toMatchObject({ f: "D8/B8" });
    expect(sheet.cells[9][0]).toMatchObject({
      v: "No stand-alone baseline, so not shown: ASCOBANS.",
      italic: true,
    });
    expect(sheet.freeze).toEqual({ rows: 5, cols: 1 });
    expect(sheet.print?.repeatRows).toEqual([4, 5]);
  });

  it("orders categories as the BRS report does, Staff, Meetings, Operational, then the rest", () => {
    const allocation = handAllocation();
    allocation.savings[1].byCategory = {
      Travel: { baseline: 1000, shared: 0, savings: 1000 },
      Operational: { baseline: 29000, shared: 20000, savings: 9000 },
      Meetings: { baseline: 0, shared: 0, savings: 0 },
      Staff: { baseline: 120000, shared: 121000, savings: -1000 },
    };
    const sheet = buildSavingsSheet(allocation, run);
    expect(sheet.cells[3].filter((c) => c?.v).map((c) => c?.v)).toEqual([
      "Period total", "Staff", "Meetings", "Operational", "Travel", "Staff time (FTE)",
    ]); // prettier-ignore
    expect(formulaMismatches(sheet)).toEqual([]);
  });

  it("says so when no instrument has a baseline", () => {
    const allocation = handAllocation();
    allocation.savings = [];
    const sheet = buildSavingsSheet(allocation, run);
    expect(sheet.cells[5][0]?.v).toMatch(/No instrument has a stand-alone baseline/);
    expect(sheet.cells.flat().some((c) => c?.f !== undefined)).toBe(false);
  });
});
