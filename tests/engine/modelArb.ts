import fc from "fast-check";
import { computeAllocation } from "../../src/engine/computeAllocation";
import type { Instrument, Model, Post, Rule, SupportLink } from "../../src/engine/model";
import type { Allocation } from "../../src/engine/result";

export const RUNS = { numRuns: 10000 };
const CODES = ["CMS", "AEWA", "ASCOBANS", "EUROBATS", "GORILLA", "IOSEA"];

/** Fractions adding up to 1 from positive integers. */
function fractions(ints: number[]): number[] {
  const s = ints.reduce((a, b) => a + b, 0);
  return ints.map((v) => v / s);
}

/** Random valid models: 1–6 instruments, 1–4 operating units with every kind of rule, 0–2 support units. */
export const modelArb: fc.Arbitrary<Model> = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    parties: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 6, maxLength: 6 }),
    years: fc.integer({ min: 1, max: 3 }),
    escalation: fc.constantFrom(0, 0.02, 0.035),
    psc: fc.constantFrom(0, 0.07, 0.13),
    rounding: fc.constantFrom(1, 0.01, 100),
    method: fc.constantFrom("reciprocal" as const, "step-down" as const),
    kinds: fc.array(fc.constantFrom("fixed", "equal", "driver", "hybrid", "posts"), {
      minLength: 1,
      maxLength: 4,
    }),
    posts: fc.array(
      fc.record({
        unit: fc.nat(5),
        cost: fc.integer({ min: 0, max: 300000 }),
        cents: fc.integer({ min: 0, max: 99 }),
        fte: fc.constantFrom(0.5, 1),
        split: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 6, maxLength: 6 }),
        splitMask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fundedBy: fc.nat(5),
      }),
      { maxLength: 15 },
    ),
    budget: fc.array(
      fc.record({
        unit: fc.nat(5),
        amount: fc.integer({ min: 0, max: 100000 }),
        cat: fc.constantFrom("Meetings", "meetings", "Travel"),
      }),
      {
        maxLength: 5,
      },
    ),
    supportCount: fc.integer({ min: 0, max: 2 }),
    supportShares: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }), {
      minLength: 2,
      maxLength: 2,
    }),
    fixedShares: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 6, maxLength: 6 }),
    max: fc.option(fc.constantFrom(0.5, 0.6), { nil: undefined }),
  })
  .map((g) => {
    const codes = CODES.slice(0, g.n);
    const src = (sheet: string, row: number) => ({ sheet, row });
    const instruments: Instrument[] = codes.map((code, i) => ({
      code,
      name: code,
      type: i % 2 ? "Agreement" : "MOU",
      drivers: { Parties: g.parties[i] },
      source: src("Instruments", i + 2),
    }));
    const opUnits = g.kinds.map((_, k) => `Unit${k}`);
    const supportUnits = ["Admin", "IT"].slice(0, g.supportCount);
    const allUnits = [...opUnits, ...supportUnits];
    const rules: Rule[] = [];
    g.kinds.forEach((kind, k) => {
      const unit = opUnits[k];
      const base = { unit, participants: [] as string[], source: src("Rules", k + 2) };
      // A ceiling only where it is feasible for every participant count.
      const max = g.max !== undefined && codes.length >= 2 ? g.max : undefined;
      if (kind === "fixed") {
        const f = fractions(g.fixedShares.slice(0, codes.length));
        rules.push({
          ...base,
          spec: { method: "fixed", shares: Object.fromEntries(codes.map((c, i) => [c, f[i]])) },
          ...(max ? { max } : {}),
        });
      } else if (kind === "equal") rules.push({ ...base, spec: { method: "equal" } });
      else if (kind === "driver")
        rules.push({ ...base, spec: { method: "driver", driver: "Parties" }, ...(max ? { max } : {}) });
      else if (kind === "hybrid") {
        rules.push({
          ...base,
          spec: {
            method: "hybrid",
            parts: [
              { weight: 0.4, basis: "equal" },
              { weight: 0.6, basis: "Parties" },
            ],
          },
        });
      } else rules.push({ ...base, spec: { method: "posts" } });
    });
    const posts: Post[] = g.posts.map((p, k) => {
      const unit = allUnits[p.unit % allUnits.length];
      const inPostsUnit = rules.find((r) => r.unit === unit)?.spec.method === "posts";
      const mask = p.splitMask.slice(0, codes.length);
      if (!mask.some(Boolean)) mask[0] = true;
      const f = fractions(p.split.slice(0, codes.length).map((v, i) => (mask[i] ? v : 0)));
      const own = inPostsUnit || (p.cost % 3 === 0 && !supportUnits.includes(unit));
      return {
        id: `P${k}`,
        title: `Post ${k}`,
        unit,
        fte: p.fte,
        cost: p.cost + p.cents / 100,
        fundedBy: codes[p.fundedBy % codes.length],
        ...(own ? { split: Object.fromEntries(codes.map((c, i) => [c, f[i]])) } : {}),
        source: src("Posts", k + 2),
      };
    });
    // Every posts unit needs a post with a split, so that its budget lines have weights.
    rules.forEach((r, k) => {
      if (r.spec.method === "posts" && !posts.some((p) => p.unit === r.unit)) {
        posts.push({
          id: `X${k}`,
          title: "x",
          unit: r.unit,
          fte: 1,
          cost: 1000,
          split: { [codes[0]]: 1 },
          source: src("Posts", 100 + k),
        });
      }
    });
    const budget = g.budget.map((b, k) => ({
      item: `Item ${k}`,
      unit: allUnits[b.unit % allUnits.length],
      category: b.cat,
      amount: b.amount,
      source: src("Budget", k + 2),
    }));
    const support: SupportLink[] = [];
    supportUnits.forEach((provider, s) => {
      const receivers = [...opUnits, ...supportUnits.filter((u) => u !== provider)];
      const w = g.supportShares[s].slice(0, receivers.length);
      w[0] += 1; // at least one operating unit served
      const f = fractions(w);
      receivers.forEach(
        (receiver, j) =>
          f[j] > 0 &&
          support.push({ provider, receiver, share: f[j], source: src("Support", support.length + 2) }),
      );
    });
    return {
      settings: {
        currency: "EUR",
        firstYear: 2015,
        years: g.years,
        escalation: g.escalation,
        psc: g.psc,
        rounding: g.rounding,
        supportMethod: g.method,
      },
      instruments,
      grades: [],
      posts,
      budget,
      rules,
      support,
      baseline: [],
    };
  });

export function allocate(model: Model): Allocation {
  const out = computeAllocation(model);
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("\n"));
  return out.allocation;
}
