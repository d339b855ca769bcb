/**
 * Builds the workbook corpus under tests/fixtures/ from the sample workbook: each
 * `invalid-<what>.xlsx` breaks exactly one thing, and tests/fixtures/expected.json records the
 * exit code and the cells `costshare` must name for it; each `valid-<what>.xlsx` is the sample in
 * another shape the contract accepts. Run with `npm run build:fixtures`; the output is committed.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   These rules model Office.js proxy objects; this script edits plain ExcelJS objects, which need no load or sync. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { CellValue, Worksheet } from "exceljs";

const ROOT = join(__dirname, "..");
const SAMPLE = join(ROOT, "assets", "cms-family-sample.xlsx");
const FIXTURES = join(ROOT, "tests", "fixtures");

/** What a fixture must produce: the exit code and the `Sheet!A1` (or bare sheet) each problem names. */
export interface Expectation {
  exit: number;
  /** Every one of these must appear on stderr as the start of a problem line. */
  cells: string[];
  /** What is broken, in words. */
  what: string;
}

/** A fixture: how it breaks the sample, and where the problem must be reported. */
interface Fixture {
  name: string;
  what: string;
  /** Changes the sample in place and returns the cells the problem must name. */
  mutate: (wb: Workbook) => string[] | Promise<string[]>;
  /** Raw bytes instead of a workbook (a file that is not an .xlsx at all). */
  bytes?: Uint8Array;
}

/** The worksheet of a sheet name, or a fault in this script. */
function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`The sample has no sheet ${name}.`);
  return ws;
}

/** Row number of the header of a sample sheet: the first row whose first cell is `firstHeader`. */
function headerRow(ws: Worksheet, firstHeader: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === firstHeader) return r;
  throw new Error(`${ws.name}: no header row starting with ${firstHeader}.`);
}

/** Column number of a header in a sample sheet. */
function column(ws: Worksheet, header: number, name: string): number {
  const row = ws.getRow(header);
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === name) return c;
  throw new Error(`${ws.name}: no column ${name}.`);
}

/** The data row whose first cell is `key` (nth match when keys repeat, as in Rules' units). */
function rowOf(ws: Worksheet, key: string, nth = 0): number {
  let seen = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === key && seen++ === nth) return r;
  }
  throw new Error(`${ws.name}: no row ${key}.`);
}

/** The address and cell of column `name` in the row keyed `key` of a sample sheet. */
function at(wb: Workbook, sheetName: string, key: string, name: string, nth = 0) {
  const ws = sheet(wb, sheetName);
  const h = headerRow(ws, FIRST_HEADER[sheetName]);
  const cell = ws.getCell(rowOf(ws, key, nth), column(ws, h, name));
  return { cell, ref: `${sheetName}!${cell.address}`, ws };
}

/** Sets one cell and returns its reference for expected.json. */
function set(wb: Workbook, sheetName: string, key: string, name: string, value: CellValue, nth = 0): string {
  const { cell, ref } = at(wb, sheetName, key, name, nth);
  cell.value = value;
  return ref;
}

const FIRST_HEADER: Record<string, string> = {
  Settings: "Key",
  Instruments: "Code",
  Grades: "Grade",
  Posts: "PostId",
  Budget: "Item",
  Rules: "Unit",
  Support: "Provider",
  Baseline: "Instrument",
};

/** Deletes a worksheet from the workbook. */
function drop(wb: Workbook, name: string): void {
  wb.removeWorksheet(sheet(wb, name).id);
}

/** Clears a whole data row (the row keyed `key`). */
function clearRow(wb: Workbook, sheetName: string, key: string): void {
  const ws = sheet(wb, sheetName);
  ws.getRow(rowOf(ws, key)).eachCell((c) => {
    c.value = null;
  });
}

const INVALID: Fixture[] = [
  {
    name: "text-in-cost",
    what: "text where a cost is needed",
    mutate: (wb) => [set(wb, "Posts", "CO-04", "Cost", "forty-five thousand")],
  },
  { name: "fte-zero", what: "an FTE of 0", mutate: (wb) => [set(wb, "Posts", "EM-02", "FTE", 0)] },
  { name: "fte-negative", what: "a negative FTE", mutate: (wb) => [set(wb, "Posts", "EM-03", "FTE", -1)] },
  {
    name: "fte-text",
    what: "text where an FTE is needed",
    mutate: (wb) => [set(wb, "Posts", "CO-01", "FTE", "full time")],
  },
  {
    name: "split-not-100",
    what: "a post's split adding up to 105%",
    mutate: (wb) => {
      set(wb, "Posts", "AQ-01", "ASCOBANS", 0.2);
      return [at(wb, "Posts", "AQ-01", "CMS").ref];
    },
  },
  {
    name: "split-text",
    what: "text in a split column",
    mutate: (wb) => [set(wb, "Posts", "AQ-02", "CMS", "a quarter")],
  },
  {
    name: "unknown-fundedby",
    what: "an unknown instrument in FundedBy",
    mutate: (wb) => [set(wb, "Posts", "EM-02", "FundedBy", "AEWAA")],
  },
  {
    name: "unknown-split-column",
    what: "a split column whose header is no instrument (SHARK for SHARKS): the post's split no longer adds up",
    mutate: (wb) => {
      const { ws } = at(wb, "Posts", "AQ-04", "SHARKS");
      const h = headerRow(ws, "PostId");
      ws.getCell(h, column(ws, h, "SHARKS")).value = "SHARK";
      return [`Posts!${ws.getCell(rowOf(ws, "AQ-04"), column(ws, h, "CMS")).address}`];
    },
  },
  {
    name: "unknown-grade",
    what: "an unknown grade",
    mutate: (wb) => [set(wb, "Posts", "CO-01", "Grade", "P7")],
  },
  {
    name: "duplicate-postid",
    what: "a PostId used twice",
    mutate: (wb) => [set(wb, "Posts", "EM-03", "PostId", "EM-02")],
  },
  {
    name: "date-in-cost",
    what: "a date where a cost is needed (typed as 30/06/2015, so Excel formats it as a date)",
    mutate: (wb) => {
      const { cell, ref } = at(wb, "Posts", "CO-04", "Cost");
      cell.value = new Date(Date.UTC(2015, 5, 30));
      // ExcelJS shares style objects between loaded cells: give this cell its own.
      cell.style = { ...cell.style, numFmt: "dd/mm/yyyy" };
      return [ref];
    },
  },
  {
    name: "ref-error-in-cost",
    what: "#REF! in a cost",
    mutate: (wb) => [set(wb, "Grades", "P3", "Cost", { error: "#REF!" })],
  },
  {
    name: "div0-formula-in-cost",
    what: "a formula whose cached result is #DIV/0!",
    mutate: (wb) => [set(wb, "Posts", "CO-04", "Cost", { formula: "90000/0", result: { error: "#DIV/0!" } })],
  },
  {
    name: "uncalculated-formulas",
    what: "a cost, a post's split and PSC as formulas saved without a value (as scripts write them)",
    mutate: (wb) => [
      set(wb, "Posts", "CO-04", "Cost", { formula: "45000*1" }),
      set(wb, "Posts", "EM-01", "CMS", { formula: "1-0.03" }),
      set(wb, "Settings", "PSC", "Value", { formula: "0.13" }),
    ],
  },
  {
    name: "na-error-in-parties",
    what: "#N/A in a driver used by a rule",
    mutate: (wb) => [set(wb, "Instruments", "AEWA", "Parties", { error: "#N/A" })],
  },
  {
    name: "duplicate-instrument",
    what: "an instrument code used twice",
    mutate: (wb) => [set(wb, "Instruments", "DUGONG", "Code", "IOSEA")],
  },
  {
    name: "text-in-parties",
    what: "text in a numeric driver",
    mutate: (wb) => [set(wb, "Instruments", "EUROBATS", "Parties", "thirty-six")],
  },
  {
    name: "unknown-method",
    what: "an unknown method",
    mutate: (wb) => [set(wb, "Rules", "Scientific services", "Method", "proportional")],
  },
  {
    name: "fixed-not-100",
    what: "fixed shares adding up to 90%",
    mutate: (wb) => [set(wb, "Rules", "Communication and outreach", "Basis", "CMS 60%; AEWA 30%")],
  },
  {
    name: "unknown-fixed-basis",
    what: "an unknown instrument in a fixed basis",
    mutate: (wb) => [set(wb, "Rules", "Communication and outreach", "Basis", "CMS 60%; AEWX 40%")],
  },
  {
    name: "hybrid-not-100",
    what: "hybrid weights adding up to 90%",
    mutate: (wb) => [set(wb, "Rules", "Scientific services", "Basis", "40% equal + 50% Parties")],
  },
  {
    name: "unknown-driver",
    what: "a driver that is no Instruments column",
    mutate: (wb) => [set(wb, "Rules", "Conference services", "Basis", "Wingspan")],
  },
  {
    name: "unknown-participant",
    what: "an unknown instrument in participants",
    mutate: (wb) => [set(wb, "Rules", "Avian unit", "Participants", "CMS; AEWA; RAPTOR")],
  },
  {
    name: "floors-cannot-hold",
    what: "a 20% floor for nine participants",
    mutate: (wb) => [set(wb, "Rules", "Partnerships and fundraising", "Min", 0.2)],
  },
  {
    name: "ceiling-too-low",
    what: "a 5% ceiling for nine participants",
    mutate: (wb) => [set(wb, "Rules", "Conference services", "Max", 0.05)],
  },
  {
    name: "unit-without-rule",
    what: "a unit with costs and no rule",
    mutate: (wb) => {
      clearRow(wb, "Rules", "Terrestrial unit");
      const { ref } = at(wb, "Posts", "TE-01", "Unit");
      return [ref];
    },
  },
  {
    name: "budget-unknown-unit",
    what: "a budget line in a unit that has no posts and no rule",
    mutate: (wb) => [set(wb, "Budget", "Avian implementation workshops", "Unit", "Avian workshops")],
  },
  {
    name: "text-in-amount",
    what: "text in a budget amount",
    mutate: (wb) => [set(wb, "Budget", "CMS Family website and portal", "Amount", "sixty thousand")],
  },
  {
    name: "support-not-100",
    what: "a support unit's shares adding up to 110%",
    mutate: (wb) => {
      set(wb, "Support", "Administration", "Share", 0.2, 7);
      return [at(wb, "Support", "Administration", "Share").ref];
    },
  },
  {
    name: "support-unknown-receiver",
    what: "a support share to a unit that does not exist",
    mutate: (wb) => [set(wb, "Support", "Administration", "Receiver", "Executive office")],
  },
  {
    name: "singular-reciprocal",
    what: "two support units that serve only each other (no cost ever reaches an instrument)",
    mutate: (wb) => {
      const ws = sheet(wb, "Support");
      const h = headerRow(ws, "Provider");
      for (let r = h + 1; r <= ws.rowCount; r++) ws.getRow(r).eachCell((c) => (c.value = null));
      ws.getRow(h + 1).values = ["Administration", "Finance", 1];
      ws.getRow(h + 2).values = ["Finance", "Administration", 1];
      set(wb, "Posts", "AD-02", "Unit", "Finance");
      return [`Support!C${h + 2}`];
    },
  },
  {
    name: "settings-years-zero",
    what: "Years = 0",
    mutate: (wb) => [set(wb, "Settings", "Years", "Value", 0)],
  },
  {
    name: "settings-psc-text",
    what: "PSC as words",
    mutate: (wb) => [set(wb, "Settings", "PSC", "Value", "thirteen percent")],
  },
  {
    name: "settings-support-method",
    what: "an unknown support method",
    mutate: (wb) => [set(wb, "Settings", "SupportMethod", "Value", "direct")],
  },
  {
    name: "settings-rounding-negative",
    what: "a negative rounding unit",
    mutate: (wb) => [set(wb, "Settings", "Rounding", "Value", -1)],
  },
  {
    name: "settings-first-year-text",
    what: "a first year that is no year",
    mutate: (wb) => [set(wb, "Settings", "FirstYear", "Value", "next year")],
  },
  {
    name: "baseline-unknown-instrument",
    what: "a baseline line of an unknown instrument",
    mutate: (wb) => [set(wb, "Baseline", "ASCOBANS", "Instrument", "ASCOBAN")],
  },
  {
    name: "missing-posts",
    what: "no Posts sheet",
    mutate: (wb) => {
      drop(wb, "Posts");
      return ["Posts!A1"];
    },
  },
  {
    name: "missing-instruments",
    what: "no Instruments sheet",
    mutate: (wb) => {
      drop(wb, "Instruments");
      return ["Instruments!A1"];
    },
  },
  {
    name: "missing-rules",
    what: "no Rules sheet while posts carry no split of their own",
    mutate: (wb) => {
      drop(wb, "Rules");
      return ["Rules!A1"];
    },
  },
  {
    name: "missing-column",
    what: "the Posts sheet without a Unit column",
    mutate: (wb) => {
      const ws = sheet(wb, "Posts");
      const h = headerRow(ws, "PostId");
      ws.getCell(h, column(ws, h, "Unit")).value = "Remarks";
      // The reader names the first free cell of the header row, where the column could go.
      return [`Posts!${ws.getCell(h, ws.getRow(h).cellCount + 1).address}`];
    },
  },
  {
    name: "output-sheet-taken",
    what: "a sheet of the user's named Allocation",
    mutate: (wb) => {
      wb.addWorksheet("Allocation").getCell("A1").value = "My own allocation notes";
      return ["Allocation!A1"];
    },
  },
  {
    name: "ambiguous-thousands-text",
    what: "a grade cost typed as the text '140.000' (140 or 140000?)",
    mutate: (wb) => [set(wb, "Grades", "P4", "Cost", "140.000")],
  },
  {
    name: "fte-posts-and-percents",
    what: "an FTE column that counts posts (2) and gives percents (50) at once",
    mutate: (wb) => [set(wb, "Posts", "EM-02", "FTE", 2), set(wb, "Posts", "TE-02", "FTE", 50)],
  },
  {
    name: "date-header-30-june",
    what: "a Budget year header typed as the date 30/06/2016",
    mutate: (wb) => {
      const ws = sheet(wb, "Budget");
      const h = headerRow(ws, "Item");
      const cell = ws.getCell(h, column(ws, h, 2016 as unknown as string));
      cell.value = new Date(Date.UTC(2016, 5, 30));
      cell.style = { ...cell.style, numFmt: "dd/mm/yyyy" };
      return [`Budget!${cell.address}`];
    },
  },
  {
    name: "settings-key-looks-like-psc",
    what: "the PSC key typed as 'Overhead rate', whose 7% would otherwise go unused",
    mutate: (wb) => [set(wb, "Settings", "PSC", "Key", "Overhead rate")],
  },
  {
    name: "participant-on-posts-rule",
    what: "an unknown participant on a posts rule, which does not use its participants",
    mutate: (wb) => [set(wb, "Rules", "Aquatic unit", "Participants", "CMS, NOPE")],
  },
  {
    name: "min-on-fixed-rule",
    what: "a Min on a fixed rule, whose agreed percentages it would override",
    mutate: (wb) => [set(wb, "Rules", "Communication and outreach", "Min", 0.45)],
  },
  {
    name: "not-a-workbook",
    what: "a CSV file saved with an .xlsx name",
    mutate: () => [],
    bytes: new TextEncoder().encode("PostId,Title,Grade\nEM-01,Executive Secretary,D1\n"),
  },
];

/** Sample variants that must run without an error. */
const VALID: Fixture[] = [
  {
    name: "table-input",
    what: "Posts and Instruments as Excel tables below a title",
    mutate: (wb) => {
      for (const name of ["Instruments", "Posts"]) {
        const old = sheet(wb, name);
        const h = headerRow(old, FIRST_HEADER[name]);
        const header = (old.getRow(h).values as CellValue[]).slice(1).map(String);
        const rows: CellValue[][] = [];
        for (let r = h + 1; r <= old.rowCount; r++) {
          const values = header.map((_, c) => old.getCell(r, c + 1).value);
          if (values.some((v) => v !== null && v !== undefined)) rows.push(values);
        }
        drop(wb, name);
        const ws = wb.addWorksheet(name);
        ws.getCell("A1").value = `${name} (an Excel table)`;
        ws.addTable({ name: `tbl${name}`, ref: "B3", columns: header.map((n) => ({ name: n })), rows });
      }
      return [];
    },
  },
  {
    name: "headers-below-titles",
    what: "more titles and notes above every header",
    mutate: (wb) => {
      for (const ws of wb.worksheets) {
        ws.spliceRows(1, 0, [`${ws.name}: prepared by the Secretariat`], ["Draft for discussion"], []);
      }
      return [];
    },
  },
  {
    name: "aliases",
    what: "headers written with common aliases",
    mutate: (wb) => {
      const renames: Record<string, Record<string, string>> = {
        Posts: { PostId: "Post No.", Title: "Functional title", Cost: "Annual cost", FundedBy: "Funded by" },
        Grades: { Cost: "Standard cost" },
        Rules: { Min: "Floor", Max: "Ceiling", Participants: "Shared by" },
        Support: { Share: "Share of effort" },
      };
      for (const [name, map] of Object.entries(renames)) {
        const ws = sheet(wb, name);
        const h = headerRow(ws, FIRST_HEADER[name]);
        for (const [from, to] of Object.entries(map)) ws.getCell(h, column(ws, h, from)).value = to;
      }
      return [];
    },
  },
  {
    name: "percents-as-numbers",
    what: "post splits typed as plain numbers adding up to 100",
    mutate: (wb) => {
      const ws = sheet(wb, "Posts");
      const h = headerRow(ws, "PostId");
      for (const code of ["CMS", "ASCOBANS", "IOSEA", "SHARKS"]) {
        const c = column(ws, h, code);
        for (let r = h + 1; r <= ws.rowCount; r++) {
          const cell = ws.getCell(r, c);
          if (typeof cell.value === "number") {
            cell.value = Math.round(cell.value * 1000) / 10;
            cell.style = { ...cell.style, numFmt: "0.0" };
          }
        }
      }
      return [];
    },
  },
  {
    name: "total-named-line",
    what: "a budget line whose Item begins with 'Total', and true totals rows below the lines",
    mutate: (wb) => {
      set(wb, "Budget", "Representation travel", "Item", "Total Quality Management training");
      const ws = sheet(wb, "Budget");
      const h = headerRow(ws, "Item");
      const amount = column(ws, h, "Amount");
      let sum = 0;
      for (let r = h + 1; r <= ws.rowCount; r++) {
        const v = ws.getCell(r, amount).value;
        if (typeof v === "number") sum += v;
      }
      const total = ws.getRow(ws.rowCount + 1);
      total.getCell(1).value = "Total";
      total.getCell(amount).value = sum;
      return [];
    },
  },
  {
    name: "step-down",
    what: "SupportMethod = step-down",
    mutate: (wb) => (set(wb, "Settings", "SupportMethod", "Value", "step-down"), []),
  },
];

async function build(fixture: Fixture, prefix: string): Promise<string[]> {
  const path = join(FIXTURES, `${prefix}-${fixture.name}.xlsx`);
  if (fixture.bytes) {
    writeFileSync(path, fixture.bytes);
    return [];
  }
  const wb = new Workbook();
  // ExcelJS types ask for a Node Buffer of its own typing; the bytes are the same.
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const cells = await fixture.mutate(wb);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return cells;
}

async function main(): Promise<void> {
  const expected: Record<string, Expectation> = {};
  for (const f of INVALID)
    expected[`invalid-${f.name}.xlsx`] = { exit: 2, cells: await build(f, "invalid"), what: f.what };
  for (const f of VALID)
    expected[`valid-${f.name}.xlsx`] = { exit: 0, cells: await build(f, "valid"), what: f.what };
  writeFileSync(join(FIXTURES, "expected.json"), `${JSON.stringify(expected, null, 2)}\n`);
  process.stdout.write(
    `Wrote ${INVALID.length} invalid and ${VALID.length} valid workbooks to ${FIXTURES}\n`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
