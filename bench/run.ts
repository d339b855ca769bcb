/**
 * `npm run bench` runs every bench/*.bench.ts, each in its own Node process so that peak memory
 * is its own; `npm run bench -- --json` prints one JSON line per benchmark.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { BenchResult } from "./benchmark";

const json = process.argv.includes("--json");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = false;
for (const file of files) {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", join(__dirname, "one.ts"), join(__dirname, file)],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const lines = out
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"));
  for (const line of lines) {
    const r = JSON.parse(line) as BenchResult;
    failed ||= !r.met;
    if (json) {
      process.stdout.write(`${line}\n`);
    } else {
      process.stdout.write(
        `${r.met ? "ok  " : "MISS"} ${r.name}: ${r.ms.toFixed(1)} ms, baseline ${r.baselineMs.toFixed(1)} ms ` +
          `(${r.baseline}), ratio ${r.ratio.toFixed(2)}x, peak ${r.peakMB.toFixed(0)} MB; target ${r.target}\n`,
      );
    }
  }
}
if (failed && !json) process.stdout.write("Some targets were missed (see MISS above).\n");
