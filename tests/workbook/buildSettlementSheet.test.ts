import { buildSettlementSheet } from "../../src/workbook/buildSettlementSheet";
import { formulaMismatches } from "./fixtures/formulaMismatches";
import { handAllocation } from "./fixtures/handAllocation";

const run = { time: new Date("2026-11-27T20:18:00Z"), version: "0.1.0", fingerprint: "0".repeat(64) };

describe("buildSettlementSheet", () => {
  it("recalculates to the engine's figures, and the balances add up", () => {
    expect(formulaMismatches(buildSettlementSheet(handAllocation(), run))).toEqual([]);
    expect(formulaMismatches(buildSettlementSheet(handAllocation(0.01), run))).toEqual([]);
  });

  it("states each instrument's share, funded posts, balance and position in a word", () => {
    const sheet = buildSettlementSheet(handAllocation(), run);
    expect(sheet.cells[3].map((c) => c?.v)).toEqual([
      "Instrument",
      "Share of common costs",
      "Cost of posts funded",
      "Balance (share − funded)",
      "Position",
    ]);
    expect(sheet.cells.slice(4, 7).map((r) => r.map((c) => c?.v))).toEqual([
      ["CMS", 551892, 463600, 88292, "Owes"],
      ["AEWA", 141000, 202000, -61000, "Is owed"],
      ["ASCOBANS", 12708, 0, 12708, "Owes"],
    ]);
    expect(sheet.cells[4][3]?.f).toBe("B5-C5");
    expect(sheet.cells[7].slice(0, 4).map((c) => c?.f ?? c?.v)).toEqual([
      "Total",
      "SUM(B5:B7)",
      "SUM(C5:C7)",
      "SUM(D5:D7)",
    ]);
    expect(sheet.cells[8][3]).toMatchObject({ f: "ROUND(D8-(B8-C8),0)", v: 0 });
  });

  it("calls a zero balance even", () => {
    const allocation = handAllocation();
    allocation.settlement[2] = { code: "ASCOBANS", share: 12708, funded: 12708, balance: 0 };
    expect(buildSettlementSheet(allocation, run).cells[6][4]?.v).toBe("Even");
  });

  it("shows a failing check when a balance is not share − funded", () => {
    const allocation = handAllocation();
    allocation.settlement[0].balance += 5;
    expect(formulaMismatches(buildSettlementSheet(allocation, run)).length).toBeGreaterThan(0);
  });
});
