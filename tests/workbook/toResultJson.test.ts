import { toResultJson } from "../../src/workbook/toResultJson";
import { handAllocation } from "./fixtures/handAllocation";
import { handContributions } from "./fixtures/handContributions";

describe("toResultJson", () => {
  it("gives the hand-computed figures in DESIGN.md's shape and key order", () => {
    const json = toResultJson(handAllocation());
    expect(Object.keys(json)).toEqual([
      "currency", "years", "instruments", "units", "instrumentTotals", "savings", "settlement", "grandTotal",
      "status",
    ]); // prettier-ignore
    expect(json).toEqual({
      currency: "EUR",
      years: [2015, 2016],
      instruments: ["CMS", "AEWA", "ASCOBANS"],
      units: [
        { unit: "Communications", total: 282000, shares: { CMS: 141000, AEWA: 141000, ASCOBANS: 0 } },
        { unit: "Executive", total: 423600, shares: { CMS: 410892, AEWA: 0, ASCOBANS: 12708 } },
        {
          unit: "Administration",
          total: 100000,
          shares: { CMS: 78200, AEWA: 20000, ASCOBANS: 1800 },
          support: true,
          passedOn: { Communications: 40000, Executive: 60000 },
        },
      ],
      instrumentTotals: {
        CMS: {
          byYear: { "2015": 273700, "2016": 278192 },
          byCategory: { Staff: 531892, Operational: 20000 },
          direct: 551892,
          psc: 71746,
          total: 623638,
        },
        AEWA: {
          byYear: { "2015": 70000, "2016": 71000 },
          byCategory: { Staff: 121000, Operational: 20000 },
          direct: 141000,
          psc: 18330,
          total: 159330,
        },
        ASCOBANS: {
          byYear: { "2015": 6300, "2016": 6408 },
          byCategory: { Staff: 12708 },
          direct: 12708,
          psc: 1652,
          total: 14360,
        },
      },
      savings: {
        CMS: { baseline: 600000, shared: 551892, savings: 48108 },
        AEWA: { baseline: 150000, shared: 141000, savings: 9000 },
      },
      settlement: {
        CMS: { share: 551892, funded: 463600, balance: 88292 },
        AEWA: { share: 141000, funded: 202000, balance: -61000 },
        ASCOBANS: { share: 12708, funded: 0, balance: 12708 },
      },
      grandTotal: { direct: 705600, psc: 91728, total: 797328 },
      status: "Draft",
    });
    expect(Object.keys(json.units[0])).toEqual(["unit", "total", "shares"]);
    expect(Object.keys(json.units[2])).toEqual(["unit", "total", "shares", "support", "passedOn"]);
    expect(Object.keys(json.instrumentTotals.CMS)).toEqual([
      "byYear",
      "byCategory",
      "direct",
      "psc",
      "total",
    ]);
  });

  it("adds up: operating units = grand direct = instruments' direct; each instrument's years = its direct", () => {
    const json = toResultJson(handAllocation());
    const operating = json.units.filter((u) => !u.support);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(operating.map((u) => u.total))).toBe(json.grandTotal.direct);
    expect(sum(Object.values(json.instrumentTotals).map((t) => t.direct))).toBe(json.grandTotal.direct);
    for (const code of json.instruments) {
      const t = json.instrumentTotals[code];
      expect(sum(Object.values(t.byYear))).toBe(t.direct);
      expect(sum(Object.values(t.byCategory))).toBe(t.direct);
      expect(t.direct + t.psc).toBe(t.total);
      expect(sum(operating.map((u) => u.shares[code]))).toBe(t.direct);
    }
    for (const u of json.units) expect(sum(Object.values(u.shares))).toBe(u.total);
    for (const u of json.units.filter((x) => x.support))
      expect(sum(Object.values(u.passedOn ?? {}))).toBe(u.total);
    expect(sum(Object.values(json.instrumentTotals).map((t) => t.psc))).toBe(json.grandTotal.psc);
  });

  it("gives currency units, not quanta, when rounding is cents", () => {
    const json = toResultJson(handAllocation(0.01));
    expect(json.grandTotal).toEqual({ direct: 7056, psc: 917.28, total: 7973.28 });
    expect(json.instrumentTotals.CMS.byYear).toEqual({ "2015": 2737, "2016": 2781.92 });
    expect(json.units[1].shares.ASCOBANS).toBe(127.08);
  });

  it("survives a trip through JSON unchanged", () => {
    const json = toResultJson(handAllocation(0.01));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("adds DESIGN.md's contributions key only when the run has a scale of contributions", () => {
    expect("contributions" in toResultJson(handAllocation())).toBe(false);
    const json = toResultJson(handContributions());
    // After the figures (grandTotal), before the run's status.
    const keys = Object.keys(json);
    expect(keys.slice(keys.indexOf("grandTotal") + 1, keys.indexOf("status"))).toEqual(["contributions"]);
    expect(Object.keys(json.contributions ?? {})).toEqual(["AEWA", "ASCOBANS"]);
    const aewa = json.contributions?.AEWA;
    expect(aewa?.amount).toEqual({ "2015": 100000, "2016": 100000 });
    expect(Object.keys(aewa?.parties ?? {})).toEqual([
      "Germany", "European Union", "Senegal", "Türkiye", "Sweden", "Norway", "Ghana", "Niger",
    ]); // prettier-ignore
    expect(aewa?.parties.Germany).toEqual({
      unScale: 0.057,
      share: 0.2,
      byYear: { "2015": 20000, "2016": 20000 },
      total: 40000,
    });
    expect(aewa?.parties["European Union"]).toEqual({
      unScale: null,
      share: 0.025,
      byYear: { "2015": 2500, "2016": 2500 },
      total: 5000,
    });
    for (const c of Object.values(json.contributions ?? {})) {
      const parties = Object.values(c.parties);
      for (const year of json.years.map(String)) {
        const sum = parties.reduce((t, p) => t + Math.round(p.byYear[year] * 100), 0);
        expect(sum).toBe(Math.round(c.amount[year] * 100));
      }
    }
  });
});
