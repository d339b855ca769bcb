import { InvalidArgumentError } from "../../src/engine/errors";
import { splitAmount } from "../../src/engine/splitAmount";

describe("splitAmount", () => {
  it("splits a P4 at €140,000 15/85 into 21,000 and 119,000", () => {
    expect(splitAmount(140000, [0.15, 0.85])).toEqual([21000, 119000]);
  });

  it("splits to the cent and the cents add up to the amount", () => {
    const shares = splitAmount(100, [1, 1, 1], 0.01);
    expect(shares).toEqual([33.34, 33.33, 33.33]);
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(10000);
  });

  it("rounds the amount first, then splits it", () => {
    expect(splitAmount(100.6, [1, 1])).toEqual([51, 50]);
  });

  it("tells the officer what is wrong with the shares", () => {
    expect(() => splitAmount(100, [0.5, -0.5])).toThrow(
      new InvalidArgumentError("Share 2 is negative; shares cannot be below zero."),
    );
    expect(() => splitAmount(100, [0, 0])).toThrow(/All shares are zero/);
    expect(() => splitAmount(100, [])).toThrow(/at least one share/);
    expect(() => splitAmount(100, [1, Number.NaN])).toThrow(/Share 2 is not a number/);
    expect(() => splitAmount(Number.POSITIVE_INFINITY, [1])).toThrow(/must be a number/);
    expect(() => splitAmount(100, [1], 0)).toThrow(/rounding must be a positive number/);
  });
});
