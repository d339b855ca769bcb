import { InvalidArgumentError } from "../../src/engine/errors";
import { programmeSupportCost } from "../../src/engine/programmeSupportCost";

describe("programmeSupportCost", () => {
  it("charges 13% by default, the UN rule", () => {
    expect(programmeSupportCost(250000)).toBeCloseTo(32500, 8);
  });

  it("takes another rate and refuses one outside 0% to under 100%", () => {
    expect(programmeSupportCost(1000, 0.07)).toBeCloseTo(70, 8);
    expect(() => programmeSupportCost(1000, 1)).toThrow(InvalidArgumentError);
    expect(() => programmeSupportCost(1000, -0.1)).toThrow(InvalidArgumentError);
  });
});
