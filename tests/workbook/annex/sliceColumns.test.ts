import { annexTables } from "../../../src/workbook/annex/annexTables";
import { MAX_FIGURE_COLUMNS, sliceColumns } from "../../../src/workbook/annex/sliceColumns";
import { sampleAllocation } from "./fixtures/sampleAllocation";

describe("sliceColumns", () => {
  it("returns a table that fits as it is", () => {
    const [period] = annexTables(sampleAllocation({ instruments: 11 }), "en");
    expect(period.columns.length - 1).toBeLessThanOrEqual(MAX_FIGURE_COLUMNS);
    expect(sliceColumns(period)).toEqual([period]);
  });

  it("cuts a wide table into balanced slices that each keep the labels", () => {
    const [period] = annexTables(sampleAllocation({ instruments: 16 }), "en");
    const slices = sliceColumns(period);
    expect(slices.map((s) => s.columns.length - 1)).toEqual([9, 8]);
    for (const slice of slices) {
      expect(slice.columns[0]).toEqual(period.columns[0]);
      expect(slice.rows.map((r) => r.cells[0])).toEqual(period.rows.map((r) => r.cells[0]));
      expect(slice.rows.map((r) => r.kind)).toEqual(period.rows.map((r) => r.kind));
    }
    // Every figure lands in exactly one slice, in order.
    period.rows.forEach((row, r) => {
      expect(slices.flatMap((s) => s.rows[r].cells.slice(1))).toEqual(row.cells.slice(1));
    });
  });

  it("drops the Total column's formula, which no longer sums its slice", () => {
    const [period] = annexTables(sampleAllocation({ instruments: 16 }), "en");
    const last = sliceColumns(period).at(-1)!;
    expect(last.columns.at(-1)?.header).toBe("Total");
    expect(last.columns.some((c) => c.sumOfColumns !== undefined)).toBe(false);
    expect(period.columns.at(-1)?.sumOfColumns).toHaveLength(16);
  });
});
