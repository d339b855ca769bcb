import fc from "fast-check";
import { keySet } from "../../src/engine/keySet";

describe("keySet", () => {
  it("finds a name again whatever its case and surrounding spaces", () => {
    const set = keySet(4);
    expect(set.addSeen("P2-CMS")).toBe(false);
    expect(set.addSeen(" p2-cms\t")).toBe(true);
    expect(set.addSeen("P2-CMS ")).toBe(true);
    expect(set.addSeen("P2-CMSX")).toBe(false);
  });

  it("compares names with letters beyond ASCII as trim and toLowerCase do", () => {
    const set = keySet(2);
    expect(set.addSeen("Économiste\u00a0")).toBe(false);
    expect(set.addSeen("éCONOMISTE")).toBe(true);
    // The Kelvin sign lower-cases to a plain k.
    expect(set.addSeen("\u212A1")).toBe(false);
    expect(set.addSeen("k1")).toBe(true);
  });

  it("agrees with a Set of trimmed, lower-cased names, past its first capacity", () => {
    const name = fc.oneof(
      fc.stringMatching(/^[ \t]?[A-Za-z0-9-]{0,4}[ ]?$/),
      fc.constantFrom("É1", "é1", "\u212A", "k", "K", " İ", "i̇", "\u00a0a"),
    );
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), (names) => {
        const set = keySet(3);
        const plain = new Set<string>();
        return names.every((n) => {
          const k = n.trim().toLowerCase();
          const want = plain.has(k);
          plain.add(k);
          return set.addSeen(n) === want;
        });
      }),
      { numRuns: 2000 },
    );
  });
});
