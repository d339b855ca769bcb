import { describeRule } from "../../src/engine/describeRule";

describe("describeRule", () => {
  it("restates each method in an officer's words", () => {
    expect(describeRule({ method: "fixed", shares: { CMS: 0.5, AEWA: 0.5 } })).toBe(
      "Shared 50/50 between CMS and AEWA by agreement",
    );
    expect(describeRule({ method: "fixed", shares: { CMS: 0.5, AEWA: 0.3, EUROBATS: 0.2 } })).toBe(
      "Shared by agreement: CMS 50%, AEWA 30%, EUROBATS 20%",
    );
    expect(describeRule({ method: "driver", driver: "Parties" }, { everyone: true, max: 0.5 })).toBe(
      "In proportion to the number of Parties, capped at 50%",
    );
    expect(
      describeRule(
        {
          method: "hybrid",
          parts: [
            { weight: 0.4, basis: "equal" },
            { weight: 0.6, basis: "Parties" },
          ],
        },
        { everyone: true },
      ),
    ).toBe("40% equally, 60% in proportion to Parties");
    expect(describeRule({ method: "posts" })).toBe("Each post's own agreed split");
    expect(describeRule({ method: "support" }, { supportMethod: "reciprocal" })).toBe(
      "Support unit: passed on to the units it serves by the reciprocal method",
    );
  });

  it("names the participants and the floor when not everyone takes part", () => {
    expect(describeRule({ method: "equal" }, { participants: ["CMS", "AEWA", "ASCOBANS"], min: 0.1 })).toBe(
      "Shared equally among CMS, AEWA and ASCOBANS, with a floor of 10%",
    );
    expect(describeRule({ method: "equal" }, { everyone: true })).toBe(
      "Shared equally among all instruments",
    );
    expect(describeRule({ method: "driver", driver: "Budget" }, { participants: ["CMS", "AEWA"] })).toBe(
      "In proportion to Budget among CMS and AEWA",
    );
  });
});
