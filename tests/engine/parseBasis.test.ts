import { parseBasis } from "../../src/engine/parseBasis";

function spec(method: string, basis: string) {
  const r = parseBasis(method, basis);
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.spec;
}

function message(method: string, basis: string): string {
  const r = parseBasis(method, basis);
  if (r.ok) throw new Error(`expected a message, got ${JSON.stringify(r.spec)}`);
  return r.message;
}

describe("parseBasis", () => {
  it("reads fixed percentages separated by semicolons", () => {
    expect(spec("fixed", "CMS 50%; AEWA 50%")).toEqual({ method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } });
  });

  it("reads fixed fractions separated by commas", () => {
    expect(spec("Fixed", "CMS 0.5, AEWA 0.5")).toEqual({ method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } });
  });

  it("reads plain numbers adding up to 100 as percents", () => {
    expect(spec("FIXED", "CMS 50, AEWA 50")).toEqual({ method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } });
  });

  it("reads slashes, line breaks, colons and decimal commas", () => {
    expect(spec("fixed", "CMS: 12,5%\nIOSEA: 87,5%")).toEqual({
      method: "fixed",
      shares: { CMS: 0.125, IOSEA: 0.875 },
    });
    expect(spec("fixed", "ASCOBANS 15% / CMS 85%")).toEqual({
      method: "fixed",
      shares: { ASCOBANS: 0.15, CMS: 0.85 },
    });
  });

  it("keeps instrument codes as written", () => {
    expect(spec("fixed", "cms 97%; Ascobans 3%")).toEqual({
      method: "fixed",
      shares: { cms: 0.97, Ascobans: 0.03 },
    });
  });

  it("refuses fixed shares that do not add up to 100%", () => {
    expect(message("fixed", "CMS 50%; AEWA 40%")).toBe(
      "The shares in Basis add up to 90%; they must add up to 100%.",
    );
  });

  it("refuses a fixed rule without shares, a duplicate code and an unreadable part", () => {
    expect(message("fixed", "")).toMatch(/needs its agreed shares/);
    expect(message("fixed", "CMS 50%; cms 50%")).toMatch(/names 'cms' twice/);
    expect(message("fixed", "CMS half; AEWA 50%")).toMatch(/Could not read 'CMS half'/);
  });

  it("ignores the basis of equal and posts rules", () => {
    expect(spec("equal", "whatever")).toEqual({ method: "equal" });
    expect(spec(" Posts ", "")).toEqual({ method: "posts" });
  });

  it("reads a driver column name as written", () => {
    expect(spec("driver", " Parties ")).toEqual({ method: "driver", driver: "Parties" });
    expect(message("driver", "")).toMatch(/name of an Instruments column/);
  });

  it("reads hybrid weights as percents or fractions", () => {
    const expected = {
      method: "hybrid",
      parts: [
        { weight: 0.4, basis: "equal" },
        { weight: 0.6, basis: "Parties" },
      ],
    };
    expect(spec("hybrid", "40% equal + 60% Parties")).toEqual(expected);
    expect(spec("Hybrid", "0.4 Equal + 0.6 Parties")).toEqual(expected);
    expect(spec("hybrid", "Equally 40% + Parties 60%")).toEqual(expected);
  });

  it("refuses hybrid weights that do not add up to 100%", () => {
    expect(message("hybrid", "40% equal + 50% Budget")).toBe(
      "The weights in Basis add up to 90%; they must add up to 100%.",
    );
  });

  it("lists the valid methods for an unknown or missing one", () => {
    expect(message("pro rata", "")).toBe(
      "Method 'pro rata' is not known. Use one of: fixed, equal, driver, hybrid, posts.",
    );
    expect(message("  ", "")).toMatch(/no Method/);
  });
});
