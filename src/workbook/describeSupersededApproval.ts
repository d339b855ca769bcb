import { formatNumber } from "./annex/formatNumber";
import { roundingDecimals } from "./annex/formatAmount";
import type { InstrumentChange } from "./history/approvedFigureChanges";
import type { SupersededApproval } from "./history/supersededApproval";

/** At most this many instruments are named one by one; the rest are counted. */
const MAX_NAMED = 12;
/** At most this many Parties of an instrument are named; the rest are counted. */
const MAX_PARTIES = 5;

/**
 * What a run over an approved one would change, in lines for the CLI's refusal and the pane's
 * dialog: the approved run, then each instrument whose figures change (total, direct, PSC, before
 * → after), then how many yearly figures and shares of common services change, whose savings
 * against the Baseline and which Parties' contributions change, then, one line each, the options
 * compared whose figures change, with each instrument's total before → after (and whose savings
 * change); last, when this run still names the approved paper, that a revision would name its own.
 */
export function describeSupersededApproval(s: SupersededApproval): string[] {
  const paper = s.documentSymbol !== undefined ? ` (${s.documentSymbol})` : "";
  const when = s.time !== undefined ? ` of ${s.time.replace("T", " ").replace("Z", " UTC")}` : "";
  if (s.changes === undefined) {
    return [
      `Run ${s.run}${when} is approved${paper} according to the Log, but its record cannot be read, ` +
        "so costshare cannot tell which approved figures this run would change.",
      ...samePaperHint(s),
    ];
  }
  const c = s.changes;
  const decimals = roundingDecimals(c.quantum);
  const money = (q: number) => formatNumber(q * c.quantum, "en", decimals);
  // A minus sign, as the pane's other changes are shown ("−6,600"), not a hyphen.
  const signed = (q: number) => `${q > 0 ? "+" : q < 0 ? "\u2212" : ""}${money(Math.abs(q))}`;
  const lines = [`Run ${s.run}${when} was approved${paper}. This run would change its figures:`];
  if (s.inputs !== undefined) lines.push(`  ${s.inputs}`);
  if (c.currency !== undefined)
    lines.push(`  the currency, from ${c.currency.before} to ${c.currency.after}, and so every figure`);
  // An instrument's changed figures: "total a → b (±d); direct …; PSC …" (only those that change).
  const figures = (i: InstrumentChange): string => {
    const parts = [
      `total ${money(i.before.total)} \u2192 ${money(i.after.total)} (${signed(i.after.total - i.before.total)})`,
    ];
    if (i.before.direct !== i.after.direct)
      parts.push(`direct ${money(i.before.direct)} \u2192 ${money(i.after.direct)}`);
    if (i.before.psc !== i.after.psc) parts.push(`PSC ${money(i.before.psc)} \u2192 ${money(i.after.psc)}`);
    return parts.join("; ");
  };
  for (const i of c.instruments.slice(0, MAX_NAMED)) lines.push(`  ${i.instrument}: ${figures(i)}`);
  if (c.instruments.length > MAX_NAMED)
    lines.push(`  and ${c.instruments.length - MAX_NAMED} more instruments`);
  // Whose yearly figures and shares of common services change, named up to MAX_NAMED each.
  const first = <T>(list: readonly T[]): { shown: T[]; rest: string } => ({
    shown: list.slice(0, MAX_NAMED),
    rest: list.length > MAX_NAMED ? ` and ${list.length - MAX_NAMED} more` : "",
  });
  const more: string[] = [];
  if (c.years > 0) {
    const { shown, rest } = first(c.yearsOf);
    more.push(
      `${c.years} yearly figure${c.years === 1 ? "" : "s"} (of ${rest ? shown.join(", ") : andList(shown)}${rest})`,
    );
  }
  const shares = c.unitsOf.reduce((n, u) => n + u.instruments.length, 0);
  if (shares > 0) {
    const { shown, rest } = first(c.unitsOf);
    const whose = shown.map((u) => `${u.unit}: ${u.instruments.join(", ")}`).join("; ");
    more.push(`${shares} share${shares === 1 ? "" : "s"} of common services (${whose}${rest})`);
  }
  if (more.length > 0) lines.push(`  ${c.instruments.length > 0 ? "with" : "its"} ${more.join(" and ")}`);
  // Figures beside the shares: savings against the Baseline, and the Parties' contributions.
  const figureLines = () => lines.length - (s.inputs !== undefined ? 2 : 1);
  const and = () => (figureLines() > 0 ? "and " : "");
  if (c.savingsOf.length > 0) {
    const { shown, rest } = first(c.savingsOf);
    lines.push(
      `  ${and()}the savings against the Baseline of ${rest ? shown.join(", ") : andList(shown)}${rest} ` +
        "(Savings sheet, the annex's savings table)",
    );
  }
  if (c.contributionsOf.length > 0) {
    const { shown, rest } = first(c.contributionsOf);
    const whose = shown.map(({ instrument, parties }) => {
      const named = parties.slice(0, MAX_PARTIES).join(", ");
      const others = parties.length > MAX_PARTIES ? ` and ${parties.length - MAX_PARTIES} more` : "";
      return `${parties.length} Part${parties.length === 1 ? "y" : "ies"} to ${instrument} (${named}${others})`;
    });
    lines.push(
      `  ${and()}the contributions of ${andList(whose)}${rest ? `${rest} instruments` : ""} ` +
        "(Contributions sheet, the annex's scales of contributions)",
    );
  }
  if (c.options.length > 0) {
    const saved = c.options.some((o) => (o.savingsOf?.length ?? 0) > 0);
    const totals = c.options.some((o) => o.instruments.length > 0 || o.only !== undefined);
    const what = saved ? (totals ? "the totals and savings" : "the savings") : "the totals";
    lines.push(
      `  ${figureLines() > 0 ? "and " : ""}${what} of the options compared (Options sheet, the annex's options table):`,
    );
  }
  // One line per option, totals only (the Changes and Options sheets have the rest): an edit that
  // moves every option would otherwise fill the question with direct and PSC figures.
  const total = (i: InstrumentChange): string =>
    i.before.total !== i.after.total
      ? `${i.instrument} ${money(i.before.total)} \u2192 ${money(i.after.total)} (${signed(i.after.total - i.before.total)})`
      : `${i.instrument} direct ${money(i.before.direct)} \u2192 ${money(i.after.direct)}, PSC ${money(i.before.psc)} \u2192 ${money(i.after.psc)}`;
  for (const o of c.options) {
    if (o.only === "approved") {
      lines.push(`  option '${o.option}': no longer compared (it is not among this run's options)`);
    } else if (o.only === "now") {
      lines.push(`  option '${o.option}': new`);
    } else {
      const named = o.instruments.slice(0, MAX_NAMED).map(total);
      const rest = o.instruments.length - MAX_NAMED;
      if (rest > 0) named.push(`and ${rest} more instruments`);
      if (o.savingsOf !== undefined && o.savingsOf.length > 0) {
        const { shown, rest: others } = first(o.savingsOf);
        named.push(`savings of ${others ? shown.join(", ") : andList(shown)}${others}`);
      }
      lines.push(`  option '${o.option}': ${named.join("; ")}`);
    }
  }
  return [...lines, ...samePaperHint(s)];
}

/** "A", "A and B", "A, B and C". */
function andList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** When this run still names the approved run's paper: a revision would name its own. */
export function samePaperHint(s: SupersededApproval): string[] {
  if (s.samePaper !== true || s.documentSymbol === undefined) return [];
  return [
    `This run still names the approved paper, ${s.documentSymbol}: if it serves another paper (a ` +
      "revision), change DocumentSymbol in the Settings sheet first.",
  ];
}
