import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { writeAnnexDocx } from "../../src/annex/writeAnnexDocx";
import { computeAllocation } from "../../src/engine/computeAllocation";
import { buildRunOutputs } from "../../src/workbook/buildRunOutputs";
import { annexHtml } from "../../src/workbook/annex/annexHtml";
import type { CellValue } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/readWorkbook";
import { toResultJson } from "../../src/workbook/toResultJson";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { runCli, tempDir } from "../cli/cliHarness";
import { formulaMismatches } from "../workbook/fixtures/formulaMismatches";

type Rows = CellValue[][];

const CODES = ["CMS", "AEWA", "ASCOBANS", "EUROBATS", "Gorilla", "IOSEA", "Raptors", "Sharks", "X", "Élan_2"];
const NAMES = [
  "Convention on the Conservation of Migratory Species of Wild Animals",
  "Accord sur la conservation des oiseaux d'eau migrateurs d'Afrique-Eurasie (AEWA)",
  "=SUM(A1:A2)",
  "Mémorandum d'accord sur les rapaces — Raptors MoU, Abu Dhabi",
  "N".repeat(180),
];
const OPERATING = [
  "Communications",
  "Unité d'appui scientifique",
  "=Conference+1",
  "-Fundraising",
  "@Executive",
  "Servicio de reuniones ".repeat(6).trim(),
];
const SUPPORT = ["Administration", "Finance & HR"];

const cases = fc
  .record({
    n: fc.integer({ min: 1, max: 20 }),
    nOps: fc.integer({ min: 1, max: 4 }),
    nSupport: fc.integer({ min: 0, max: 2 }),
    years: fc.integer({ min: 1, max: 6 }),
    firstYear: fc.integer({ min: 2015, max: 2030 }),
    rounding: fc.constantFrom(1, 0.01, 1000),
    escalation: fc.constantFrom(0, 0.02, 0.035, 0.05),
    psc: fc.constantFrom(0, 0.07, 0.13),
    method: fc.constantFrom("reciprocal", "step-down"),
    language: fc.constantFrom("en", "fr", "es"),
    title: fc.constantFrom("=Annex 1", "Tableaux de l'annexe : répartition des coûts", "+Cost sharing"),
    symbol: fc.constantFrom("UNEP/CMS/StC44/Doc.9", "=UNEP/CMS/COP11/Doc.16.2"),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 400, maxLength: 400 }),
    noRules: fc.boolean(),
    noGrades: fc.boolean(),
    yearHeader: fc.constantFrom("", "Amount ", "FY"),
  })
  .map((r) => {
    let k = 0;
    const rnd = (m: number): number => r.seed[k++ % r.seed.length] % m;
    const codes = Array.from({ length: r.n }, (_, i) => (i < CODES.length ? CODES[i] : `MOU-${i}`));
    const types = codes.map((_, i) => ["Convention", "Agreement", "MOU"][i === 0 ? 0 : 1 + rnd(2)]);
    const ops = OPERATING.slice(0, r.nOps);
    const sup = SUPPORT.slice(0, r.nSupport);
    const years = Array.from({ length: r.years }, (_, y) => r.firstYear + y);
    const noRules = r.noRules && r.nSupport === 0;
    const splitRow = (): CellValue[] => {
      const m = 1 + rnd(Math.min(r.n, 4));
      const start = rnd(r.n);
      const chosen = Array.from({ length: m }, (_, j) => (start + j) % r.n);
      const ps = percentsOf(m, rnd);
      const asPlain = rnd(2) === 0;
      return codes.map((_, i) => {
        const j = chosen.indexOf(i);
        return j < 0 ? null : asPlain ? ps[j] : ps[j] / 100;
      });
    };

    const settings: Rows = [
      ["Cost sharing settings"],
      [],
      ["Key", "Value"],
      ["Currency", ["EUR", "USD", "CHF"][rnd(3)]],
      ["FirstYear", r.firstYear],
      ["Years", r.years],
      ["Escalation", r.escalation],
      ["PSC", r.psc],
      ["Rounding", r.rounding],
      ["SupportMethod", r.method],
      ["DocumentSymbol", r.symbol],
      ["AnnexTitle", r.title],
      ["AnnexStart", 1 + rnd(4)],
      ["Language", r.language],
    ];
    const instruments: Rows = [
      ["Code", "Name", "Type", "Parties", "Budget"],
      ...codes.map((c, i) => [c, NAMES[rnd(NAMES.length)], types[i], 1 + rnd(130), 10_000 + rnd(5_000_000)]),
    ];
    const grades: Rows = [
      ["Grade", "Cost"],
      ["P2", 100_000 + rnd(1000)],
      ["P4", 140_000.55],
      ["D1", 190_000],
      ["G5", 70_000],
    ];
    const yearCols = years.map((y) => `${r.yearHeader}${y}`);
    const posts: Rows = [
      ["PostId", "Title", "Grade", "Unit", "FTE", "Cost", "FundedBy", ...codes, ...yearCols],
    ];
    const postsUnit = new Set<string>();
    const staffed = new Set<string>();
    const postUnits = [...ops, ...sup];
    const nPosts = postUnits.length + rnd(6);
    for (let p = 0; p < nPosts; p++) {
      const unit =
        p < postUnits.length && (p === 0 || rnd(4) > 0) ? postUnits[p] : postUnits[rnd(postUnits.length)];
      const ownSplit = noRules || rnd(3) === 0;
      const grade = ["P2", "P4", "D1", "G5"][rnd(4)];
      const costKind = r.noGrades ? 1 + rnd(2) : rnd(4);
      const cost = costKind === 1 ? 50_000 + rnd(200_000) + (r.rounding === 0.01 ? 0.37 : 0) : null;
      const byYear = years.map((_, y) => (costKind === 2 ? 60_000 + y * 1500.5 + rnd(1000) : null));
      posts.push([
        `P-${p + 1}`,
        p % 4 === 0 ? "=Head of unit" : `Chargé(e) d'information ${p}`,
        grade,
        unit,
        [1, 0.5, 0.8][rnd(3)],
        cost,
        codes[rnd(r.n)],
        ...(ownSplit ? splitRow() : codes.map(() => null)),
        ...byYear,
      ]);
      if (!ownSplit) postsUnit.add(unit);
      staffed.add(unit);
    }
    const budget: Rows = [["Item", "Unit", "Category", "Amount", ...yearCols]];
    if (!noRules) {
      const nLines = rnd(6);
      for (let b = 0; b < nLines; b++) {
        const unit = [...ops, ...sup][rnd(ops.length + sup.length)];
        const kind = rnd(4);
        const amount = kind === 0 ? 0 : kind === 1 ? 1 + rnd(5000) : 1000 + rnd(90_000) + 0.49;
        const perYear = rnd(2) === 0;
        budget.push([
          b === 0 ? "=Meeting of the Parties" : `Réunion ${b}`,
          unit,
          ["Meetings", "Operational", "Travel", "Réunions"][rnd(4)],
          perYear ? null : amount,
          ...years.map((_, y) => (perYear ? Math.max(amount, 0) + y * 1000 : null)),
        ]);
      }
    }
    const rules: Rows = [["Unit", "Method", "Basis", "Participants", "Min", "Max"]];
    for (const unit of ops) {
      const participantsKind = rnd(3);
      const members =
        participantsKind === 0 || r.n === 1
          ? codes
          : participantsKind === 1
            ? codes.slice(0, 1 + rnd(r.n))
            : codes.filter((_, i) => types[i] === types[r.n - 1]);
      const participants =
        participantsKind === 0 || r.n === 1
          ? "all"
          : participantsKind === 1
            ? members.join(", ")
            : types[r.n - 1];
      // A "posts" rule weights the unit's budget lines by its posts' own splits, so it needs posts, each split.
      const allSplit = !postsUnit.has(unit) && staffed.has(unit);
      const method = ["fixed", "equal", "driver", "hybrid", ...(allSplit ? ["posts"] : [])][
        rnd(allSplit ? 5 : 4)
      ];
      let basis: CellValue = null;
      if (method === "fixed") {
        const ps = percentsOf(members.length, rnd);
        basis = members.map((c, i) => `${c} ${ps[i]}%`).join("; ");
      } else if (method === "driver") basis = ["Parties", "Budget"][rnd(2)];
      else if (method === "hybrid") {
        const w = 10 * (1 + rnd(9));
        basis = `${w}% equal + ${100 - w}% ${["Parties", "Budget"][rnd(2)]}`;
      }
      // Min and Max do not apply to agreed (fixed) or own (posts) splits; rnd is drawn as before.
      const bounds = method !== "posts" && rnd(2) === 0 && method !== "fixed";
      const even = 1 / members.length;
      rules.push([
        unit,
        method,
        basis,
        participants,
        bounds ? Math.floor(even * (rnd(90) / 100) * 1000) / 1000 : null,
        bounds ? Math.ceil((even + (1 - even) * (0.1 + rnd(90) / 100)) * 1000) / 1000 : null,
      ]);
    }
    const support: Rows = [["Provider", "Receiver", "Share"]];
    sup.forEach((provider, s) => {
      const receivers = [...ops, ...sup.filter((_, t) => t !== s && (s === 1 || rnd(2) === 0))];
      const ps = percentsOf(receivers.length, rnd);
      receivers.forEach((receiver, i) => support.push([provider, receiver, ps[i] / 100]));
    });
    const baseline: Rows = [["Instrument", "Item", "Category", "Grade", "FTE", "Cost"]];
    codes.forEach((c) => {
      if (rnd(3) === 0) baseline.push([c, "Secretariat", "Staff", "P4", 1, r.noGrades ? 150_000 : null]);
      if (rnd(4) === 0) baseline.push([c, "Meetings", "Meetings", null, null, 20_000 + rnd(100_000)]);
    });

    const sheets: Record<string, Rows> = { Settings: settings, Instruments: instruments, Posts: posts };
    if (!r.noGrades) sheets.Grades = grades;
    if (budget.length > 1) sheets.Budget = budget;
    if (!noRules) sheets.Rules = rules;
    if (support.length > 1) sheets.Support = support;
    if (baseline.length > 1) sheets.Baseline = baseline;
    return sheets;
  });

function percentsOf(k: number, rnd: (m: number) => number): number[] {
  const ws = Array.from({ length: k }, () => 1 + rnd(50));
  const total = ws.reduce((a, b) => a + b, 0);
  const out = ws.map((w) => Math.max(1, Math.floor((w / total) * 100)));
  out[out.indexOf(Math.max(...out))] += 100 - out.reduce((a, b) => a + b, 0);
  return out;
}

/** The workbook as an officer might lay it out: each sheet a plain range, or an Excel table when `tables` says so. */
async function xlsxOf(sheets: Record<string, Rows>, tables: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    if (tables && name !== "Settings") {
      const [header, ...body] = rows;
      ws.addTable({
        name: `tbl${name}`,
        ref: "B2",
        headerRow: true,
        columns: header.map((h) => ({ name: String(h as string | number) })),
        rows: body.map((row) => header.map((_, c) => (row[c] ?? null) as ExcelJS.CellValue)),
      });
      continue;
    }
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const TIME = new Date("2026-11-27T21:00:00Z");

describe("the whole pipeline on valid workbooks", () => {
  it("reads, allocates, writes and re-reads every workbook; every figure agrees", async () => {
    await fc.assert(
      fc.asyncProperty(cases, fc.boolean(), async (sheets, tables) => {
        const input = await xlsxOf(sheets, tables);
        const book = await XlsxWorkbook.fromBuffer(input);
        const grids = await book.readInputs();
        const read = readWorkbook(grids);
        const errors = read.problems.filter((p) => p.severity === "error");
        expect(errors).toEqual([]);
        if (!read.model) throw new Error("no model");
        const outcome = computeAllocation(read.model);
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
        const allocation = outcome.allocation;
        const outputs = buildRunOutputs(allocation, grids, TIME);
        for (const sheet of outputs) expect(formulaMismatches(sheet)).toEqual([]);

        // Rounded shares add up everywhere.
        const n = allocation.instruments.length;
        for (const u of allocation.units)
          u.totals.forEach((t, y) => {
            let s = 0;
            for (let i = 0; i < n; i++) s += u.shares[y * n + i];
            expect(s).toBe(t);
          });

        const json = toResultJson(allocation);
        const q = (x: number) => Math.round(x / allocation.settings.rounding);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + q(b), 0);
        const direct = q(json.grandTotal.direct);
        expect(sum(json.units.filter((u) => !u.support).map((u) => u.total))).toBe(direct);
        expect(sum(Object.values(json.instrumentTotals).map((t) => t.direct))).toBe(direct);
        expect(direct + q(json.grandTotal.psc)).toBe(q(json.grandTotal.total));
        for (const t of Object.values(json.instrumentTotals)) {
          expect(q(t.direct) + q(t.psc)).toBe(q(t.total));
          expect(sum(Object.values(t.byYear))).toBe(q(t.direct));
          expect(sum(Object.values(t.byCategory))).toBe(q(t.direct));
        }
        for (const u of json.units) expect(sum(Object.values(u.shares))).toBe(q(u.total));
        for (const s of Object.values(json.settlement)) expect(q(s.share) - q(s.funded)).toBe(q(s.balance));
        for (const s of Object.values(json.savings)) expect(q(s.baseline) - q(s.shared)).toBe(q(s.savings));

        // The written workbook re-reads, and each formula's cached value is the figure we computed.
        await book.writeOutputs(outputs);
        const again = new ExcelJS.Workbook();
        await again.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
        for (const sheet of outputs) {
          const ws = again.getWorksheet(sheet.name);
          expect(ws).toBeDefined();
          sheet.cells.forEach((row, r) =>
            row.forEach((cell, c) => {
              if (!cell) return;
              const xcell = ws?.getCell(r + 1, c + 1);
              const got = xcell?.value;
              if (cell.f !== undefined) {
                // cell.value drops a falsy cached result; cell.result keeps it.
                const result: unknown = xcell?.result;
                expect({ at: `${sheet.name}!${r + 1},${c + 1}`, f: xcell?.formula, v: result }).toEqual({
                  at: `${sheet.name}!${r + 1},${c + 1}`,
                  f: cell.f,
                  v: cell.v,
                });
              } else if ((typeof cell.v === "string" && cell.v !== "") || typeof cell.v === "number") {
                // An empty text is written as a blank (formatted) cell, as Excel keeps it.
                expect({ at: `${sheet.name}!${r + 1},${c + 1}`, v: got }).toEqual({
                  at: `${sheet.name}!${r + 1},${c + 1}`,
                  v: cell.v,
                });
              }
            }),
          );
        }
        const grand = again.getWorksheet("Allocation");
        const values = new Set<unknown>();
        grand?.eachRow((row) =>
          row.eachCell((cell) => {
            values.add(cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
          }),
        );
        expect(values.has(json.grandTotal.total)).toBe(true);

        expect((await writeAnnexDocx(allocation)).length).toBeGreaterThan(1000);
        expect(annexHtml(allocation).length).toBeGreaterThan(100);

        // The command line gives the same figures from the same file.
        const dir = tempDir();
        writeFileSync(join(dir, "in.xlsx"), input);
        const cli = await runCli(
          "allocate",
          join(dir, "in.xlsx"),
          "--out",
          join(dir, "out.xlsx"),
          "--json",
          join(dir, "r.json"),
          "--docx",
          join(dir, "a.docx"),
        );
        expect({
          code: cli.code,
          errors: cli.err.split("\n").filter((l) => l && !l.startsWith("warning")),
        }).toEqual({
          code: 0,
          errors: [],
        });
        expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8"))).toEqual(json);

        // Run again on the output (the officer edits it and runs again): our sheets are replaced, the figures kept.
        const rerun = await runCli(
          "allocate",
          join(dir, "out.xlsx"),
          "--out",
          join(dir, "out2.xlsx"),
          "--json",
          join(dir, "r2.json"),
        );
        expect(rerun.code).toBe(0);
        // The same figures, and the comparison with the first run: nothing moved, no input changed.
        const { changes, ...second } = JSON.parse(readFileSync(join(dir, "r2.json"), "utf8")) as typeof json;
        expect(second).toEqual(json);
        expect(changes?.previous).toMatchObject({ run: 1, inputsChanged: [] });
        for (const f of Object.values(changes?.previous.instruments ?? {})) {
          expect(f.difference).toEqual({ direct: 0, psc: 0, total: 0 });
          expect(f.causes).toEqual({});
        }
      }),
      {
        numRuns: Number(process.env.PIPELINE_RUNS ?? 100),
        seed: Number(process.env.PIPELINE_SEED ?? Date.now() % 100000),
      },
    );
  }, 120_000);
});
