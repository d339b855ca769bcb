import type { Problem } from "../engine/problem";
import { formatProblem } from "../workbook/formatProblem";
import type { CliIo } from "./cliIo";

/** Prints every problem on stderr, one a line, as `Sheet!A1: message` (warnings marked as such). */
export function printProblems(problems: readonly Problem[], io: CliIo): void {
  for (const p of problems) io.err(`${p.severity === "warning" ? "warning: " : ""}${formatProblem(p)}\n`);
}
