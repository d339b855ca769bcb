import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ValueType } from "exceljs";
import type { Cell, Workbook, Worksheet } from "exceljs";
import { runCli, SAMPLE, tempDir } from "../cli/cliHarness";
import {
  describeWithSoffice,
  formulaCells as formulaCellList,
  load,
  numberOf,
  recalculatedByLibreOffice,
  SOFFICE,
} from "./libreofficeRecalc";

/**
 * An independent spreadsheet checks us: LibreOffice recalculates every formula of the output
 * workbook on load, and what it computes must agree with RESULT.json and with the values we cached.
 */

const OUTPUT_SHEETS = [
  "Allocation",
  "Savings",
  "Settlement",
  "Options",
  "Contributions",
  "Changes",
  "Annex",
  "Log",
];

interface ResultJson {
  years: number[];
  instruments: string[];
  units: { unit: string; total: number; shares: Record<string, number> }[];
  instrumentTotals: Record<
    string,
    { byYear: Record<string, number>; direct: number; psc: number; total: number }
  >;
  savings: Record<string, { baseline: number; shared: number; savings: number }>;
  settlement: Record<string, { share: number; funded: number; balance: number }>;
  grandTotal: { direct: number; psc: number; total: number };
  contributions: Record<
    string,
    {
      amount: Record<string, number>;
      parties: Record<string, { byYear: Record<string, number>; total: number }>;
    }
  >;
}

/** The formula cells of a sheet, by address. */
function formulaCells(ws: Worksheet): Map<string, Cell> {
  return new Map(formulaCellList(ws).map((c) => [c.address, c]));
}

/** Rows of a sheet as [label in column A, row number]. */
function labelledRows(ws: Worksheet): [string, number][] {
  const rows: [string, number][] = [];
  ws.eachRow((row, r) => {
    const a = row.getCell(1).value;
    if (typeof a === "string") rows.push([a.trim(), r]);
  });
  return rows;
}

/** Column number of each header text in a row (its first occurrence: the period columns come first). */
function headerColumns(ws: Worksheet, r: number): Map<string, number> {
  const cols = new Map<string, number>();
  ws.getRow(r).eachCell((c, col) => {
    if (typeof c.value === "string" && !cols.has(c.value.trim())) cols.set(c.value.trim(), col);
  });
  return cols;
}

describeWithSoffice("LibreOffice recalculation of the output workbook", () => {
  let ours: Workbook;
  let theirs: Workbook;
  let result: ResultJson;
  const dir = tempDir();

  beforeAll(async () => {
    if (!SOFFICE) throw new Error("soffice (LibreOffice) is not installed: apt-get install libreoffice-calc");
    // A second run, after a rule changed, so that the Changes sheet has figures and checks too.
    expect((await runCli("allocate", SAMPLE, "--out", join(dir, "first.xlsx"))).code).toBe(0);
    const edited = await load(join(dir, "first.xlsx"));
    const rules = edited.getWorksheet("Rules");
    rules?.eachRow((row) => {
      if (row.getCell(1).value === "Communication and outreach") row.getCell(3).value = "CMS 55%; AEWA 45%";
    });
    await edited.xlsx.writeFile(join(dir, "edited.xlsx"));
    const run = await runCli(
      "allocate",
      join(dir, "edited.xlsx"),
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "result.json"),
    );
    expect(run.code).toBe(0);
    result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as ResultJson;
    ours = await load(join(dir, "out.xlsx"));

    // Every cached result poisoned, so that only a real recalculation can give the right figures.
    theirs = await recalculatedByLibreOffice(join(dir, "out.xlsx"), OUTPUT_SHEETS, dir);
  });

  it("recalculates every formula to the value we cached", () => {
    let compared = 0;
    for (const name of OUTPUT_SHEETS) {
      const mine = ours.getWorksheet(name);
      const lo = theirs.getWorksheet(name);
      expect(lo).toBeDefined();
      if (!mine || !lo) continue;
      for (const [address, cell] of formulaCells(mine)) {
        const expected = numberOf(cell) ?? 0;
        const got = numberOf(lo.getCell(address));
        expect({ sheet: name, address, formula: cell.formula, value: got }).toEqual({
          sheet: name,
          address,
          formula: cell.formula,
          // Money is whole quanta and must match exactly; ratios (Savings %, FTE) to the last few bits.
          value: Number.isInteger(expected) ? expected : expect.closeTo(expected, 9),
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("finds every check cell at 0", () => {
    let checks = 0;
    for (const name of OUTPUT_SHEETS) {
      const ws = theirs.getWorksheet(name);
      if (!ws) continue;
      ws.eachRow((row, r) => {
        row.eachCell((c, col) => {
          if (typeof c.value !== "string" || !/^Check\b/.test(c.value)) return;
          // A "Check" header checks the column below it; a "Check" label checks the row to its right.
          const below = [];
          for (let rr = r + 1; rr <= ws.rowCount && ws.getCell(rr, col).type === ValueType.Formula; rr++)
            below.push(ws.getCell(rr, col));
          const right: Cell[] = [];
          row.eachCell((cc, cCol) => {
            if (cCol > col && cc.type === ValueType.Formula) right.push(cc);
          });
          for (const cell of [...below, ...right]) {
            expect({ sheet: name, address: cell.address, value: numberOf(cell) }).toEqual({
              sheet: name,
              address: cell.address,
              value: 0,
            });
            checks++;
          }
        });
      });
    }
    expect(checks).toBeGreaterThan(20);
  });

  it("recalculates the Changes sheet: each instrument's difference, and its parts adding up to it", () => {
    const ws = theirs.getWorksheet("Changes");
    if (!ws) throw new Error("no Changes sheet");
    const header = labelledRows(ws).find(([label]) => label === "Instrument")?.[1];
    if (header === undefined) throw new Error("no figures table on the Changes sheet");
    const cols = headerColumns(ws, header);
    let rows = 0;
    for (
      let r = header + 1;
      typeof ws.getCell(r, 1).value === "string" && ws.getCell(r, 1).value !== "Total";
      r++
    ) {
      const code = ws.getCell(r, 1).value as string;
      const at = (label: string) => numberOf(ws.getCell(r, cols.get(label) ?? 0));
      expect([code, at("Now: total")]).toEqual([code, result.instrumentTotals[code].total]);
      expect([code, at("Difference (total)")]).toEqual([
        code,
        (at("Now: total") ?? 0) - (at("Run 1: total") ?? 0),
      ]);
      expect([code, at("Check (0 = adds up)")]).toEqual([code, 0]);
      rows++;
    }
    expect(rows).toBe(result.instruments.length);
  });

  it("agrees with RESULT.json on every unit, instrument and grand total of the Allocation sheet", () => {
    const ws = theirs.getWorksheet("Allocation");
    if (!ws) throw new Error("no Allocation sheet");
    const rows = labelledRows(ws);
    const blocks = rows.filter(([label]) => label === "Unit").map(([, r]) => r);
    expect(blocks.length).toBe(1 + result.years.length);
    const columnsOf = (r: number) => headerColumns(ws, r);
    const valueAt = (r: number, col: number | undefined) =>
      col === undefined ? undefined : numberOf(ws.getCell(r, col));
    const rowIn = (start: number, match: (label: string) => boolean) => {
      const end = blocks.find((b) => b > start) ?? Number.MAX_SAFE_INTEGER;
      return rows.find(([label, r]) => r > start && r < end && match(label))?.[1];
    };

    // The period summary: units x instruments, then subtotal, PSC and total.
    const summary = blocks[0];
    const cols = columnsOf(summary);
    for (const unit of result.units) {
      const r = rowIn(summary, (l) => l === unit.unit);
      expect({ unit: unit.unit, row: r !== undefined }).toEqual({ unit: unit.unit, row: true });
      if (r === undefined) continue;
      for (const code of result.instruments)
        expect([unit.unit, code, valueAt(r, cols.get(code))]).toEqual([unit.unit, code, unit.shares[code]]);
      expect([unit.unit, "Total", valueAt(r, cols.get("Total"))]).toEqual([unit.unit, "Total", unit.total]);
    }
    const lines: [string, "direct" | "psc" | "total", (l: string) => boolean][] = [
      ["subtotal", "direct", (l) => l.startsWith("Subtotal")],
      ["psc", "psc", (l) => l.startsWith("Programme support")],
      ["total", "total", (l) => l === "Total"],
    ];
    for (const [what, key, match] of lines) {
      const r = rowIn(summary, match);
      expect({ what, row: r !== undefined }).toEqual({ what, row: true });
      if (r === undefined) continue;
      for (const code of result.instruments) {
        expect([what, code, valueAt(r, cols.get(code))]).toEqual([
          what,
          code,
          result.instrumentTotals[code][key],
        ]);
      }
      expect([what, "Total", valueAt(r, cols.get("Total"))]).toEqual([what, "Total", result.grandTotal[key]]);
    }

    // Each year's block: the direct subtotal of each instrument is its byYear figure.
    result.years.forEach((year, y) => {
      const block = blocks[1 + y];
      const r = rowIn(block, (l) => l.startsWith("Subtotal"));
      expect({ year, row: r !== undefined }).toEqual({ year, row: true });
      if (r === undefined) return;
      const yc = columnsOf(block);
      for (const code of result.instruments) {
        expect([year, code, valueAt(r, yc.get(code))]).toEqual([
          year,
          code,
          result.instrumentTotals[code].byYear[String(year)],
        ]);
      }
    });
  });

  it("agrees with RESULT.json on the Savings and Settlement sheets", () => {
    const savings = theirs.getWorksheet("Savings");
    const settlement = theirs.getWorksheet("Settlement");
    if (!savings || !settlement) throw new Error("no Savings or Settlement sheet");

    const sRows = new Map(labelledRows(savings));
    const sHeader = sRows.get("Instrument");
    expect(sHeader).toBeDefined();
    const sCols = headerColumns(savings, sHeader ?? 0);
    for (const [code, s] of Object.entries(result.savings)) {
      const r = sRows.get(code) ?? 0;
      expect([
        code,
        ...["Stand-alone (baseline)", "Shared", "Savings"].map((h) =>
          numberOf(savings.getCell(r, sCols.get(h) ?? 0)),
        ),
      ]).toEqual([code, s.baseline, s.shared, s.savings]);
    }

    const tRows = new Map(labelledRows(settlement));
    const tHeader = tRows.get("Instrument");
    expect(tHeader).toBeDefined();
    const tCols = [...headerColumns(settlement, tHeader ?? 0).entries()];
    const col = (prefix: string) => tCols.find(([h]) => h.startsWith(prefix))?.[1] ?? 0;
    for (const [code, s] of Object.entries(result.settlement)) {
      const r = tRows.get(code) ?? 0;
      expect([
        code,
        numberOf(settlement.getCell(r, col("Share"))),
        numberOf(settlement.getCell(r, col("Cost of posts"))),
        numberOf(settlement.getCell(r, col("Balance"))),
      ]).toEqual([code, s.share, s.funded, s.balance]);
    }
  });

  it("recalculates the Contributions checks to 0 and agrees with RESULT.json on every Party", () => {
    const ws = theirs.getWorksheet("Contributions");
    if (!ws) throw new Error("no Contributions sheet");
    const rows = labelledRows(ws);
    let parties = 0;
    for (const [code, c] of Object.entries(result.contributions)) {
      const start = rows.find(([label]) => label === code)?.[1] ?? 0;
      const header = rows.find(([label, r]) => r > start && label === "Party")?.[1] ?? 0;
      const cols = headerColumns(ws, header);
      const end = rows.find(([label, r]) => r > header && label === "Total")?.[1] ?? 0;
      for (const [party, p] of Object.entries(c.parties)) {
        const r = rows.find(([label, row]) => row > header && row < end && label === party)?.[1] ?? 0;
        const figures = [...result.years.map(String), "Total"].map((h) =>
          numberOf(ws.getCell(r, cols.get(h) ?? 0)),
        );
        expect([code, party, ...figures]).toEqual([
          code,
          party,
          ...result.years.map((y) => p.byYear[String(y)]),
          p.total,
        ]);
        parties++;
      }
      // The totals row (a live SUM) is the amount shared, year by year.
      const totals = result.years.map((y) => numberOf(ws.getCell(end, cols.get(String(y)) ?? 0)));
      expect([code, ...totals]).toEqual([code, ...result.years.map((y) => c.amount[String(y)])]);
    }
    expect(parties).toBeGreaterThan(20);
    // Every check of the sheet (per Party, totals row, amount row) shows 0 after LibreOffice's recalculation.
    let checks = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ValueType.Formula && /^ROUND\(/.test(cell.formula)) {
          expect({ address: cell.address, value: numberOf(cell) }).toEqual({
            address: cell.address,
            value: 0,
          });
          checks++;
        }
      }),
    );
    expect(checks).toBeGreaterThan(parties);
  });
});
