import { holdsIn } from "../engine/holdsIn";
import type { Model } from "../engine/model";
import { problemAt, type Problem } from "../engine/problem";
import { scenarioKey } from "../engine/scenarioKey";
import { scenarioNames } from "../engine/scenarioNames";

/**
 * How much one run allocates at most, stated so that a workbook beyond it is refused with a
 * clear message before any work starts, rather than running out of memory halfway: every
 * instrument is a column of the output sheets, and every line's share of every instrument in
 * every year is a figure that is computed, written and checked.
 */
export const SIZE_LIMITS: Readonly<Record<"instruments" | "lines" | "shares", number>> = {
  /** Instruments sharing the costs (the CMS Family has about 30). */
  instruments: 1_000,
  /** Posts and budget lines together. */
  lines: 200_000,
  /** Shares computed: lines x years x instruments, summed over the options (each runs on its own rows). */
  shares: 3_000_000,
};

/** Problems for a model beyond SIZE_LIMITS, each at the first row past the limit. */
export function sizeProblems(model: Model): Problem[] {
  const problems: Problem[] = [];
  const { instruments } = model;
  if (instruments.length > SIZE_LIMITS.instruments) {
    problems.push(
      problemAt(
        instruments[SIZE_LIMITS.instruments].source,
        "Code",
        `The workbook lists ${count(instruments.length)} instruments; costshare shares costs among at most ` +
          `${count(SIZE_LIMITS.instruments)} (each is a column of the output sheets). Keep only the instruments that share these services.`,
      ),
    );
    return problems;
  }
  const lines = [...model.posts, ...model.budget];
  if (lines.length > SIZE_LIMITS.lines) {
    problems.push(
      problemAt(
        lines[SIZE_LIMITS.lines].source,
        undefined,
        `The workbook has ${count(lines.length)} posts and budget lines; costshare allocates at most ${count(SIZE_LIMITS.lines)} ` +
          `in one run. Group small lines, or split the budget into several workbooks.`,
      ),
    );
    return problems;
  }
  const years = Math.max(1, model.settings.years);
  const options = scenarioNames(model);
  // Every option runs the whole computation on the rows that hold in it.
  const runLines =
    options.length === 0
      ? lines.length
      : options.reduce((n, name) => n + lines.filter((l) => holdsIn(l, scenarioKey(name))).length, 0);
  const shares = runLines * years * instruments.length;
  if (shares > SIZE_LIMITS.shares && instruments.length > 0) {
    const fit = Math.max(1, Math.floor(SIZE_LIMITS.shares / Math.max(1, runLines * years)));
    const inOptions = options.length === 0 ? "" : ` in ${count(options.length)} options`;
    problems.push(
      problemAt(
        instruments[Math.min(fit, instruments.length - 1)].source,
        "Code",
        `${count(lines.length)} posts and budget lines${inOptions} over ${years} year${years === 1 ? "" : "s"} among ${count(instruments.length)} instruments ` +
          `make ${count(shares)} shares to compute; costshare computes at most ${count(SIZE_LIMITS.shares)} in one run, ` +
          `so with these lines and years at most ${count(fit)} instruments. Group small lines, shorten the period, compare fewer options, or split the workbook.`,
      ),
    );
  }
  return problems;
}

/** A count with thousands separators (1,000,000), the same in every runtime. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
