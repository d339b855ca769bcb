import { CHANGE_CAUSES, causeLabel } from "../engine/changes/changeCause";
import type { AttributionStep } from "../engine/changes/attributeChanges";
import type { Figures } from "../engine/changes/figures";
import { fromQuanta } from "../engine/money";
import type { Allocation } from "../engine/result";
import { columnLetter } from "./columnLetter";
import { fitColumnWidths } from "./fitColumnWidths";
import type { OutCell, OutputSheet } from "./grid";
import type { Comparison, RunComparison } from "./history/compareRuns";
import type { RunRecord } from "./history/runRecord";
import { moneyStyle } from "./moneyStyle";
import { outputPrintSetup } from "./outputPrintSetup";
import { OUTPUT_STYLE } from "./outputStyle";
import type { RunInfo } from "./runInfo";
import { safeText } from "./safeText";
import { sheetHeading } from "./sheetHeading";

type Row = (OutCell | null)[];

const HEADER = OUTPUT_STYLE.header;
const TOTAL = OUTPUT_STYLE.total;
/** The list of changed inputs stops after this many rows (the rest are counted). */
const MAX_LISTED = 2000;

/** The sentence that states the waterfall's order, as the sheet and the docs give it. */
export const ORDER_NOTE =
  "How a difference is attributed: starting from the earlier run's figures as recorded, its inputs are first " +
  "computed by this version of the add-in, then the changes are applied to them one group at a time, in this order: " +
  CHANGE_CAUSES.map((c, i) => `${i + 1}. ${c.label} (${c.covers})`).join("; ") +
  ". After each group every figure is computed again; a column shows what its group moved, so the columns add up " +
  "exactly to the difference. Groups without a change are left out. A group that cannot be computed on its own " +
  "(posts added to a unit whose rule is new too, say) is taken together with the next one.";

/**
 * The Changes sheet: for each instrument, the figures of the earlier run and of this one (direct,
 * PSC, total over the period), the difference and its parts by cause (attributeChanges), with live
 * totals and a check per row that the parts add up to the difference; then the inputs that
 * changed, sheet, row and value. It compares with the latest earlier run, and also with the last
 * approved run when that is another one; with no earlier run it says so.
 */
export function buildChangesSheet(
  comparison: RunComparison,
  allocation: Allocation,
  run: RunInfo,
  runNumber: number,
): OutputSheet {
  const { settings } = allocation;
  const cells: Row[] = [
    ...sheetHeading(`Changes: run ${runNumber} against earlier runs (${settings.currency})`, run),
    [],
  ];
  const notes = new Set<number>();
  const note = (text: string) => {
    cells.push([{ v: text, ...OUTPUT_STYLE.note }]);
    notes.add(cells.length);
  };
  if (comparison.previous === undefined) {
    note(
      comparison.skipped.length > 0
        ? `No earlier run has a record this version can read (see the warnings), so there is nothing to compare with. The next run compares with this one (run ${runNumber}).`
        : `No earlier run is recorded in this workbook, so there is nothing to compare with. The next run compares with this one (run ${runNumber}).`,
    );
  }
  for (const c of [comparison.previous, comparison.approved]) {
    if (c === undefined) continue;
    if (cells.length > 3) cells.push([]);
    cells.push([safeText(heading(c), { bold: true, size: 12 })]);
    if (c.basis === "previous" && comparison.skipped.length > 0) {
      const n = comparison.skipped;
      note(
        `Run${n.length === 1 ? "" : "s"} ${n.join(", ")} ${n.length === 1 ? "has" : "have"} no record this version can read ` +
          `(see the warnings); this compares with run ${c.against.run}, the latest that has one.`,
      );
    }
    if (!c.outcome.ok) {
      note(`Not compared: ${c.outcome.reason}.`);
      continue;
    }
    figureTable(c, cells, allocation.scenario);
    otherOptions(c, allocation, cells, note);
    listChanges(c, cells, note);
  }
  if (comparison.previous !== undefined) {
    cells.push([]);
    note(ORDER_NOTE);
  }
  const widths = fitColumnWidths(cells, { min: 11, max: 22, skipRows: notes });
  return {
    name: "Changes",
    cells,
    columnWidths: widths,
    print: outputPrintSetup([1, 1], settings),
    tabColor: OUTPUT_STYLE.tabColor,
  };
}

function heading(c: Comparison): string {
  const r = c.against;
  const when = r.time.replace("T", " ").replace("Z", " UTC");
  const paper = r.documentSymbol !== undefined ? `, ${r.documentSymbol}` : "";
  return c.basis === "approved"
    ? `Since the last approved run: run ${r.run} of ${when} (${r.status}${paper})`
    : `Since the previous run: run ${r.run} of ${when} (${r.status}${paper})`;
}

/** The name of a step's column. */
function stepLabel(step: AttributionStep): string {
  if (step.causes.includes("unattributed"))
    return "Not attributed (the earlier run's inputs are not recorded)";
  const labels = step.causes.map((c) => (c === "unattributed" ? "" : causeLabel(c)));
  return labels.length === 1 ? labels[0] : `${labels.join(" + ")} (together)`;
}

/** The figures table of one comparison (of the option written, in a run with options), with its totals and checks. */
function figureTable(c: Comparison, cells: Row[], written: string | undefined): void {
  if (!c.outcome.ok) return;
  const a = c.outcome.attribution;
  const { fmt, decimals } = moneyStyle(a.quantum);
  const money = (q: number) => fromQuanta(q, a.quantum);
  const right = { ...HEADER, align: "right" as const };
  const steps = a.steps;
  const L = columnLetter;
  const diffCol = 8;
  const firstStep = diffCol + 1;
  const lastStep = diffCol + steps.length;
  cells.push([
    { ...HEADER, v: "Instrument" },
    { ...right, v: `Run ${c.against.run}: direct` },
    { ...right, v: `Run ${c.against.run}: PSC` },
    { ...right, v: `Run ${c.against.run}: total` },
    { ...right, v: "Now: direct" },
    { ...right, v: "Now: PSC" },
    { ...right, v: "Now: total" },
    { ...right, v: "Difference (total)" },
    ...steps.map((s) => ({ ...right, v: stepLabel(s) })),
    ...(steps.length > 0 ? [{ ...right, v: OUTPUT_STYLE.checkLabel }] : []),
  ]);
  const first = cells.length + 1;
  const figure = (f: Figures | undefined, k: keyof Figures, style?: Partial<OutCell>): OutCell => ({
    ...style,
    v: money(f?.[k] ?? 0),
    fmt,
  });
  a.instruments.forEach((code, i) => {
    const row = first + i;
    const was = a.previous[code];
    const now = a.current[code];
    const diff = (now?.total ?? 0) - (was?.total ?? 0);
    cells.push([
      safeText(code),
      figure(was, "direct"),
      figure(was, "psc"),
      figure(was, "total"),
      figure(now, "direct"),
      figure(now, "psc"),
      figure(now, "total"),
      { f: `G${row}-D${row}`, v: money(diff), fmt },
      ...steps.map((s) => ({ v: money(s.parts[code]?.total ?? 0), fmt })),
      ...(steps.length > 0 ? [check(row, firstStep, lastStep, diffCol, decimals, fmt)] : []),
    ]);
  });
  const last = first + a.instruments.length - 1;
  const totalRow = last + 1;
  const sumOf = (col: number, values: number[]): OutCell =>
    a.instruments.length > 0
      ? {
          ...TOTAL,
          f: `SUM(${L(col)}${first}:${L(col)}${last})`,
          v: money(values.reduce((s, v) => s + v, 0)),
          fmt,
        }
      : { ...TOTAL, v: 0, fmt };
  const per = (get: (code: string) => number) => a.instruments.map(get);
  cells.push([
    { ...TOTAL, v: "Total" },
    sumOf(
      2,
      per((k) => a.previous[k]?.direct ?? 0),
    ),
    sumOf(
      3,
      per((k) => a.previous[k]?.psc ?? 0),
    ),
    sumOf(
      4,
      per((k) => a.previous[k]?.total ?? 0),
    ),
    sumOf(
      5,
      per((k) => a.current[k]?.direct ?? 0),
    ),
    sumOf(
      6,
      per((k) => a.current[k]?.psc ?? 0),
    ),
    sumOf(
      7,
      per((k) => a.current[k]?.total ?? 0),
    ),
    sumOf(
      diffCol,
      per((k) => (a.current[k]?.total ?? 0) - (a.previous[k]?.total ?? 0)),
    ),
    ...steps.map((s, j) =>
      sumOf(
        firstStep + j,
        per((k) => s.parts[k]?.total ?? 0),
      ),
    ),
    ...(steps.length > 0
      ? [{ ...check(totalRow, firstStep, lastStep, diffCol, decimals, fmt), ...TOTAL }]
      : []),
  ]);
  if (steps.length === 0) {
    const what = written === undefined ? "No figure" : `No figure of option '${written}'`;
    cells.push([{ v: `${what} changed, and no input that moves one.`, ...OUTPUT_STYLE.note }]);
  }
}

/**
 * The other options compared (the table above is the option written): each instrument whose
 * total changed since the earlier run, before and after, not attributed to causes. Only when
 * both runs compared options.
 */
function otherOptions(
  c: Comparison,
  allocation: Allocation,
  cells: Row[],
  note: (text: string) => void,
): void {
  const rows = c.otherOptions;
  if (rows === undefined) return;
  cells.push([]);
  if (rows.length === 0) {
    note(`The other options compared have the same totals as in run ${c.against.run}.`);
    return;
  }
  note(
    `The other options compared (Options sheet): each instrument whose total changed since run ${c.against.run}. ` +
      "Their differences are not attributed to causes; the table above is the option written.",
  );
  const { fmt } = moneyStyle(Math.min(c.against.figures.rounding, allocation.settings.rounding));
  const right = { ...HEADER, align: "right" as const };
  cells.push([
    { ...HEADER, v: "Option" },
    { ...HEADER, v: "Instrument" },
    { ...right, v: `Run ${c.against.run}: total` },
    { ...right, v: "Now: total" },
    { ...right, v: "Difference (total)" },
  ]);
  for (const { option, instrument, before, after, only } of rows) {
    const row = cells.length + 1;
    // An option in one run only has nothing to compare with: it says so, rather than 0.
    cells.push([
      safeText(option),
      safeText(instrument),
      only === "now" ? { v: "(new option)", align: "right" } : { v: before, fmt },
      only === "before" ? { v: "(no longer an option)", align: "right" } : { v: after, fmt },
      only !== undefined ? null : { f: `D${row}-C${row}`, v: after - before, fmt },
    ]);
  }
}

/** The check of one row: the parts less the difference, 0 when they add up. */
function check(
  row: number,
  from: number,
  to: number,
  diffCol: number,
  decimals: number,
  fmt: string,
): OutCell {
  const L = columnLetter;
  return {
    f: `ROUND(SUM(${L(from)}${row}:${L(to)}${row})-${L(diffCol)}${row},${decimals})`,
    v: 0,
    fmt,
    italic: true,
  };
}

/** The inputs that changed since the earlier run, one row each. */
function listChanges(c: Comparison, cells: Row[], note: (text: string) => void): void {
  const changes = c.changes;
  if (changes === undefined) {
    note(`The inputs of run ${c.against.run} are not recorded, so the inputs that changed cannot be listed.`);
    return;
  }
  cells.push([]);
  cells.push([safeText(`Inputs changed since run ${c.against.run}`, { bold: true })]);
  if (changes.length === 0) {
    note(sameInputs(c.against));
    return;
  }
  cells.push(
    ["Sheet", "Row", "What", "Column", "Was", "Now", "Group"].map((label) => ({ ...HEADER, v: label })),
  );
  for (const ch of changes.slice(0, MAX_LISTED)) {
    const row = ch.kind === "removed" ? `${ch.row ?? ""} (earlier)` : ch.row;
    cells.push([
      safeText(ch.sheet),
      row === undefined ? null : typeof row === "number" ? { v: row, fmt: "0" } : safeText(row),
      safeText(ch.kind === "changed" ? ch.item : `${ch.item} ${ch.kind}`),
      ch.field !== undefined ? safeText(ch.field) : null,
      ch.before !== undefined ? safeText(ch.before) : null,
      ch.after !== undefined ? safeText(ch.after) : null,
      safeText(
        ch.cause === "other"
          ? "No share (titles, annex settings; Baseline: savings; Parties, Scales: contributions)"
          : causeLabel(ch.cause),
      ),
    ]);
  }
  if (changes.length > MAX_LISTED) note(`And ${changes.length - MAX_LISTED} more changes.`);
}

function sameInputs(record: RunRecord): string {
  return `None of the inputs the add-in reads changed since run ${record.run}.`;
}
