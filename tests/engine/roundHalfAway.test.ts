import { roundHalfAway } from "../../src/engine/roundHalfAway";

describe("roundHalfAway", () => {
  it("rounds halves away from zero", () => {
    expect(roundHalfAway(0.5)).toBe(1);
    expect(roundHalfAway(-0.5)).toBe(-1);
    expect(roundHalfAway(1.4999)).toBe(1);
    expect(roundHalfAway(-7.6)).toBe(-8);
  });

  it("counts a value a hair below a half as the half it stands for", () => {
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(roundHalfAway(1.005 * 100)).toBe(101);
    expect(roundHalfAway(0.13 * 34650)).toBe(4505);
  });

  it("never returns negative zero", () => {
    expect(Object.is(roundHalfAway(-0.2), 0)).toBe(true);
  });
});
