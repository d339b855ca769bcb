import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { SAMPLE, runCli, tempDir } from "./cliHarness";

async function load(path: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The row of a sheet whose first cell is `label`. */
function rowOf(ws: Worksheet, label: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (found === 0 && row.getCell(1).value === label) found = n;
  });
  if (found === 0) throw new Error(`${ws.name} has no row ${label}`);
  return found;
}

/** Copies `from` to `to` with Settings keys set (a key not there is added) and Rules cells changed. */
async function edit(
  from: string,
  to: string,
  settings: Record<string, string | number>,
  rules: Record<string, string> = {},
): Promise<void> {
  const wb = await load(from);
  const ws = wb.getWorksheet("Settings") as Worksheet;
  for (const [key, value] of Object.entries(settings)) {
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === key) row = n;
    });
    if (row === 0) row = ws.rowCount + 1;
    ws.getCell(row, 1).value = key;
    ws.getCell(row, 2).value = value;
  }
  const rulesSheet = wb.getWorksheet("Rules") as Worksheet;
  for (const [unit, basis] of Object.entries(rules))
    rulesSheet.getCell(rowOf(rulesSheet, unit), 3).value = basis;
  await wb.xlsx.writeFile(to);
}

/** A sheet's values, row by row, from row 1. */
function values(ws: Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      row.push(v !== null && typeof v === "object" && "result" in v ? v.result : v);
    }
    out.push(row);
  }
  return out;
}

/** The Log's rows as [Run, Status, Document, Inputs changed]. */
async function logOf(path: string): Promise<unknown[][]> {
  const rows = values((await load(path)).getWorksheet("Log") as Worksheet);
  const header = rows.findIndex((r) => r[0] === "Run");
  return rows.slice(header + 1).map((r) => [r[0], r[4], r[5], r[12]]);
}

describe("costshare allocate: what changed, and an approved run", () => {
  const dir = tempDir();
  const path = (name: string) => join(dir, name);

  it("numbers the runs, names the inputs that changed, and attributes each difference in the Changes sheet", async () => {
    const first = await runCli("allocate", SAMPLE, "--out", path("run1.xlsx"));
    expect(first.code).toBe(0);
    expect(first.out).toContain("Run 1 (Draft, UNEP/CMS/StC-Sample/Doc.1). First recorded run.");
    await edit(
      path("run1.xlsx"),
      path("edit1.xlsx"),
      { PSC: 0.07 },
      { "Communication and outreach": "CMS 50%; AEWA 50%" },
    );
    const second = await runCli(
      "allocate",
      path("edit1.xlsx"),
      "--out",
      path("run2.xlsx"),
      "--json",
      path("run2.json"),
    );
    expect(second.err).toBe("");
    expect(second.code).toBe(0);
    const log = await logOf(path("run2.xlsx"));
    const rulesRow = rowOf(
      (await load(SAMPLE)).getWorksheet("Rules") as Worksheet,
      "Communication and outreach",
    );
    const pscRow = rowOf((await load(SAMPLE)).getWorksheet("Settings") as Worksheet, "PSC");
    expect(log).toEqual([
      [1, "Draft", "UNEP/CMS/StC-Sample/Doc.1", "First recorded run."],
      [
        2,
        "Draft",
        "UNEP/CMS/StC-Sample/Doc.1",
        `Since run 1: Settings: PSC changed. Rules: row ${rulesRow} changed.`,
      ],
    ]);
    expect(pscRow).toBeGreaterThan(0);

    const changes = values((await load(path("run2.xlsx"))).getWorksheet("Changes") as Worksheet);
    const header = changes.findIndex((r) => r[0] === "Instrument");
    expect(changes[header]).toEqual([
      "Instrument", "Run 1: direct", "Run 1: PSC", "Run 1: total", "Now: direct", "Now: PSC", "Now: total",
      "Difference (total)", "Rules", "PSC rate", "Check (0 = adds up)",
    ]); // prettier-ignore
    const result = JSON.parse(readFileSync(path("run2.json"), "utf8"));
    const cms = changes.find((r) => r[0] === "CMS") as number[];
    // CMS pays less of communications (60% to 50%) and less PSC (13% to 7%): both parts are negative.
    expect(cms[8]).toBeLessThan(0);
    expect(cms[9]).toBeLessThan(0);
    expect(cms[8] + cms[9]).toBe(cms[7]);
    expect(cms[6]).toBe(result.instrumentTotals.CMS.total);
    expect(cms[10]).toEqual({ formula: expect.stringMatching(/^ROUND\(SUM\(I\d+:J\d+\)-H\d+,0\)$/) });
    expect(result.changes.previous).toMatchObject({ run: 1, status: "Draft" });
    expect(result.changes.previous.instruments.CMS.causes).toEqual({
      rules: { direct: expect.any(Number), psc: expect.any(Number), total: cms[8] },
      psc: { direct: 0, psc: cms[9], total: cms[9] },
    });
    expect(
      changes.some((r) => r[0] === "Settings" && r[1] === pscRow && r[4] === "13%" && r[5] === "7%"),
    ).toBe(true);
  });

  it("asks before changing an approved run's figures, and keeps them to compare with", async () => {
    // The Committee approved run 2's figures: the officer marks them and runs again (same figures).
    await edit(path("run2.xlsx"), path("edit2.xlsx"), {
      Status: "Approved",
      DocumentSymbol: "UNEP/CMS/StC44/Doc.X",
    });
    const approved = await runCli("allocate", path("edit2.xlsx"), "--out", path("run3.xlsx"));
    expect(approved.err).toBe("");
    expect(approved.out).toContain(
      "Run 3 (Approved, UNEP/CMS/StC44/Doc.X). Since run 2: Settings: DocumentSymbol, Status changed.",
    );
    expect((await logOf(path("run3.xlsx")))[2].slice(0, 3)).toEqual([3, "Approved", "UNEP/CMS/StC44/Doc.X"]);

    // New figures still marked approved under that paper would claim an approval never given.
    await edit(path("run3.xlsx"), path("edit3.xlsx"), { PSC: 0.13 });
    const restated = await runCli("allocate", path("edit3.xlsx"), "--out", path("bad.xlsx"));
    expect(restated.code).toBe(2);
    expect(restated.err).toMatch(
      /^Settings!B\d+: Status says Approved under UNEP\/CMS\/StC44\/Doc.X, but run 3 was approved/m,
    );

    // As a draft, the run asks first: it says which approved figures would change, and writes nothing.
    await edit(path("run3.xlsx"), path("edit4.xlsx"), { PSC: 0.13, Status: "Draft" });
    const refused = await runCli(
      "allocate",
      path("edit4.xlsx"),
      "--out",
      path("run4.xlsx"),
      "--json",
      path("run4.json"),
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /^Run 3 of \S+ \S+ UTC was approved \(UNEP\/CMS\/StC44\/Doc.X\)\. This run would change its figures:$/m,
    );
    expect(refused.err).toMatch(/^ {2}CMS: total [\d,]+ → [\d,]+ \(\+[\d,]+\); PSC [\d,]+ → [\d,]+$/m);
    expect(refused.err).toMatch(/--supersede/);
    // It still names the approved paper: a revision would name its own, so the officer is told first.
    expect(refused.err).toContain(
      "This run still names the approved paper, UNEP/CMS/StC44/Doc.X: if it serves another paper (a revision), change DocumentSymbol in the Settings sheet first.",
    );
    expect(existsSync(path("run4.xlsx"))).toBe(false);
    expect(existsSync(path("run4.json"))).toBe(false);

    // With --supersede it runs; the approved run stays in the Log, and Changes compares with it.
    const run4 = await runCli("allocate", path("edit4.xlsx"), "--out", path("run4.xlsx"), "--supersede");
    expect(run4.code).toBe(0);
    // Its Settings still name the approved paper: the officer is told, in case this is a revision.
    expect(run4.out).toContain(
      "This run supersedes approved run 3 and still names its paper, UNEP/CMS/StC44/Doc.X: if it serves another paper (a revision), change DocumentSymbol in the Settings sheet.",
    );
    await edit(
      path("run4.xlsx"),
      path("edit5.xlsx"),
      {},
      { "Communication and outreach": "CMS 70%; AEWA 30%" },
    );
    expect(
      (await runCli("allocate", path("edit5.xlsx"), "--out", path("run5.xlsx"), "--json", path("run5.json")))
        .code,
    ).toBe(0);
    expect((await logOf(path("run5.xlsx"))).map((r) => r.slice(0, 2))).toEqual([
      [1, "Draft"], [2, "Draft"], [3, "Approved"], [4, "Draft"], [5, "Draft"],
    ]); // prettier-ignore
    const headings = values((await load(path("run5.xlsx"))).getWorksheet("Changes") as Worksheet)
      .map((r) => r[0])
      .filter((v): v is string => typeof v === "string" && v.startsWith("Since"));
    expect(headings).toEqual([
      expect.stringMatching(/^Since the previous run: run 4 of .* \(Draft, UNEP\/CMS\/StC44\/Doc.X\)$/),
      expect.stringMatching(
        /^Since the last approved run: run 3 of .* \(Approved, UNEP\/CMS\/StC44\/Doc.X\)$/,
      ),
    ]);
    const result = JSON.parse(readFileSync(path("run5.json"), "utf8"));
    expect(result.changes.approved.run).toBe(3);
    expect(Object.keys(result.changes.approved.instruments.CMS.causes)).toEqual(["rules", "psc"]);
  });

  it("lists in its question only the approved figures an edit changes, not a neighbour's rounding", async () => {
    // Approved: the sample as it is.
    const base = await runCli("allocate", SAMPLE, "--out", path("a1.xlsx"));
    expect(base.code).toBe(0);
    await edit(path("a1.xlsx"), path("a1e.xlsx"), {
      Status: "Approved",
      DocumentSymbol: "UNEP/CMS/StC44/Doc.Y",
    });
    expect((await runCli("allocate", path("a1e.xlsx"), "--out", path("a2.xlsx"))).code).toBe(0);
    // The communication unit is shared by CMS and AEWA only: a new split between them changes
    // their figures, and no other instrument's exact figures in any option.
    await edit(
      path("a2.xlsx"),
      path("a2e.xlsx"),
      { Status: "Draft" },
      { "Communication and outreach": "CMS 70%; AEWA 30%" },
    );
    const asked = await runCli("allocate", path("a2e.xlsx"), "--out", path("a3.xlsx"));
    expect(asked.code).toBe(2);
    // The instruments whose figures change: a line each in the option written, then a line per
    // option with each instrument's total.
    const lines = asked.err.split("\n");
    const written = lines.flatMap((line) => /^ {2}([A-Z]+): total/.exec(line)?.[1] ?? []);
    const options = lines.filter((line) => /^ {2}option '[^']+': /.test(line));
    const inOptions = options.flatMap((line) =>
      [...line.replace(/^ {2}option '[^']+': /, "").matchAll(/(?:^|; )([A-Z]+) [\d,]+ → /g)].map((m) => m[1]),
    );
    expect(written.sort()).toEqual(["AEWA", "CMS"]);
    expect(options.length).toBe(3); // the other three options; the written one is above
    const changed = [...written, ...inOptions];
    expect(changed.length).toBe(8);
    // Without steering, 13 more lines listed other instruments a step apart (EUROBATS total −1,
    // IOSEA +1, …): the approval would have seemed to change figures the edit did not touch.
    expect([...new Set(changed)].sort()).toEqual(["AEWA", "CMS"]);
    // Their yearly figures and their shares of the communication unit, and no one else's.
    expect(asked.err).toMatch(
      /^ {2}with 12 yearly figures \(of CMS and AEWA\) and 2 shares of common services \(Communication and outreach: CMS, AEWA\)$/m,
    );

    // A change of the PSC rate alone changes every PSC figure, and no direct figure or share.
    await edit(path("a2.xlsx"), path("a2p.xlsx"), { Status: "Draft", PSC: 0.12 });
    const psc = await runCli("allocate", path("a2p.xlsx"), "--out", path("a3p.xlsx"));
    expect(psc.code).toBe(2);
    expect(psc.err).toMatch(/^ {2}with 27 yearly figures \(of CMS, AEWA, .* and DUGONG\)$/m);
    expect(psc.err).not.toMatch(/direct|shares of common services/);
    // Written, the support unit's rows (what Administration passed on to each instrument) stay as they were.
    expect((await runCli("allocate", path("a2p.xlsx"), "--out", path("a3p.xlsx"), "--supersede")).code).toBe(
      0,
    );
    const administration = async (file: string) =>
      values((await load(path(file))).getWorksheet("Allocation") as Worksheet).filter(
        (r) => r[0] === "Administration",
      );
    const rows = await administration("a3p.xlsx");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await administration("a2.xlsx"));
  });
  it("asks before an edit of the Parties or the Baseline changes approved contributions or savings", async () => {
    await edit(SAMPLE, path("pb.xlsx"), { Status: "Approved", DocumentSymbol: "UNEP/CMS/StC44/Doc.12" });
    expect((await runCli("allocate", path("pb.xlsx"), "--out", path("pb1.xlsx"))).code).toBe(0);
    // Belgium's UN scale rate for AEWA, 0.8 → 1.2: no instrument's share moves, its contributions do.
    const wb = await load(path("pb1.xlsx"));
    const parties = wb.getWorksheet("Parties") as Worksheet;
    const belgium = rowOf(parties, "Belgium");
    expect(parties.getCell(belgium, 2).value).toBe("AEWA");
    parties.getCell(belgium, 3).value = 1.2;
    await wb.xlsx.writeFile(path("pb1p.xlsx"));
    // Still marked Approved under the same paper: refused, as those are not the approved figures.
    const restated = await runCli("allocate", path("pb1p.xlsx"), "--out", path("pb2.xlsx"));
    expect(restated.code).toBe(2);
    expect(restated.err).toMatch(/run 1 was approved under that symbol with other figures/);
    // As a draft: the question names the Parties whose contributions change, and the Log the row.
    await edit(path("pb1p.xlsx"), path("pb1d.xlsx"), { Status: "Draft" });
    const asked = await runCli("allocate", path("pb1d.xlsx"), "--out", path("pb2.xlsx"));
    expect(asked.code).toBe(2);
    expect(asked.err).toMatch(
      /^ {2}the contributions of \d+ Parties to AEWA \(Belgium, Denmark, .*\) \(Contributions sheet, the annex's scales of contributions\)$/m,
    );
    expect(asked.err).not.toMatch(/^ {2}[A-Z]+: total|savings/m);
    expect(asked.err).toMatch(new RegExp(`Parties: row ${belgium} changed`));

    // The Baseline's CMS Meetings, 520,000 → 600,000: CMS's savings change, in every option.
    const wb2 = await load(path("pb1.xlsx"));
    const baseline = wb2.getWorksheet("Baseline") as Worksheet;
    let meetings = 0;
    baseline.eachRow((row, n) => {
      if (row.getCell(1).value === "CMS" && row.getCell(2).value === "Meetings") meetings = n;
    });
    baseline.getCell(meetings, 6).value = 600000;
    await wb2.xlsx.writeFile(path("pb1b.xlsx"));
    await edit(path("pb1b.xlsx"), path("pb1bd.xlsx"), { Status: "Draft" });
    const savings = await runCli("allocate", path("pb1bd.xlsx"), "--out", path("pb3.xlsx"));
    expect(savings.code).toBe(2);
    expect(savings.err).toMatch(
      /^ {2}the savings against the Baseline of CMS \(Savings sheet, the annex's savings table\)$/m,
    );
    expect(savings.err).toMatch(/^ {2}option 'Status quo': savings of CMS$/m);
    expect(savings.err).not.toMatch(/contributions/);
  });

  it("does not drop an approved run from an OUT.xlsx that IN.xlsx lacks, and names draft runs it replaces", async () => {
    await edit(SAMPLE, path("h-approved.xlsx"), { Status: "Approved" });
    expect((await runCli("allocate", path("h-approved.xlsx"), "--out", path("h-out.xlsx"))).code).toBe(0);
    const approved = readFileSync(path("h-out.xlsx"));
    // The officer edits the input, not the output, and runs again to the same OUT.xlsx.
    await edit(SAMPLE, path("h-edited.xlsx"), { PSC: 0.12 });
    const refused = await runCli("allocate", path("h-edited.xlsx"), "--out", path("h-out.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      `its Log records approved run 1 (UNEP/CMS/StC-Sample/Doc.1), which ${path("h-edited.xlsx")} does not have`,
    );
    expect(refused.err).toContain(`make your edits in ${path("h-out.xlsx")} and run on it`);
    expect(readFileSync(path("h-out.xlsx")).equals(approved)).toBe(true);

    // --force replaces it, and says what was lost; so does every run that replaces a draft history.
    const forced = await runCli("allocate", path("h-edited.xlsx"), "--out", path("h-out.xlsx"), "--force");
    expect(forced.code).toBe(0);
    expect(forced.err).toContain(
      `Note: ${path("h-out.xlsx")} recorded run 1, which ${path("h-edited.xlsx")} does not have`,
    );
    const again = await runCli("allocate", path("h-edited.xlsx"), "--out", path("h-out.xlsx"));
    expect(again.code).toBe(0);
    expect(again.err).toContain(`Note: ${path("h-out.xlsx")} recorded run 1`);
    // Run on the output, the history goes on and nothing is lost.
    const next = await runCli("allocate", path("h-out.xlsx"), "--out", path("h-next.xlsx"));
    expect(next.code).toBe(0);
    expect(next.out).toContain("Run 2 (Draft, UNEP/CMS/StC-Sample/Doc.1). Since run 1: none.");
    expect(next.err).not.toContain("Note:");
  });
});
