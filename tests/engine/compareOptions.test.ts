import { chooseScenario } from "../../src/engine/chooseScenario";
import { compareOptions } from "../../src/engine/compareOptions";
import { analyseWorkbook } from "../../src/workbook/analyseWorkbook";
import { HAND_OPTIONS, handOptionsGrids } from "../workbook/fixtures/handOptions";

function handAllocation() {
  const allocation = analyseWorkbook(handOptionsGrids()).allocation;
  if (!allocation) throw new Error("the hand-worked workbook does not allocate");
  return allocation;
}

describe("compareOptions", () => {
  it("gives every option's figures per instrument, with the difference from the first", () => {
    const compared = compareOptions(handAllocation());
    expect(compared.instruments).toEqual(["CMS", "AEWA", "EUROBATS"]);
    HAND_OPTIONS.forEach((option, k) => {
      const o = compared.options[k];
      expect(o.name).toBe(option.name);
      expect(o.instruments.map((f) => [f.direct, f.psc, f.total, f.savings])).toEqual(
        option.direct.map((d, i) => [d, option.psc[i], option.total[i], option.savings[i]]),
      );
      expect(o.instruments.map((f) => f.difference)).toEqual(
        option.total.map((t, i) => t - HAND_OPTIONS[0].total[i]),
      );
      o.instruments.forEach((f, i) => expect(f.fte).toBeCloseTo(option.fte[i], 10));
    });
    expect(compared.options[2].total).toMatchObject({
      direct: 210000,
      psc: 21000,
      total: 231000,
      savings: 160000,
      difference: -176000,
    });
  });

  it("marks the option written, which chooseScenario changes", () => {
    const allocation = handAllocation();
    expect(compareOptions(allocation).options.map((o) => o.written)).toEqual([true, false, false]);
    const joint = chooseScenario(allocation, "Joint secretariat");
    expect(compareOptions(joint).options.map((o) => o.written)).toEqual([false, false, true]);
    // The differences are still taken from the first option, whichever is written.
    expect(compareOptions(joint).options[1].total.difference).toBe(-11000);
  });

  it("leaves savings out of an option's total when no instrument has a baseline", () => {
    const allocation = handAllocation();
    const stripped = {
      ...allocation,
      scenarios: allocation.scenarios?.map((s) => ({ ...s, allocation: { ...s.allocation, savings: [] } })),
    };
    const compared = compareOptions(stripped);
    expect(compared.options[0].total.savings).toBeUndefined();
    expect(compared.options[0].instruments[0].savings).toBeUndefined();
  });

  it("refuses an allocation without options", () => {
    const { scenarios: _, ...plain } = handAllocation();
    expect(() => compareOptions(plain)).toThrow("no options to compare");
  });
});
