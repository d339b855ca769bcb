import { computeAllocation } from "../../../src/engine/computeAllocation";
import { InvariantError } from "../../../src/engine/errors";
import { buildModel, instrument, post, rule } from "../../engine/buildModel";
import { annexTables, footnoteLetter } from "../../../src/workbook/annex/annexTables";
import { sampleAllocation } from "./fixtures/sampleAllocation";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("annexTables", () => {
  const allocation = sampleAllocation();
  const tables = annexTables(allocation, "en");
  const [period, ...rest] = tables;

  it("builds Annex 1 as a period table then one table per year, then Annexes 2 and 3", () => {
    expect(tables.map((t) => [t.part, t.caption])).toEqual([
      [1, "Period 2015–2017 (EUR)"],
      [1, "2015 (EUR)"],
      [1, "2016 (EUR)"],
      [1, "2017 (EUR)"],
      [2, expect.any(String)],
      [3, "Stand-alone and shared cost by category, period 2015–2017 (EUR)"],
    ]);
    expect(tables.map((t) => t.first)).toEqual([true, false, false, false, true, true]);
    expect(tables.map((t) => t.heading)).toEqual([
      "Annex 1",
      "Annex 1",
      "Annex 1",
      "Annex 1",
      "Annex 2",
      "Annex 3",
    ]);
  });

  it("lists the operating units with one column per instrument and a Total", () => {
    expect(period.columns.map((c) => c.header)).toEqual([
      "Common service",
      ...allocation.instruments,
      "Total",
    ]);
    const operating = allocation.units.filter((u) => !u.support).map((u) => u.unit);
    expect(period.rows.filter((r) => r.kind === "detail").map((r) => r.cells[0])).toEqual(operating);
  });

  it("runs Subtotal, programme support costs and Total as the engine computed them", () => {
    const tail = period.rows.slice(-3);
    expect(tail.map((r) => r.kind)).toEqual(["subtotal", "psc", "total"]);
    expect(tail.map((r) => r.cells[0])).toEqual(["Subtotal", "Programme support costs (13%)", "Total"]);
    const n = allocation.instruments.length;
    allocation.instrumentTotals.forEach((t, i) => {
      expect(tail[0].cells[i + 1]).toBe(sum(t.direct));
      expect(tail[1].cells[i + 1]).toBe(sum(t.psc));
      expect(tail[2].cells[i + 1]).toBe(sum(t.total));
    });
    expect(tail[2].cells[n + 1]).toBe(sum(allocation.grandTotal.total));
  });

  it("gives each year table that year's figures", () => {
    const y2016 = rest[1];
    const unit = allocation.units[1];
    const n = allocation.instruments.length;
    const row = y2016.rows.find((r) => r.cells[0] === unit.unit)!;
    expect(row.cells.slice(1)).toEqual([...Array.from(unit.shares.slice(n, 2 * n)), unit.totals[1]]);
    expect(y2016.rows[y2016.rows.length - 1].cells[n + 1]).toBe(allocation.grandTotal.total[1]);
  });

  it("letters each unit's rule and attaches a support unit's note to the units it served", () => {
    const footnotes = rest[2].footnotes;
    expect(footnotes.map((f) => f.letter)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(footnotes[0].text).toBe("Shared 50/50 between CMS and AEWA by agreement.");
    expect(footnotes[2].text).toBe("In proportion to the number of Parties, capped at 40%.");
    expect(footnotes[5].text).toMatch(
      /^Administration \(support unit\): allocated to the units it serves by the reciprocal method/,
    );
    const notes = Object.fromEntries(period.rows.map((r) => [r.cells[0], r.notes]));
    expect(notes["Communications"]).toEqual(["b", "f"]);
    expect(notes["Conference services"]).toEqual(["c", "f"]);
    expect(notes["Executive management"]).toEqual(["a"]);
    expect(period.footnotes).toEqual([]);
  });

  it("translates headings, rows and footnotes", () => {
    const fr = annexTables(allocation, "fr");
    expect(fr[0].heading).toBe("Annexe 1");
    expect(fr[0].rows.slice(-3).map((r) => r.cells[0])).toEqual([
      "Total partiel",
      "Coûts d'appui aux programmes (13\u00a0%)",
      "Total",
    ]);
    const es = annexTables(allocation, "es");
    expect(es[0].rows.slice(-3).map((r) => r.cells[0])).toEqual([
      "Subtotal",
      "Gastos de apoyo a los programas (13%)",
      "Total",
    ]);
    expect(es[3].footnotes[2].text).toBe("En proporción al número de Partes, con un tope del 40%.");
  });

  it("numbers the annexes from AnnexStart, and defaults to the settings' language", () => {
    const t = annexTables(sampleAllocation({ annexStart: 4, language: "es" }));
    expect([...new Set(t.map((x) => x.heading))]).toEqual(["Anexo 4", "Anexo 5", "Anexo 6"]);
    expect(t[t.length - 3].footnotes.find((f) => f.text.startsWith("Según"))?.text).toBe(
      "Según la distribución acordada propia de cada puesto (véase el anexo 5).",
    );
  });

  it("has no year tables when the period is one year", () => {
    const t = annexTables(sampleAllocation({ years: 1 }), "en");
    expect(t.filter((x) => x.part === 1)).toHaveLength(1);
    expect(t[0].caption).toBe("Period 2015 (EUR)");
    expect(t[0].footnotes).toHaveLength(6);
  });

  it("refuses an allocation whose units do not add up to the instruments' totals", () => {
    const broken = sampleAllocation();
    broken.instrumentTotals[0].direct[0] += 1;
    expect(() => annexTables(broken, "en")).toThrow(InvariantError);
  });

  describe("staffing table", () => {
    const staffing = tables.find((t) => t.part === 2)!;

    it("groups posts by unit and orders them by grade", () => {
      const marine = staffing.rows.findIndex((r) => r.kind === "group" && r.cells[0] === "Marine mammals");
      expect(staffing.rows.slice(marine + 1, marine + 4).map((r) => r.cells[1])).toEqual(["P5", "P4", "P2"]);
    });

    it("shows each instrument's percentage of a post, blank where it pays nothing", () => {
      const n = allocation.instruments.length;
      const row = staffing.rows.find((r) => r.cells[0] === "Coordinator, Marine Turtles")!;
      expect(row.cells.slice(3, 3 + n)).toEqual([0.125, null, null, null, 0.875]);
      const p2 = staffing.rows.find((r) => r.cells[0] === "Associate Programme Officer")!;
      expect(p2.cells.slice(3, 3 + n)).toEqual([0.25, null, 0.75, null, null]);
    });

    it("prints each post's agreed split, not its rounded shares, even in thousands", () => {
      // 30 posts of 143,000 shared 97/3, and 3 shared equally, rounded to thousands: 97/3 of
      // 143,000 rounds to 139/4 thousand (97.2/2.8%), a third of 143,000 to 48 or 47.
      const model = buildModel({
        settings: { rounding: 1000, years: 1 },
        instruments: [instrument("CMS", 2), instrument("AEWA", 3), instrument("EUROBATS", 4)],
        posts: [
          ...Array.from({ length: 30 }, (_, k) =>
            post(`ES-${k}`, "Executive", k + 2, { cost: 143000, split: { CMS: 0.97, AEWA: 0.03 } }),
          ),
          ...Array.from({ length: 3 }, (_, k) => post(`CO-${k}`, "Communication", k + 40, { cost: 143000 })),
        ],
        rules: [rule("Executive", { method: "posts" }, 2), rule("Communication", { method: "equal" }, 3)],
      });
      const outcome = computeAllocation(model);
      if (!outcome.ok) throw new Error(outcome.problems[0].message);
      const table = annexTables(outcome.allocation, "en").find((t) => t.part === 2)!;
      const percents = table.rows.filter((r) => r.kind === "detail").map((r) => r.cells.slice(3, 6));
      expect(percents).toHaveLength(33);
      for (const row of percents.slice(0, 30)) expect(row).toEqual([0.97, 0.03, null]);
      // A third each, in tenths of a percent by largest remainder (a tie goes to the first code, AEWA).
      for (const row of percents.slice(30)) expect(row).toEqual([0.333, 0.334, 0.333]);
    });

    it("totals FTE by unit and overall", () => {
      const fteOfPosts = sum(allocation.lines.filter((l) => l.kind === "post").map((l) => l.fte ?? 1));
      const last = staffing.rows[staffing.rows.length - 1];
      expect(last.kind).toBe("total");
      expect(last.cells[2]).toBe(fteOfPosts);
      const units = staffing.rows.filter((r) => r.kind === "subtotal");
      expect(sum(units.map((r) => r.cells[2] as number))).toBe(fteOfPosts);
    });
  });

  describe("savings table", () => {
    const savings = tables.find((t) => t.part === 3)!;

    it("compares stand-alone and shared cost by category for each instrument with a baseline", () => {
      expect(savings.columns.map((c) => c.header)).toEqual([
        "Instrument",
        "Staff",
        "Meetings",
        "Operational",
        "Total",
        "Staff time (FTE)",
      ]);
      const cms = allocation.savings.find((s) => s.code === "CMS")!;
      const at = savings.rows.findIndex((r) => r.cells[0] === "CMS");
      const [alone, shared, saved] = savings.rows.slice(at + 1, at + 4);
      expect(alone.cells).toEqual([
        "Stand-alone cost",
        cms.byCategory.Staff.baseline,
        cms.byCategory.Meetings.baseline,
        cms.byCategory.Operational.baseline,
        cms.baseline,
        cms.baselineFte,
      ]);
      expect(shared.cells[4]).toBe(cms.shared);
      expect(saved.cells[4]).toBe(cms.savings);
      expect(saved.cells[5]).toBe(cms.fteFreed);
      expect(saved.differenceOf).toEqual([at + 1, at + 2]);
    });

    it("shows as staff time freed the stand-alone FTE less the shared FTE, both as shown", () => {
      // 1 − 0.335 rounds to 0.67 on its own but the sheet shows 1 − 0.34 = 0.66; for two such
      // instruments the sum of the freed figures would then be 1.34 against 2 − 0.68 = 1.32.
      const base = sampleAllocation();
      const odd = {
        ...base,
        savings: base.savings.map((s) => ({ ...s, baselineFte: 1, sharedFte: 0.335, fteFreed: 0.665 })),
      };
      const rows = annexTables(odd, "en").find((t) => t.part === 3)!.rows;
      const fte = (r: number) => rows[r].cells[5] as number;
      rows.forEach((row, r) => {
        if (row.differenceOf === undefined) return;
        const [a, b] = row.differenceOf;
        expect(fte(r)).toBeCloseTo(fte(a) - fte(b), 10);
      });
      expect(rows.filter((r) => r.differenceOf !== undefined).length).toBeGreaterThan(1);
    });

    it("adds a line for all instruments together", () => {
      const last = savings.rows[savings.rows.length - 1];
      expect(last.cells[0]).toBe("Savings");
      expect(last.cells[4]).toBe(sum(allocation.savings.map((s) => s.savings)));
    });

    it("says so when no baseline was given", () => {
      const none = annexTables(sampleAllocation({ noBaseline: true }), "fr").find((t) => t.part === 3)!;
      expect(none.rows).toEqual([]);
      expect(none.notes).toEqual([
        "Aucun coût autonome de référence n'a été fourni\u00a0; aucune économie n'est donc indiquée.",
      ]);
    });
  });
});

describe("footnoteLetter", () => {
  it("runs a to z, then aa, ab", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(footnoteLetter)).toEqual(["a", "b", "z", "aa", "ab", "az", "ba"]);
  });
});

describe("annexTables footnotes", () => {
  const shared = (language: "en" | "fr" | "es") => {
    const outcome = computeAllocation(
      buildModel({
        instruments: [
          instrument("CMS", 2),
          instrument("AEWA", 3),
          instrument("EUROBATS", 4),
          instrument("ASCOBANS", 5),
        ],
        posts: [
          post("ES", "Executive management", 2, {
            title: "Joint Executive Secretary",
            cost: 200000,
            split: { CMS: 0.97, ASCOBANS: 0.03 },
          }),
          post("PA", "Executive management", 3, { title: "Personal assistant", cost: 80000 }),
        ],
        rules: [rule("Executive management", { method: "equal" }, 2)],
      }),
    );
    if (!outcome.ok) throw new Error(outcome.problems[0].message);
    return annexTables(outcome.allocation, language)[0].footnotes[0].text;
  };

  it("says which posts follow their own split rather than the unit's rule, in every language", () => {
    expect(shared("en")).toBe(
      "Shared equally among all instruments. The post Joint Executive Secretary follows its own agreed split rather than this rule (see Annex 2).",
    );
    expect(shared("fr")).toContain("Le poste Joint Executive Secretary suit sa propre répartition convenue");
    expect(shared("es")).toContain(
      "El puesto Joint Executive Secretary sigue su propia distribución acordada",
    );
  });
});
