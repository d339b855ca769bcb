import { InvalidArgumentError } from "../../src/engine/errors";
import { fromQuanta, quantizer, toQuanta } from "../../src/engine/money";

describe("toQuanta", () => {
  it("turns currency into whole units or cents", () => {
    expect(toQuanta(140000, 1)).toBe(140000);
    expect(toQuanta(140000.5, 1)).toBe(140001);
    expect(toQuanta(12.34, 0.01)).toBe(1234);
    expect(toQuanta(1234567, 1000)).toBe(1235);
  });

  it("is immune to float noise such as 68.68 / 0.01 = 6867.999…", () => {
    expect(68.68 / 0.01).not.toBe(6868);
    expect(toQuanta(68.68, 0.01)).toBe(6868);
    expect(toQuanta(0.1 + 0.2, 0.01)).toBe(30);
  });

  it("rounds halves away from zero, as typed", () => {
    expect(toQuanta(1.005, 0.01)).toBe(101);
    expect(toQuanta(2.5, 1)).toBe(3);
    expect(toQuanta(-2.5, 1)).toBe(-3);
    expect(toQuanta(-0.004, 0.01)).toBe(0);
    expect(Object.is(toQuanta(-0.004, 0.01), -0)).toBe(false);
  });

  it("refuses a non-finite amount or a rounding of zero or less", () => {
    expect(() => toQuanta(Number.NaN, 1)).toThrow(InvalidArgumentError);
    expect(() => toQuanta(1, 0)).toThrow(InvalidArgumentError);
    expect(() => toQuanta(1, -1)).toThrow(InvalidArgumentError);
  });
});

describe("fromQuanta", () => {
  it("turns cents back into currency exactly", () => {
    expect(fromQuanta(6868, 0.01)).toBe(68.68);
    expect(fromQuanta(7, 0.1)).toBe(0.7);
    expect(fromQuanta(1235, 1000)).toBe(1235000);
    expect(fromQuanta(-1, 0.01)).toBe(-0.01);
  });

  it("round-trips every cent amount", () => {
    for (let c = -10000; c <= 10000; c += 7) expect(toQuanta(fromQuanta(c, 0.01), 0.01)).toBe(c);
  });
});

describe("quantizer", () => {
  it("converts exactly as toQuanta does, for one rounding", () => {
    const cents = quantizer(0.01);
    for (const v of [68.68, 1.005, -2.675, 0.1 + 0.2, 123456.785]) expect(cents(v)).toBe(toQuanta(v, 0.01));
    expect(quantizer(1000)(1234567)).toBe(1235);
    expect(() => quantizer(0)).toThrow(InvalidArgumentError);
  });
});
