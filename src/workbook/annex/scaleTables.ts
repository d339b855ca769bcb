import { largestRemainder } from "../../engine/largestRemainder";
import type { Language } from "../../engine/model";
import type { Allocation, ContributionBasis, InstrumentContributions } from "../../engine/result";
import type { AnnexColumn, AnnexFootnote, AnnexRow, AnnexTable } from "./annexTables";
import { footnoteLetter } from "./footnoteLetter";
import { formatAmount } from "./formatAmount";
import { formatPercent } from "./formatPercent";
import { annexMessages, type AnnexMessages } from "./i18n";

/** The footnoted ways a figure can be set, in the order their letters are handed out. */
const NOTED: readonly ContributionBasis[] = ["fixed", "floor", "ceiling", "exempt"];

/**
 * The "Scale of contributions" annex: one table per instrument with Parties — each Party's UN
 * scale rate, its adjusted scale, its contribution per year and in total, and a totals row —
 * with the Parties in alphabetical order as the language sorts them (Côte d'Ivoire after Costa
 * Rica, Ñ after N), and a lettered footnote for every Party whose figure a rule set: a fixed
 * share, the minimum contribution, the maximum share, or the threshold.
 */
export function scaleTables(
  allocation: Allocation,
  language: Language,
  heading: string,
  costSharingAnnex: string,
): AnnexTable[] {
  const m = annexMessages[language];
  return (allocation.contributions ?? []).map((c, k) =>
    scaleTable(allocation, c, language, m, heading, costSharingAnnex, k === 0),
  );
}

function scaleTable(
  allocation: Allocation,
  c: InstrumentContributions,
  language: Language,
  m: AnnexMessages,
  heading: string,
  costSharingAnnex: string,
  first: boolean,
): AnnexTable {
  const { settings, years } = allocation;
  const y = years.length;
  const columns: AnnexColumn[] = [
    { header: m.party, kind: "label" },
    { header: m.unScale, kind: "rate" },
    { header: m.adjustedScale, kind: "rate" },
    ...years.map((year): AnnexColumn => ({ header: String(year), kind: "amount" })),
    { header: m.total, kind: "amount", sumOfColumns: range(3, 2 + y) },
  ];
  const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
  const parties = [...c.parties].sort(
    (a, b) => collator.compare(a.party, b.party) || (a.party < b.party ? -1 : 1),
  );

  const letters = new Map<ContributionBasis, string>();
  const footnotes: AnnexFootnote[] = [];
  const present = new Set(parties.flatMap((p) => p.basis));
  for (const basis of NOTED) {
    if (!present.has(basis)) continue;
    const letter = footnoteLetter(footnotes.length);
    letters.set(basis, letter);
    footnotes.push({ letter, text: footnoteText(basis, c, allocation, language, m) });
  }

  // The adjusted scale as printed (in thousandths of a percent), by largest remainder: the column
  // adds up to the 100.000 printed below it, as each Party's exact share printed alone did not
  // (100.002 for 24 Parties).
  const exact = parties.map((p) => p.share);
  const whole = Math.abs(exact.reduce((s, v) => s + v, 0) - 1) < 1e-9;
  const shown = whole
    ? largestRemainder(
        100_000,
        exact,
        parties.map((p) => p.party),
      ).map((units) => units / 100_000)
    : exact;
  const rows: AnnexRow[] = parties.map((p, k) => ({
    kind: "detail",
    cells: [p.party, p.unScale ?? null, shown[k], ...p.byYear, p.total],
    notes: NOTED.filter((b) => p.basis.includes(b)).map((b) => letters.get(b) ?? ""),
  }));
  const sum = (get: (p: InstrumentContributions["parties"][number]) => number) =>
    parties.reduce((s, p) => s + get(p), 0);
  rows.push({
    kind: "total",
    cells: [
      m.total,
      sum((p) => p.unScale ?? 0),
      shown.reduce((s, v) => s + v, 0),
      ...years.map((_, k) => sum((p) => p.byYear[k])),
      sum((p) => p.total),
    ],
    notes: [],
    sumOfRows: range(0, parties.length - 1),
  });
  const period = m.period(years[0], years[years.length - 1]);
  return {
    part: 5,
    first,
    heading,
    title: m.scaleTitle,
    caption: m.scaleCaption(c.instrument, period, settings.currency),
    columns,
    rows,
    footnotes,
    notes: c.amountFromAllocation ? [m.scaleNote, m.scaleFromAllocation(costSharingAnnex)] : [m.scaleNote],
  };
}

function footnoteText(
  basis: ContributionBasis,
  c: InstrumentContributions,
  allocation: Allocation,
  language: Language,
  m: AnnexMessages,
): string {
  switch (basis) {
    case "fixed":
      return m.scaleFixed;
    case "floor":
      return m.scaleFloor(
        formatAmount(c.floor ?? 0, allocation.settings.rounding, language),
        allocation.settings.currency,
      );
    case "ceiling":
      return m.scaleCeiling(formatPercent(c.ceiling ?? 1, language, 3));
    default:
      return m.scaleExempt(formatPercent(c.threshold ?? 0, language, 3));
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
