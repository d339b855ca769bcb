/**
 * `costshare allocate` end to end on a generated 10,000-post workbook (30 instruments, 3 years),
 * against the floor of ExcelJS merely reading that workbook and writing as many output cells
 * (the floor of the command when it wrote through ExcelJS), with the command's peak memory.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { main } from "../src/cli/main";
import type { BenchResult } from "./benchmark";
import { medianMs } from "./benchmark";

const NAME = "cli-10k-posts-30-instruments-3-years";
const POSTS = 10_000;
const INSTRUMENTS = 30;
const UNITS = 24;
const ROOT = join(__dirname, "..");

/** A deterministic pseudo-random sequence, so every run measures the same workbook. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** The size of a generated workbook. */
export interface Shape {
  posts: number;
  instruments: number;
  /** Budget lines (at least two per unit). */
  budgetLines: number;
}

/** The benchmark's own workbook: 10,000 posts, 30 instruments, two budget lines per unit. */
export const BENCH_SHAPE: Shape = { posts: POSTS, instruments: INSTRUMENTS, budgetLines: 2 * UNITS };

/** Writes the generated input workbook (exported for debugging a run by hand): every contract sheet, every rule method, a support unit, a baseline. */
export async function generate(path: string, shape: Shape = BENCH_SHAPE): Promise<void> {
  const rnd = random(42);
  const wb = new Workbook();
  const codes = Array.from({ length: shape.instruments }, (_, i) => `I${String(i + 1).padStart(2, "0")}`);
  const units = Array.from({ length: UNITS }, (_, u) => `Unit ${u + 1}`);
  const grades = ["D1", "P5", "P4", "P3", "P2", "G6", "G5"];

  const settings = wb.addWorksheet("Settings");
  settings.addRows([
    ["Key", "Value"],
    ["Currency", "EUR"],
    ["FirstYear", 2015],
    ["Years", 3],
    ["Escalation", 0.02],
    ["PSC", 0.13],
    ["Rounding", 1],
    ["SupportMethod", "reciprocal"],
  ]);
  const instruments = wb.addWorksheet("Instruments");
  instruments.addRow(["Code", "Name", "Type", "Parties", "Budget"]);
  codes.forEach((c, i) =>
    instruments.addRow([
      c,
      `Instrument ${i + 1}`,
      i < Math.ceil(shape.instruments / 3) ? "Agreement" : "MOU",
      5 + Math.floor(rnd() * 120),
      100000 + Math.floor(rnd() * 2e6),
    ]),
  );
  const gradeSheet = wb.addWorksheet("Grades");
  gradeSheet.addRow(["Grade", "Cost"]);
  grades.forEach((g, i) => gradeSheet.addRow([g, 200000 - i * 20000]));

  const posts = wb.addWorksheet("Posts");
  posts.addRow(["PostId", "Title", "Grade", "Unit", "FTE", "Cost", "FundedBy", codes[0], codes[1]]);
  for (let p = 0; p < shape.posts; p++) {
    const unit = units[p % UNITS];
    // Posts of the last unit carry their own split (method "posts").
    const own = p % UNITS === UNITS - 1;
    const split = Math.round(rnd() * 100) / 100;
    posts.addRow([
      `P-${p + 1}`,
      `Officer ${p + 1}`,
      grades[Math.floor(rnd() * grades.length)],
      unit,
      rnd() < 0.2 ? 0.5 : 1,
      rnd() < 0.1 ? 50000 + Math.floor(rnd() * 100000) : null,
      codes[Math.floor(rnd() * shape.instruments)],
      own ? split : null,
      own ? Math.round((1 - split) * 100) / 100 : null,
    ]);
  }
  const budget = wb.addWorksheet("Budget");
  budget.addRow(["Item", "Unit", "Category", "Amount"]);
  units.forEach((u, i) => {
    budget.addRow([`Meetings of ${u}`, u, "Meetings", 50000 + i * 1000]);
    budget.addRow([`Operations of ${u}`, u, "Operational", 20000 + i * 500]);
  });
  for (let b = 2 * UNITS; b < shape.budgetLines; b++) {
    budget.addRow([
      `Line ${b + 1}`,
      units[b % UNITS],
      b % 3 === 0 ? "Travel" : "Operational",
      1000 + Math.floor(rnd() * 9000),
    ]);
  }
  const rules = wb.addWorksheet("Rules");
  rules.addRow(["Unit", "Method", "Basis", "Participants", "Min", "Max"]);
  const methods: [string, string | null, string, number | null, number | null][] = [
    ["equal", null, "all", null, null],
    // A ceiling of 10%, or more where fewer than eleven instruments could not all stay below it.
    ["driver", "Parties", "all", null, Math.max(0.1, Math.ceil(100 / shape.instruments + 5) / 100)],
    ["driver", "Budget", "all", 0.01, null],
    ["hybrid", "40% equal + 60% Parties", "Agreement; MOU", null, null],
    [
      "fixed",
      `${codes[0]} 50%; ${codes[1]} 30%; ${codes[2]} 20%`,
      `${codes[0]}; ${codes[1]}; ${codes[2]}`,
      null,
      null,
    ],
  ];
  // Unit 1 is the support unit (no rule); the last unit shares by its posts' own splits.
  units.slice(1, -1).forEach((u, i) => rules.addRow([u, ...methods[i % methods.length]]));
  rules.addRow([units[UNITS - 1], "posts", null, "all", null, null]);
  const support = wb.addWorksheet("Support");
  support.addRow(["Provider", "Receiver", "Share"]);
  units
    .slice(1)
    .forEach((u, i) => support.addRow([units[0], u, i < UNITS - 2 ? 0.04 : 1 - 0.04 * (UNITS - 2)]));
  const baseline = wb.addWorksheet("Baseline");
  baseline.addRow(["Instrument", "Item", "Category", "Grade", "FTE", "Cost"]);
  codes.forEach((c) => {
    baseline.addRow([c, "Staff", "Staff", "P4", 40, null]);
    baseline.addRow([c, "Meetings", "Meetings", null, null, 90000]);
  });
  await wb.xlsx.writeFile(path);
}

/** Non-empty cells of every sheet of a workbook that is not in `skip`. */
export function countCells(wb: Workbook, skip: Set<string>): number {
  let n = 0;
  for (const ws of wb.worksheets) {
    if (skip.has(ws.name)) continue;
    ws.eachRow((row) => row.eachCell(() => n++));
  }
  return n;
}

/** The floor: ExcelJS reads the input and writes `cells` plain number cells into it, no engine at all. */
export async function floor(input: string, out: string, cells: number): Promise<void> {
  const wb = new Workbook();
  await wb.xlsx.readFile(input);
  const ws = wb.addWorksheet("Output");
  const width = 40;
  for (let i = 0; i < cells; i++) ws.getCell(Math.floor(i / width) + 1, (i % width) + 1).value = i;
  await wb.xlsx.writeFile(out);
}

/** Builds build/ for the child-process run when it is missing or older than the sources it needs. */
export function ensureDist(): string {
  const built = join(ROOT, "build", "cli", "main.js");
  const newest = Math.max(
    ...["engine", "workbook", "xlsx", "cli", "annex"].flatMap((d) =>
      readdirSync(join(ROOT, "src", d), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => statSync(join(ROOT, "src", d, f)).mtimeMs),
    ),
  );
  if (!existsSync(built) || statSync(built).mtimeMs < newest) {
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.cli.json")],
        {
          stdio: "ignore",
        },
      );
    } catch {
      // tsc exits 1 on a type error elsewhere but still emits; the check below decides.
    }
    if (!existsSync(built)) throw new Error("npm run prepare did not build build/cli/main.js");
  }
  return built;
}

/** Runs the built command in a child process and returns its peak resident memory in MB. */
export function childPeakMB(argv: string[]): number {
  const script =
    `require(${JSON.stringify(ensureDist())}).main(${JSON.stringify(argv)}).then((code) => {` +
    `process.stdout.write(JSON.stringify({ code, maxRSS: process.resourceUsage().maxRSS }));})`;
  const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 1 << 20 });
  const { code, maxRSS } = JSON.parse(out.slice(out.lastIndexOf("{"))) as { code: number; maxRSS: number };
  if (code !== 0) throw new Error(`costshare allocate exited ${code} in the child process`);
  return maxRSS / 1024;
}

/** The benchmark. */
export async function bench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "costshare-bench-"));
  try {
    const input = join(dir, "in.xlsx");
    await generate(input);
    const argv = [
      "allocate",
      input,
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "result.json"),
      "--force",
    ];
    const quiet = { out: () => undefined, err: (t: string) => void process.stderr.write(t) };
    const check = await main(argv, quiet);
    if (check !== 0) throw new Error(`costshare allocate exited ${check} on the generated workbook`);

    const output = new Workbook();
    await output.xlsx.readFile(join(dir, "out.xlsx"));
    const inputBook = new Workbook();
    await inputBook.xlsx.readFile(input);
    const outputCells = countCells(output, new Set(inputBook.worksheets.map((w) => w.name)));

    // One timed run each (the check above warmed the command up): a run takes many seconds, and
    // the machine is shared, so more runs would buy little precision for minutes of load.
    const ms = await medianMs(() => main(argv, quiet), 1, 0);
    const baselineMs = await medianMs(() => floor(input, join(dir, "floor.xlsx"), outputCells), 1, 1);
    const peakMB = childPeakMB(argv);
    const ratio = ms / baselineMs;
    return {
      name: NAME,
      ms,
      baselineMs,
      ratio,
      peakMB,
      baseline: `ExcelJS reading the input and writing ${outputCells} cells`,
      target: "<= 0.5x baseline and <= 400 MB peak",
      met: ratio <= 0.5 && peakMB <= 400,
      extra: {
        posts: POSTS,
        instruments: INSTRUMENTS,
        years: 3,
        outputCells,
        inputMB: Math.round((statSync(input).size / 1e6) * 10) / 10,
        outputMB: Math.round((statSync(join(dir, "out.xlsx")).size / 1e6) * 10) / 10,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
