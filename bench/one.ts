/** Runs one benchmark module in this process and prints its result as one JSON line. */
import type { Benchmark } from "./benchmark";

async function run(file: string): Promise<void> {
  const mod = (await import(file)) as { bench: Benchmark };
  const result = await mod.bench();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

run(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
