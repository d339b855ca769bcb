import { buildContributionsSheet } from "../../src/workbook/buildContributionsSheet";
import { formulaMismatches } from "./fixtures/formulaMismatches";
import { handAllocation } from "./fixtures/handAllocation";
import { handContributions } from "./fixtures/handContributions";

const run = { time: new Date("2026-11-27T20:18:00Z"), version: "0.1.0", fingerprint: "0".repeat(64) };

/** The row that starts with `label`, as values (formulas by their text). */
function rowOf(cells: ReturnType<typeof buildContributionsSheet>["cells"], label: string, from = 0) {
  const r = cells.findIndex((row, i) => i >= from && row[0]?.v === label);
  return { index: r, values: cells[r].map((c) => c?.f ?? c?.v) };
}

describe("buildContributionsSheet", () => {
  it("recalculates to the engine's figures, and every check shows 0", () => {
    expect(formulaMismatches(buildContributionsSheet(handContributions(), run))).toEqual([]);
    expect(formulaMismatches(buildContributionsSheet(handContributions(0.01), run))).toEqual([]);
  });

  it("lays out each instrument's Parties with UN scale, fixed share, adjusted scale, years, total and how each was set", () => {
    const { cells } = buildContributionsSheet(handContributions(), run);
    expect(cells[0][0]?.v).toBe("Scale of contributions by Party, 2015–2016 (EUR)");
    expect(cells[3][0]?.v).toBe("AEWA");
    expect(cells[4][0]?.v).toBe(
      "Fixed shares first; a Party below 0.002% on the UN scale pays nothing; the rest in proportion to the UN scale; " +
        "at least EUR 2,000 a year; at most 20% of the amount.",
    );
    expect(cells[5].map((c) => c?.v)).toEqual([
      "Party",
      "UN scale",
      "Fixed share",
      "Adjusted scale",
      "2015",
      "2016",
      "Total",
      "Set by",
      "Check (0 = adds up)",
    ]);
    const row = (r: number) => cells[r].map((c) => c?.f ?? c?.v ?? null);
    expect(row(6)).toEqual([
      "Germany",
      0.057,
      null,
      0.2,
      20000,
      20000,
      40000,
      "Maximum share",
      "ROUND(G7-SUM(E7:F7),0)",
    ]);
    expect(row(7)).toEqual([
      "European Union",
      null,
      0.025,
      0.025,
      2500,
      2500,
      5000,
      "Fixed share",
      "ROUND(G8-SUM(E8:F8),0)",
    ]);
    expect(row(8).slice(0, 8)).toEqual([
      "Senegal",
      0.00003,
      null,
      0.02,
      2000,
      2000,
      4000,
      "Minimum contribution",
    ]);
    expect(row(13).slice(0, 8)).toEqual(["Niger", 0.00001, null, 0, 0, 0, 0, "Below the threshold"]);
    const total = rowOf(cells, "Total");
    expect(total.index).toBe(14);
    expect(total.values).toEqual([
      "Total",
      "SUM(B7:B14)",
      "SUM(C7:C14)",
      "SUM(D7:D14)",
      "SUM(E7:E14)",
      "SUM(F7:F14)",
      "SUM(G7:G14)",
      undefined,
      "ROUND(G15-SUM(E15:F15),0)",
    ]);
    expect(rowOf(cells, "Amount shared (Scales sheet)").values.slice(3)).toEqual([
      1,
      100000,
      100000,
      "SUM(E16:F16)",
    ]);
    expect(rowOf(cells, "Check (0 = adds up)").values.slice(3)).toEqual([
      "ROUND(D15-D16,9)",
      "ROUND(E15-E16,0)",
      "ROUND(F15-F16,0)",
      "ROUND(G15-G16,0)",
    ]);
    // ASCOBANS has no Scales row: its Parties share its total with PSC from the allocation.
    const ascobans = cells.findIndex((r) => r[0]?.v === "ASCOBANS");
    expect(cells[ascobans + 1][0]?.v).toBe("The rest in proportion to the UN scale.");
    expect(
      rowOf(
        cells,
        "Amount shared (its total with programme support costs, Allocation sheet)",
        ascobans,
      ).values.slice(4, 6),
    ).toEqual([7119, 7241]);
  });

  it("shows a failing check when a year's contributions do not add up to its amount", () => {
    const allocation = handContributions();
    const aewa = allocation.contributions?.[0];
    if (aewa) aewa.parties[0].byYear[0] += 1;
    expect(formulaMismatches(buildContributionsSheet(allocation, run)).length).toBeGreaterThan(0);
  });

  it("says so, in place of a stale table, when the workbook has no Parties sheet", () => {
    const { cells } = buildContributionsSheet(handAllocation(), run);
    expect(cells[3][0]?.v).toMatch(/^The workbook has no Parties sheet/);
    expect(cells).toHaveLength(4);
  });
});
