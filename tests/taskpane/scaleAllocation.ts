import { allocateWithContributions } from "../../src/engine/allocateWithContributions";
import type { Allocation } from "../../src/engine/result";
import { buildModel, instrument, party, post, scaleRule } from "../engine/buildModel";

/** AEWA with the EU's fixed 2.5%, a 20% ceiling and a EUR 2,000 minimum; ASCOBANS on its total with PSC. */
export function scaleAllocation(): Allocation {
  const out = allocateWithContributions(
    buildModel({
      instruments: [instrument("AEWA", 2), instrument("ASCOBANS", 3)],
      posts: [post("P1", "Common services", 2, { cost: 100000, split: { AEWA: 0.5, ASCOBANS: 0.5 } })],
      settings: { firstYear: 2025, years: 2, escalation: 0, psc: 0.13 },
      parties: [
        party("European Union", "AEWA", undefined, 2, 0.025),
        party("Large", "AEWA", 30, 3),
        party("Medium", "AEWA", 10, 4),
        party("Middle", "AEWA", 8, 5),
        party("Modest", "AEWA", 0.5, 6),
        party("Small", "AEWA", 0.2, 7),
        party("Tiny", "AEWA", 0.01, 8),
        party("Côte d'Ivoire", "ASCOBANS", 0.02, 9),
        party("Costa Rica", "ASCOBANS", 0.05, 10),
        party("Belgium", "ASCOBANS", 0.8, 11),
      ],
      scales: [
        scaleRule("AEWA", 2, { amountByYear: { 2025: 100000, 2026: 300000 }, floor: 2000, ceiling: 0.2 }),
      ],
    }),
  );
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("\n"));
  return out.allocation;
}
