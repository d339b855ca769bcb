import type { Problem } from "../engine/problem";
import { formatProblem } from "../workbook/formatProblem";
import type { CliIo } from "./cliIo";

/** Prints every problem on stderr, one a line, as `Sheet!A1: message` (a warning as `Sheet!A1: warning: message`). */
export function printProblems(problems: readonly Problem[], io: CliIo): void {
  for (const p of problems) io.err(`${formatProblem(p)}\n`);
}
