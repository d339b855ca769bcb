import type { RuleApplied } from "../../../src/engine/result";
import { describeRule, type RuleContext } from "../../../src/workbook/annex/describeRule";

const instruments = ["CMS", "AEWA", "ASCOBANS", "EUROBATS", "IOSEA"];
const context = (language: RuleContext["language"], extra: Partial<RuleContext> = {}): RuleContext => ({
  instruments,
  language,
  supportMethod: "reciprocal",
  staffingAnnex: language === "en" ? "Annex 2" : language === "fr" ? "Annexe 2" : "Anexo 2",
  ...extra,
});
const rule = (r: Partial<RuleApplied> & Pick<RuleApplied, "method">): RuleApplied => ({
  unit: "Communications",
  description: "",
  participants: [],
  ...r,
});

describe("describeRule", () => {
  const fixed = rule({ method: "fixed", participants: ["CMS", "AEWA"], weights: { CMS: 0.5, AEWA: 0.5 } });

  it("states a two-way agreed split as a ratio", () => {
    expect(describeRule(fixed, context("en"))).toBe("Shared 50/50 between CMS and AEWA by agreement.");
    expect(describeRule(fixed, context("fr"))).toBe("Réparti 50/50 entre CMS et AEWA, d'un commun accord.");
    expect(describeRule(fixed, context("es"))).toBe("Compartido al 50/50 entre CMS y AEWA, por acuerdo.");
  });

  it("names the larger share first in an unequal split", () => {
    const r = rule({
      method: "fixed",
      participants: ["CMS", "ASCOBANS"],
      weights: { CMS: 0.25, ASCOBANS: 0.75 },
    });
    expect(describeRule(r, context("en"))).toBe("Shared 75/25 between ASCOBANS and CMS by agreement.");
  });

  it("lists every share of a split among more than two", () => {
    const r = rule({ method: "fixed", weights: { CMS: 0.4, AEWA: 0.35, EUROBATS: 0.25 } });
    expect(describeRule(r, context("en"))).toBe("Shared by agreement: CMS 40%, AEWA 35%, EUROBATS 25%.");
    expect(describeRule(r, context("fr"))).toBe(
      "Répartition convenue\u00a0: CMS 40\u00a0%, AEWA 35\u00a0%, EUROBATS 25\u00a0%.",
    );
  });

  it("says so when one instrument bears the whole cost, whatever the method", () => {
    const r = rule({
      method: "driver",
      basis: "Parties",
      participants: ["CMS"],
      weights: { CMS: 1, AEWA: 0 },
    });
    expect(describeRule(r, context("en"))).toBe("Borne entirely by CMS.");
    expect(describeRule({ ...r, method: "fixed" }, context("fr"))).toBe("Entièrement à la charge de CMS.");
    expect(describeRule({ ...r, method: "equal" }, context("es"))).toBe("Íntegramente a cargo de CMS.");
  });

  it("says 'all instruments' when everyone shares equally", () => {
    const r = rule({ method: "equal", participants: [...instruments] });
    expect(describeRule(r, context("en"))).toBe("Shared equally among all instruments.");
    expect(describeRule(r, context("es"))).toBe("Repartido a partes iguales entre todos los instrumentos.");
  });

  it("lists the participants of an equal split, with Spanish 'e' before an i sound", () => {
    const r = rule({ method: "equal", participants: ["CMS", "AEWA", "IOSEA"] });
    expect(describeRule(r, context("en"))).toBe("Shared equally among CMS, AEWA and IOSEA.");
    expect(describeRule(r, context("es"))).toBe("Repartido a partes iguales entre CMS, AEWA e IOSEA.");
  });

  it("puts a driver key with its ceiling into words", () => {
    const r = rule({ method: "driver", basis: "Parties", participants: [...instruments], max: 0.5 });
    expect(describeRule(r, context("en"))).toBe("In proportion to the number of Parties, capped at 50%.");
    expect(describeRule(r, context("fr"))).toBe("Au prorata du nombre de Parties, plafonné à 50\u00a0%.");
    expect(describeRule(r, context("es"))).toBe("En proporción al número de Partes, con un tope del 50%.");
  });

  it("names the participants and the floor of a driver key shared by some", () => {
    const r = rule({ method: "driver", basis: "Budget", participants: ["CMS", "AEWA"], min: 0.05 });
    expect(describeRule(r, context("en"))).toBe(
      "In proportion to the budget, among CMS and AEWA, with a floor of 5%.",
    );
  });

  it("quotes a driver column it has no words for", () => {
    const r = rule({ method: "driver", basis: "Range states", participants: [] });
    expect(describeRule(r, context("en"))).toBe(
      "In proportion to the Instruments column \u2018Range states\u2019.",
    );
  });

  it("reads a hybrid key from its basis", () => {
    const r = rule({ method: "hybrid", basis: "40% equal + 60% Parties", participants: [] });
    expect(describeRule(r, context("en"))).toBe(
      "40% shared equally and 60% in proportion to the number of Parties.",
    );
    expect(describeRule(r, context("fr"))).toBe(
      "40\u00a0% à parts égales et 60\u00a0% au prorata du nombre de Parties.",
    );
    expect(describeRule(r, context("es"))).toBe(
      "El 40% a partes iguales y el 60% en proporción al número de Partes.",
    );
  });

  it("falls back to the rule as written when a hybrid basis cannot be read", () => {
    const r = rule({ method: "hybrid", basis: "mostly equal", participants: [] });
    expect(describeRule(r, context("en"))).toBe("Rule: mostly equal");
  });

  it("refers a posts rule to the staffing annex", () => {
    expect(describeRule(rule({ method: "posts" }), context("en"))).toBe(
      "Each post's own agreed split (see Annex 2).",
    );
    expect(describeRule(rule({ method: "posts" }), context("fr"))).toBe(
      "Selon la répartition convenue propre à chaque poste (voir annexe 2).",
    );
  });

  it("says how a support unit was passed on, in table order", () => {
    const r = rule({
      unit: "Administration",
      method: "support",
      servedUnits: { "Conference services": 0.6, Communications: 0.4 },
    });
    const unitOrder = ["Communications", "Conference services", "Administration"];
    expect(describeRule(r, context("en", { unitOrder }))).toBe(
      "Administration (support unit): allocated to the units it serves by the reciprocal method (Communications 40%, Conference services 60%).",
    );
    expect(describeRule(r, context("es", { unitOrder, supportMethod: "step-down" }))).toContain(
      "por el método escalonado",
    );
  });
});
