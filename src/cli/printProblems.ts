import type { Problem } from "../engine/problem";
import { placeProblem } from "../workbook/formatProblem";
import type { CliIo } from "./cliIo";

/** Prints every problem on stderr, one a line, as `Sheet!A1: message` (a warning as `warning: Sheet!A1: message`). */
export function printProblems(problems: readonly Problem[], io: CliIo): void {
  for (const p of problems)
    io.err(`${p.severity === "warning" ? "warning: " : ""}${placeProblem(p, p.message)}\n`);
}
