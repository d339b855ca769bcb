import { allocateWithContributions } from "../../src/engine/allocateWithContributions";
import { formatProblem } from "../../src/workbook/formatProblem";
import type { CellValue, SheetGrid } from "../../src/workbook/grid";
import { locateProblem } from "../../src/workbook/locateProblem";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { sheetOf, validGrids } from "./gridsOf";

const PARTY_HEADER: CellValue[] = ["Party", "Instrument", "UNScale", "Fixed"];
const SCALES_HEADER: CellValue[] = ["Instrument", "Amount", "Threshold", "Floor", "Ceiling"];

function parties(...rows: CellValue[][]): SheetGrid {
  return sheetOf("Parties", [PARTY_HEADER, ...rows]);
}

function scales(...rows: CellValue[][]): SheetGrid {
  return sheetOf("Scales", [SCALES_HEADER, ...rows]);
}

/** The formatted problems of reading the valid workbook with these sheets added or replaced. */
function problemsWith(changes: Record<string, SheetGrid | undefined>): string[] {
  return readWorkbook(validGrids(changes)).problems.map(formatProblem);
}

/** The problems of the whole run (reading, then the engine), located on their cells. */
function runProblems(changes: Record<string, SheetGrid | undefined>): string[] {
  const read = readWorkbook(validGrids(changes));
  if (!read.model) return read.problems.map(formatProblem);
  const outcome = allocateWithContributions(read.model);
  return outcome.ok ? [] : outcome.problems.map((p) => formatProblem(locateProblem(p, read.layout)));
}

describe("reading the Parties and Scales sheets", () => {
  it("reads Parties under common header names, UN rates in percent as the UN publishes them", () => {
    const grids = validGrids({
      Parties: sheetOf("Parties", [
        ["Country", "Agreement", "UN scale of assessments (%)", "Fixed share"],
        ["Germany", "aewa", 5.691, null],
        ["Monaco", "AEWA", "0.011%", null],
        ["European Union", "AEWA", null, 0.025],
        ["Senegal", "AEWA", "0.007", "2.5"],
      ]),
    });
    const { model, problems } = readWorkbook(grids);
    expect(problems).toEqual([]);
    expect(model?.parties).toEqual([
      { party: "Germany", instrument: "AEWA", unScale: 0.05691, source: { sheet: "Parties", row: 2 } },
      { party: "Monaco", instrument: "AEWA", unScale: 0.00011, source: { sheet: "Parties", row: 3 } },
      { party: "European Union", instrument: "AEWA", fixed: 0.025, source: { sheet: "Parties", row: 4 } },
      {
        party: "Senegal",
        instrument: "AEWA",
        unScale: 0.00007,
        fixed: 0.025,
        source: { sheet: "Parties", row: 5 },
      },
    ]);
    expect(model?.scales).toBeUndefined();
  });

  it("reads a Scales row with amounts by year, a threshold in UN percent, a floor and a ceiling", () => {
    const grids = validGrids({
      Parties: parties(["Germany", "AEWA", 6, null], ["France", "CMS", 4, null]),
      Scales: sheetOf("Scales", [
        ["Instrument", "Amount", "2016", "Exemption threshold", "Minimum contribution", "Cap"],
        ["AEWA", 100000, 120000, 0.1, 2000, 0.2],
        ["CMS", null, null, null, null, 22],
      ]),
    });
    const { model, problems } = readWorkbook(grids);
    expect(problems).toEqual([]);
    expect(model?.scales).toEqual([
      {
        instrument: "AEWA",
        amount: 100000,
        amountByYear: { 2016: 120000 },
        threshold: 0.001,
        floor: 2000,
        ceiling: 0.2,
        source: { sheet: "Scales", row: 2 },
      },
      { instrument: "CMS", ceiling: 0.22, source: { sheet: "Scales", row: 3 } },
    ]);
  });

  it("reports every slip in the Parties sheet at its cell", () => {
    expect(
      problemsWith({
        Parties: parties(
          ["Germany", "EUROBATS", 6, null],
          ["France", "AEWA", -4, null],
          ["Italy", "AEWA", 0.0000285, null],
          ["Spain", "AEWA", null, null],
          ["Germany", "AEWA", 6, null],
          ["germany", "aewa", 6, null],
          ["European Union", "AEWA", null, 0.6],
          ["Holy See", "AEWA", null, 0.5],
          ["Norway", "AEWA", 0.679, "150%"],
          [null, "AEWA", 1, null],
          ["Brazil", "AEWA", "1,611", null],
        ),
      }),
    ).toEqual([
      "Parties!B2: Instrument 'EUROBATS' is not in the Instruments sheet; use one of its codes",
      "Parties!C3: UNScale cannot be negative, found -4",
      "Parties!C4: UNScale 0.0000285 is below the UN minimum of 0.001 (percent). Type rates as the UN publishes them, in percent: 0.001 for 0.001%, 22 for 22% (or in cells formatted as percentages, where 0.001% shows as 0.001%); a plain 0.00001 is a hundred times less than the minimum",
      "Parties!C5: UNScale is blank; type the Party's rate of the UN scale in percent (e.g. 0.001), or give it a Fixed share",
      "Parties!A7: 'germany' is listed twice as a Party to AEWA: also on row 6; list it once",
      "Parties!D9: The fixed shares of AEWA add up to 110% with this one, more than the whole budget (100%)",
      "Parties!D10: Fixed must be a share from 0% to 100% of the budget, found '150%'",
      "Parties!A11: Party is blank; type the Party's name",
      // 1,611 is 1.611 as the UN writes rates, or 1611 with a thousands comma: never a guess.
      expect.stringMatching(/^Parties!C12: .*1,611/) as string,
    ]);
  });

  it("reports every slip in the Scales sheet at its cell", () => {
    expect(
      problemsWith({
        Parties: parties(["Germany", "AEWA", 6, null], ["France", "CMS", 4, null]),
        Scales: scales(
          ["AEWA", -5, null, null, null],
          ["AEWA", null, null, null, null],
          ["ASCOBANS", null, null, null, null],
          ["NOPE", null, null, null, null],
          ["CMS", null, 0.00001, "lots", 0],
        ),
      }),
    ).toEqual([
      "Scales!B2: Amount cannot be negative, found -5",
      "Scales!A3: AEWA has a second row here (also row 2); give each instrument one row",
      "Scales!A4: ASCOBANS has no Parties in the Parties sheet, so it has no scale to apply these rules to; add its Parties or delete this row",
      "Scales!A5: Instrument 'NOPE' is not in the Instruments sheet; use one of its codes",
      expect.stringMatching(/^Scales!C6: Threshold 0\.00001 is below the UN minimum/) as string,
      "Scales!D6: Floor must be a number of euros, found 'lots'",
      "Scales!E6: Ceiling must be a share above 0% and at most 100%, e.g. 22%, found 0",
    ]);
  });

  it("refuses a Scales sheet without a Parties sheet", () => {
    expect(problemsWith({ Scales: scales(["AEWA", 1000, null, null, null]) })).toEqual([
      "Scales!A2: The workbook has no Parties sheet: add one (Party, Instrument, UNScale, Fixed) for the Scales sheet to apply to",
    ]);
  });

  it("reports rules that cannot hold at the Scales cell they concern", () => {
    expect(
      runProblems({
        Parties: parties(
          ["Germany", "AEWA", 6, null],
          ["France", "AEWA", 4, null],
          ["Italy", "AEWA", 3, null],
        ),
        Scales: scales(["AEWA", 5000, null, 2000, null]),
      }),
    ).toEqual([
      "Scales!D2: AEWA in 2015: A minimum contribution of EUR 2,000 for each of the 3 Parties that pay needs " +
        "EUR 6,000, more than the EUR 5,000 to share. Lower the Floor or raise the Amount.",
    ]);
    expect(
      runProblems({
        Parties: parties(["Germany", "AEWA", 6, null], ["France", "AEWA", 4, null]),
        Scales: scales(["AEWA", 5000, null, null, 0.3]),
      }),
    ).toEqual([
      "Scales!E2: AEWA in 2015: With a maximum share of 30% each, the 2 Parties that pay can pay at most " +
        "EUR 3,000, less than the EUR 5,000 to share. Raise the Ceiling.",
    ]);
  });

  it("computes the scale of a valid workbook, with an instrument that has no Scales row", () => {
    const read = readWorkbook(
      validGrids({
        Parties: parties(
          ["Germany", "AEWA", 6, null],
          ["France", "AEWA", 4, null],
          ["European Union", "AEWA", null, "2.5%"],
        ),
      }),
    );
    const outcome = read.model && allocateWithContributions(read.model);
    expect(outcome?.ok && outcome.allocation.contributions?.map((c) => c.instrument)).toEqual(["AEWA"]);
  });
});
