import { hasErrors } from "../engine/problem";
import { analyseInput } from "./analyseInput";
import type { CliIo } from "./cliIo";
import { printProblems } from "./printProblems";
import { readInputFile } from "./readInputFile";

/** `costshare validate IN.xlsx`: lists every problem and writes nothing; 0 when no problem is an error, else 2. */
export async function validateCommand(input: string, io: CliIo): Promise<number> {
  const analysis = await analyseInput(input, await readInputFile(input));
  printProblems(analysis.problems, io);
  if (hasErrors(analysis.problems)) {
    const errors = analysis.problems.filter((p) => p.severity === "error").length;
    io.err(`${input}: ${errors} problem${errors === 1 ? "" : "s"} to fix.\n`);
    return 2;
  }
  const a = analysis.allocation;
  const m = analysis.model;
  // The rows as the sheets hold them: with options, the lines of every option, not only the one written.
  const rows = m === undefined ? 0 : m.posts.length + m.budget.length;
  const options = a?.scenarios?.length ?? 0;
  const lines =
    options > 0 ? `${rows} posts and budget lines in ${options} options` : `${rows} posts and budget lines`;
  io.out(
    `${input}: no problems found` +
      (a ? ` (${a.instruments.length} instruments, ${lines}, ${a.years.length} years).\n` : ".\n"),
  );
  return 0;
}
