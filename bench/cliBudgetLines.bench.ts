/**
 * `costshare allocate` on 100,000 budget lines (100 posts, 9 instruments, 3 years): it must
 * complete in under 1 GB of memory, and within 10× the time ExcelJS takes merely to read the
 * workbook (measured beside it) — a bar that catches work growing with the square of the rows,
 * as reading did until the rows above each row were gathered for every row (328 s, 93×).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { main } from "../src/cli/main";
import type { BenchResult } from "./benchmark";
import { medianMs } from "./benchmark";
import { childPeakMB, generate } from "./cli.bench";

const SHAPE = { posts: 100, instruments: 9, budgetLines: 100_000 };

/** The benchmark. */
export async function bench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "costshare-bench-budget-"));
  try {
    const input = join(dir, "in.xlsx");
    await generate(input, SHAPE);
    const argv = ["allocate", input, "--out", join(dir, "out.xlsx"), "--force"];
    // The peak first, in a fresh process: it is what the limit is about.
    const peakMB = childPeakMB(argv);
    const quiet = { out: () => undefined, err: (t: string) => void process.stderr.write(t) };
    let code = -1;
    const ms = await medianMs(
      async () => {
        code = await main(argv, quiet);
      },
      1,
      0,
    );
    if (code !== 0) throw new Error(`costshare allocate exited ${code} on 100,000 budget lines`);
    // ExcelJS writing as many cells as the output holds (6.6 million) needs gigabytes and minutes:
    // the floor here is ExcelJS merely reading the input.
    const baselineMs = await medianMs(
      async () => {
        await new Workbook().xlsx.readFile(input);
      },
      1,
      0,
    );
    return {
      name: "cli-100k-budget-lines-9-instruments-3-years",
      ms,
      baselineMs,
      ratio: ms / baselineMs,
      peakMB,
      baseline: "ExcelJS reading the input",
      target: "completes, < 1024 MB peak, <= 10x baseline",
      met: peakMB < 1024 && ms / baselineMs <= 10,
      extra: {
        ...SHAPE,
        inputMB: Math.round((statSync(input).size / 1e6) * 10) / 10,
        outputMB: Math.round((statSync(join(dir, "out.xlsx")).size / 1e6) * 10) / 10,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
