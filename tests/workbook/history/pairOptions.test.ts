import { pairOptions, type RecordedOption } from "../../../src/workbook/history/pairOptions";

const option = (name: string, total: number): RecordedOption => ({
  name,
  byInstrument: { CMS: { direct: total, psc: 0, total } },
});

describe("pairOptions", () => {
  const before = [option("Status quo", 1), option("Pilot", 2), option("Dropped", 3)];
  const after = [option("Joint secretariat", 4), option("status quo ", 5), option("Pilot", 6)];

  it("matches options by name as options are matched, in the order of the run named first", () => {
    const pairs = pairOptions(before, after, "before");
    expect(pairs.map((p) => p.name)).toEqual(["Status quo", "Pilot", "Dropped", "Joint secretariat"]);
    expect(pairs[0].before?.byInstrument.CMS.total).toBe(1);
    expect(pairs[0].after?.byInstrument.CMS.total).toBe(5);
    expect(pairs[2].after).toBeUndefined();
    expect(pairs[3].before).toBeUndefined();
  });

  it("puts this run's options first when asked", () => {
    const pairs = pairOptions(before, after, "after");
    expect(pairs.map((p) => p.name)).toEqual(["Joint secretariat", "status quo ", "Pilot", "Dropped"]);
    expect(pairs[1].before?.byInstrument.CMS.total).toBe(1);
  });
});
