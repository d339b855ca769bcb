import { previewModel, periodLabel } from "../../src/taskpane/previewModel";
import { fakeAllocation, sampleModel } from "./paneFixtures";

describe("previewModel", () => {
  const allocation = fakeAllocation(sampleModel());

  it("sums the years for the period and adds up to the grand total", () => {
    const view = previewModel(allocation, "period");
    expect(view.label).toBe("2015–2016");
    expect(view.rows.map((r) => [r.unit, r.shares, r.total])).toEqual([
      ["Communications", [120000, 120000], 240000],
      ["Conference services", [72000, 48000], 120000],
    ]);
    expect(view.direct).toEqual([192000, 168000]);
    expect(view.grand.direct).toBe(360000);
    expect(view.total.reduce((a, b) => a + b, 0)).toBe(view.grand.total);
  });

  it("shows one year alone", () => {
    const view = previewModel(allocation, 1);
    expect(view.label).toBe("2016");
    expect(view.direct).toEqual([96000, 84000]);
  });

  it("labels a one-year period with its year", () => {
    expect(periodLabel([2015])).toBe("2015");
  });
});
