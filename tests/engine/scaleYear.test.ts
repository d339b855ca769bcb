import { InvalidArgumentError } from "../../src/engine/errors";
import { scaleYear, type ScaleParty } from "../../src/engine/scaleYear";

const rates = (...r: number[]): ScaleParty[] => r.map((rate) => ({ rate }));

/** The exact amounts, cleaned of float noise (600.0000000000001 → 600) for comparison. */
function amounts(parties: ScaleParty[], amount: number, rule = {}, wholeQuanta = false): number[] {
  const r = scaleYear(parties, amount, rule, { wholeQuanta });
  if (!r.ok) throw new Error(r.message);
  return Array.from(r.amounts, (x) => Number(x.toPrecision(12)));
}

describe("scaleYear", () => {
  it("re-normalises the rates of the paying Parties to the whole amount", () => {
    expect(amounts(rates(6, 3, 1), 1000)).toEqual([600, 300, 100]);
  });

  it("exempts a Party below the threshold and shares among the others", () => {
    const r = scaleYear(rates(0.5, 0.3, 0.2, 0.0005), 1000, { threshold: 0.001 });
    expect(amounts(rates(0.5, 0.3, 0.2, 0.0005), 1000, { threshold: 0.001 })).toEqual([500, 300, 200, 0]);
    expect(r.ok && r.basis).toEqual(["scale", "scale", "scale", "exempt"]);
  });

  it("charges a Party exactly at the threshold (only a Party below it is exempt)", () => {
    const [a, b] = amounts(rates(1, 0.1, 0.099), 110, { threshold: 0.1 });
    expect(a).toBeCloseTo(100, 9);
    expect(b).toBeCloseTo(10, 9);
  });

  it("takes the fixed shares first, unbounded, and shares the rest with floor and ceiling", () => {
    // 100,000; EU 2.5% fixed; floor 2,000; ceiling 20% (AEWA's rules). By hand: the four largest
    // are capped at 20,000 in turn; the 17,500 left goes 0.2 : 0.01, which puts the smallest
    // under the floor (833): it pays 2,000 and the other 15,500.
    const parties: ScaleParty[] = [{ rate: 0, fixed: 0.025 }, ...rates(30, 10, 8, 0.5, 0.2, 0.01)];
    const r = scaleYear(parties, 100000, { floor: 2000, ceiling: 0.2 });
    expect(amounts(parties, 100000, { floor: 2000, ceiling: 0.2 })).toEqual([
      2500, 20000, 20000, 20000, 20000, 15500, 2000,
    ]);
    expect(r.ok && r.basis).toEqual(["fixed", "ceiling", "ceiling", "ceiling", "ceiling", "scale", "floor"]);
  });

  it("rounds the ceiling down to a whole quantum when amounts are whole quanta", () => {
    // 20% of 10,001 is 2,000.2: a capped Party is held at 2,000 so that rounding cannot lift it over.
    const exact = amounts(rates(90, 1, 1, 1, 1, 1, 1), 10001, { ceiling: 0.2 });
    const whole = amounts(rates(90, 1, 1, 1, 1, 1, 1), 10001, { ceiling: 0.2 }, true);
    expect(exact[0]).toBeCloseTo(2000.2, 9);
    expect(whole[0]).toBe(2000);
    expect(whole.reduce((a, b) => a + b, 0)).toBeCloseTo(10001, 9);
  });

  it("says why rules cannot hold, naming the column to change", () => {
    expect(
      scaleYear(
        [
          { rate: 1, fixed: 0.6 },
          { rate: 1, fixed: 0.5 },
        ],
        100,
        {},
      ),
    ).toEqual({
      ok: false,
      field: "Fixed",
      message: "The fixed shares add up to 110%, more than the whole amount (100%).",
    });
    expect(scaleYear(rates(1, 1, 1), 5000, { floor: 2000 })).toMatchObject({
      ok: false,
      field: "Floor",
      message:
        "A minimum contribution of 2000 for each of the 3 Parties that pay needs 6000, more than the 5000 to share.",
    });
    expect(scaleYear(rates(5, 1, 1), 1000, { ceiling: 0.25 })).toMatchObject({ ok: false, field: "Ceiling" });
    expect(scaleYear(rates(0.01, 0.02), 1000, { threshold: 0.1 })).toMatchObject({
      ok: false,
      field: "Threshold",
    });
    expect(scaleYear(rates(0, 0), 1000, {})).toMatchObject({ ok: false, field: "UNScale" });
    expect(scaleYear(rates(1, 1), 5000, { floor: 2000, ceiling: 0.3 })).toMatchObject({
      ok: false,
      field: "Floor",
      message: expect.stringContaining("more than the maximum share") as string,
    });
  });

  it("shares nothing when the amount is zero and no floor asks for more", () => {
    expect(amounts(rates(2, 1), 0)).toEqual([0, 0]);
  });

  it("refuses a negative amount as a programming error", () => {
    expect(() => scaleYear(rates(1), -1, {})).toThrow(InvalidArgumentError);
  });
});
