import type { Instrument, Model, Party, Post, Rule, ScaleRule, Settings } from "../../src/engine/model";

/** Builds small models for the engine's tests: every record gets a source row, counted per sheet. */
export function buildModel(
  parts: Partial<Omit<Model, "settings">> & { settings?: Partial<Settings> } = {},
): Model {
  return {
    settings: {
      currency: "EUR",
      firstYear: 2015,
      years: 1,
      escalation: 0,
      psc: 0,
      rounding: 1,
      supportMethod: "reciprocal",
      ...parts.settings,
    },
    instruments: parts.instruments ?? [],
    grades: parts.grades ?? [],
    posts: parts.posts ?? [],
    budget: parts.budget ?? [],
    rules: parts.rules ?? [],
    support: parts.support ?? [],
    baseline: parts.baseline ?? [],
    ...(parts.parties !== undefined ? { parties: parts.parties } : {}),
    ...(parts.scales !== undefined ? { scales: parts.scales } : {}),
  };
}

/** An instrument at row `row` of the Instruments sheet. */
export function instrument(
  code: string,
  row: number,
  drivers: Record<string, number> = {},
  type = "Agreement",
): Instrument {
  return { code, name: code, type, drivers, source: { sheet: "Instruments", row } };
}

/** A post at row `row` of the Posts sheet. */
export function post(id: string, unit: string, row: number, extra: Partial<Post> = {}): Post {
  return { id, title: `Post ${id}`, unit, fte: 1, source: { sheet: "Posts", row }, ...extra };
}

/** A rule at row `row` of the Rules sheet. */
export function rule(unit: string, spec: Rule["spec"], row: number, extra: Partial<Rule> = {}): Rule {
  return { unit, spec, participants: [], source: { sheet: "Rules", row }, ...extra };
}

/** The seed's instruments with their Parties (CMS had 121). */
export const seedInstruments: Instrument[] = [
  instrument("CMS", 2, { Parties: 121, Budget: 2500000 }, "Convention"),
  instrument("AEWA", 3, { Parties: 75, Budget: 1100000 }),
  instrument("ASCOBANS", 4, { Parties: 10, Budget: 200000 }),
  instrument("EUROBATS", 5, { Parties: 36, Budget: 300000 }),
  instrument("IOSEA", 6, { Parties: 0, Budget: 150000 }, "MOU"),
];

/** A Party at row `row` of the Parties sheet; `unScale` as the UN publishes it, in percent (22 = 22%). */
export function party(
  name: string,
  instrumentCode: string,
  unScale: number | undefined,
  row: number,
  fixed?: number,
): Party {
  return {
    party: name,
    instrument: instrumentCode,
    ...(unScale !== undefined ? { unScale: unScale / 100 } : {}),
    ...(fixed !== undefined ? { fixed } : {}),
    source: { sheet: "Parties", row },
  };
}

/** A Scales row at row `row`. */
export function scaleRule(instrumentCode: string, row: number, extra: Partial<ScaleRule> = {}): ScaleRule {
  return { instrument: instrumentCode, source: { sheet: "Scales", row }, ...extra };
}
