import { describeSupersededApproval } from "../../src/workbook/describeSupersededApproval";
import type { InstrumentChange } from "../../src/workbook/history/approvedFigureChanges";

const change = (instrument: string, before: number[], after: number[]): InstrumentChange => ({
  instrument,
  before: { direct: before[0], psc: before[1], total: before[0] + before[1] },
  after: { direct: after[0], psc: after[1], total: after[0] + after[1] },
});

describe("the question before a run changes an approved run's figures", () => {
  it("gives the option written in full, and each other option on one line of totals", () => {
    const lines = describeSupersededApproval({
      run: 2,
      documentSymbol: "UNEP/CMS/StC44/Doc.X",
      time: "2026-12-02T10:00:00Z",
      changes: {
        quantum: 1,
        instruments: [change("CMS", [1000, 130], [1100, 143])],
        years: 4,
        yearsOf: ["CMS", "AEWA"],
        unitsOf: [
          { unit: "Communication", instruments: ["CMS", "AEWA"] },
          { unit: "Administration", instruments: ["IOSEA"] },
        ],
        savingsOf: [],
        contributionsOf: [],
        options: [
          {
            option: "Status quo",
            instruments: [change("CMS", [900, 117], [990, 129]), change("AEWA", [500, 65], [400, 52])],
          },
          // A total that stays while its parts move (direct one less, PSC one more) shows the parts.
          { option: "Pilot", instruments: [change("IOSEA", [100, 13], [99, 14])] },
          { option: "Joint secretariat", only: "now", instruments: [] },
        ],
      },
    });
    expect(lines).toEqual([
      "Run 2 of 2026-12-02 10:00:00 UTC was approved (UNEP/CMS/StC44/Doc.X). This run would change its figures:",
      "  CMS: total 1,130 \u2192 1,243 (+113); direct 1,000 \u2192 1,100; PSC 130 \u2192 143",
      "  with 4 yearly figures (of CMS and AEWA) and 3 shares of common services (Communication: CMS, AEWA; Administration: IOSEA)",
      "  and the totals of the options compared (Options sheet, the annex's options table):",
      "  option 'Status quo': CMS 1,017 \u2192 1,119 (+102); AEWA 565 \u2192 452 (−113)",
      "  option 'Pilot': IOSEA direct 100 \u2192 99, PSC 13 \u2192 14",
      "  option 'Joint secretariat': new",
    ]);
  });

  it("counts the instruments of an option past the twelfth", () => {
    const many = Array.from({ length: 14 }, (_, k) => change(`I${k}`, [10, 1], [20, 2]));
    const [line] = describeSupersededApproval({
      run: 1,
      changes: {
        quantum: 1,
        instruments: [],
        years: 0,
        yearsOf: [],
        unitsOf: [],
        savingsOf: [],
        contributionsOf: [],
        options: [{ option: "A", instruments: many }],
      },
    }).slice(2);
    expect(line).toMatch(
      /^ {2}option 'A': I0 11 → 22 \(\+11\); .*; I11 11 → 22 \(\+11\); and 2 more instruments$/,
    );
  });

  it("names the savings and the Parties' contributions an edit of the Baseline or the Parties would change", () => {
    const lines = describeSupersededApproval({
      run: 6,
      documentSymbol: "UNEP/CMS/StC44/Doc.12",
      changes: {
        quantum: 1,
        instruments: [],
        years: 0,
        yearsOf: [],
        unitsOf: [],
        savingsOf: ["CMS"],
        contributionsOf: [
          { instrument: "AEWA", parties: ["Belgium", "France", "Germany", "Italy", "Spain", "Sweden"] },
          { instrument: "ASCOBANS", parties: ["Belgium"] },
        ],
        options: [{ option: "Status quo", instruments: [], savingsOf: ["CMS", "AEWA"] }],
      },
    });
    expect(lines).toEqual([
      "Run 6 was approved (UNEP/CMS/StC44/Doc.12). This run would change its figures:",
      "  the savings against the Baseline of CMS (Savings sheet, the annex's savings table)",
      "  and the contributions of 6 Parties to AEWA (Belgium, France, Germany, Italy, Spain and 1 more) and 1 Party to ASCOBANS (Belgium) (Contributions sheet, the annex's scales of contributions)",
      "  and the savings of the options compared (Options sheet, the annex's options table):",
      "  option 'Status quo': savings of CMS and AEWA",
    ]);
  });
});
