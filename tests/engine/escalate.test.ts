import { escalate } from "../../src/engine/escalate";
import { InvalidArgumentError } from "../../src/engine/errors";

describe("escalate", () => {
  it("compounds the rate once a year", () => {
    expect(escalate(140000, 0.02, 0)).toBe(140000);
    expect(escalate(140000, 0.02, 1)).toBeCloseTo(142800, 8);
    expect(escalate(140000, 0.02, 2)).toBeCloseTo(145656, 8);
  });

  it("lets costs fall with a negative rate above -100%", () => {
    expect(escalate(1000, -0.1, 2)).toBeCloseTo(810, 8);
    expect(() => escalate(1000, -1, 1)).toThrow(InvalidArgumentError);
  });
});
