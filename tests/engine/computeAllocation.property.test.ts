import fc from "fast-check";
import type { Allocation } from "../../src/engine/result";
import { allocate, modelArb, RUNS } from "./modelArb";

/** Checks every summing invariant of an allocation; returns the first broken one, or "". */
function broken(a: Allocation): string {
  const n = a.instruments.length;
  const Y = a.years.length;
  const rowSum = (s: Float64Array, y: number) => {
    let t = 0;
    for (let i = 0; i < n; i++) t += s[y * n + i];
    return t;
  };
  for (const l of a.lines) {
    for (let y = 0; y < Y; y++) if (rowSum(l.shares, y) !== l.totals[y]) return `line ${l.id} year ${y}`;
    if (l.shares.some((v) => v < 0 || !Number.isInteger(v)))
      return `line ${l.id} has a negative or fractional share`;
  }
  for (let y = 0; y < Y; y++) {
    let units = 0;
    let supportOwn = 0;
    let received = 0;
    for (const u of a.units) {
      if (rowSum(u.shares, y) !== u.totals[y]) return `unit ${u.unit} year ${y}`;
      const own = a.lines.filter((l) => l.unit === u.unit).reduce((s, l) => s + l.totals[y], 0);
      if (own !== u.own[y]) return `unit ${u.unit} own`;
      if (u.support) {
        supportOwn += u.own[y];
        const passed = Object.values(u.passedOn ?? {}).reduce((s, v) => s + v[y], 0);
        if (passed !== u.own[y]) return `support ${u.unit} passed on`;
      } else {
        if (u.totals[y] !== u.own[y] + u.received[y]) return `unit ${u.unit} totals`;
        units += u.totals[y];
        received += u.received[y];
      }
    }
    if (received !== supportOwn) return `received ${received} vs support ${supportOwn}`;
    const lines = a.lines.reduce((s, l) => s + l.totals[y], 0);
    const direct = a.instrumentTotals.reduce((s, t) => s + t.direct[y], 0);
    const psc = a.instrumentTotals.reduce((s, t) => s + t.psc[y], 0);
    if (units !== a.grandTotal.direct[y] || lines !== units || direct !== units)
      return `grand direct year ${y}`;
    if (psc !== a.grandTotal.psc[y]) return `grand psc year ${y}`;
    if (a.grandTotal.total[y] !== a.grandTotal.direct[y] + a.grandTotal.psc[y])
      return `grand total year ${y}`;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (const u of a.units) if (!u.support) sum += u.shares[y * n + i];
      const t = a.instrumentTotals[i];
      if (sum !== t.direct[y]) return `instrument ${t.code} direct year ${y}`;
      if (t.total[y] !== t.direct[y] + t.psc[y]) return `instrument ${t.code} total`;
    }
  }
  for (const t of a.instrumentTotals) {
    const period = t.direct.reduce((s, v) => s + v, 0);
    const cats = Object.values(t.byCategory).reduce((s, v) => s + v, 0);
    if (cats !== period) return `instrument ${t.code} categories`;
    const st = a.settlement.find((x) => x.code === t.code);
    if (st?.share !== period || st.balance !== st.share - st.funded) return `settlement ${t.code}`;
  }
  return "";
}

describe("computeAllocation properties", () => {
  it("makes every summary figure the sum of its detail figures: lines, units, instruments, grand total, years", () => {
    fc.assert(
      fc.property(modelArb, (model) => broken(allocate(model)) === ""),
      RUNS,
    );
  });

  it("changes no one's share when the instruments are reordered", () => {
    fc.assert(
      fc.property(
        modelArb.chain((m) =>
          fc.record({
            m: fc.constant(m),
            perm: fc.shuffledSubarray([...m.instruments.keys()], { minLength: m.instruments.length }),
          }),
        ),
        ({ m, perm }) => {
          const a = allocate(m);
          const b = allocate({ ...m, instruments: perm.map((i) => m.instruments[i]) });
          const n = m.instruments.length;
          return a.lines.every((l, k) =>
            perm.every((i, j) => {
              for (let y = 0; y < a.years.length; y++)
                if (b.lines[k].shares[y * n + j] !== l.shares[y * n + i]) return false;
              return b.instrumentTotals[j].psc.every((v, y) => v === a.instrumentTotals[i].psc[y]);
            }),
          );
        },
      ),
      RUNS,
    );
  });

  it("changes nothing when every driver is scaled by a constant", () => {
    fc.assert(
      fc.property(modelArb, fc.constantFrom(2, 7, 0.1, 1000), (m, k) => {
        const a = allocate(m);
        const scaled = m.instruments.map((ins) => ({
          ...ins,
          drivers: { Parties: ins.drivers.Parties * k },
        }));
        const b = allocate({ ...m, instruments: scaled });
        return a.lines.every((l, j) => l.shares.every((v, i) => v === b.lines[j].shares[i]));
      }),
      RUNS,
    );
  });
});
