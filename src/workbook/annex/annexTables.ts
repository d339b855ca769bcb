import { InvariantError } from "../../engine/errors";
import { largestRemainder } from "../../engine/largestRemainder";
import type { Language } from "../../engine/model";
import type { Allocation, LineResult, RuleApplied, UnitResult } from "../../engine/result";
import { describeRule } from "./describeRule";
import { footnoteLetter } from "./footnoteLetter";
import { formatPercent } from "./formatPercent";
import { annexMessages, numberedAnnexes, type AnnexMessages } from "./i18n";
import { optionsTable } from "./optionsTable";
import { ownSplitPosts } from "./ownSplitPosts";
import { scaleTables } from "./scaleTables";

export { footnoteLetter } from "./footnoteLetter";

/**
 * The annex content model: every table of Annexes 1–3 as plain data, built once from the
 * allocation and rendered by the sheet, the .docx and the HTML writers, so the figures are the
 * same everywhere.
 */

/**
 * What a column holds: the row label, other text, money (quanta), staff time, a fraction, or a
 * rate of the UN scale (a fraction printed in percent to three decimals, as the UN prints the scale).
 */
export type AnnexColumnKind = "label" | "text" | "amount" | "fte" | "percent" | "rate";

/** One column of an annex table. */
export interface AnnexColumn {
  header: string;
  kind: AnnexColumnKind;
  /** A total column: each row's value is the sum of these columns (indexes), for live formulas. */
  sumOfColumns?: number[];
  /** Decimals of an FTE column: 2 where any of its figures has hundredths, else 1 (every row alike). */
  decimals?: number;
}

/**
 * The role of a row: a group heading (label only), a detail line, a subtotal or total (bold, top
 * border), or the programme support costs line between them.
 */
export type AnnexRowKind = "group" | "detail" | "subtotal" | "psc" | "total";

/** A cell: amounts are integer quanta of Settings.rounding, percents are fractions, FTE plain numbers. */
export type AnnexCell = number | string | null;

/** One row of an annex table. */
export interface AnnexRow {
  kind: AnnexRowKind;
  /** One cell per column; cells[0] is the label. */
  cells: AnnexCell[];
  /** Footnote letters attached to the label ("a", "e"). */
  notes: string[];
  /** This row is the sum of these rows (indexes in the same table), for live formulas. */
  sumOfRows?: number[];
  /** This row is row [0] minus row [1] (indexes in the same table). */
  differenceOf?: [number, number];
}

/** A lettered footnote. */
export interface AnnexFootnote {
  letter: string;
  text: string;
}

/** One table of an annex. An annex may hold several tables (the period, then each year). */
export interface AnnexTable {
  /**
   * Which annex: 1 = cost sharing, 2 = staffing, 3 = savings, 4 = options compared (only for a
   * workbook with options), 5 = scales of contributions (only with Parties), before numbering
   * from annexStart: the annexes present are numbered in this order without gaps.
   */
  part: 1 | 2 | 3 | 4 | 5;
  /** True for the first table of its annex: renderers print the heading and title before it. */
  first: boolean;
  /** "Annex 1", numbered from Settings.annexStart. */
  heading: string;
  /** "Cost sharing of common services". */
  title: string;
  /** "Period 2015–2017 (EUR)". */
  caption: string;
  columns: AnnexColumn[];
  rows: AnnexRow[];
  /** Lettered footnotes printed under this table. */
  footnotes: AnnexFootnote[];
  /** Unlettered notes printed under this table, after the footnotes. */
  notes: string[];
}

/**
 * Builds Annexes 1–3 from an allocation, then Annex 4 "Options compared" when the workbook has
 * options, then the scale of contributions of each instrument with Parties when the run has one
 * (Annex 4, or 5 after the options), in the given language (default: the settings' language,
 * then en).
 */
export function annexTables(allocation: Allocation, language?: Language): AnnexTable[] {
  const lang = language ?? allocation.settings.language ?? "en";
  const m = numberedAnnexes(annexMessages[lang], allocation.settings.annexRoman);
  const start = allocation.settings.annexStart ?? 1;
  const headings = [m.annex(start), m.annex(start + 1), m.annex(start + 2)] as const;
  const hasOptions = allocation.scenarios !== undefined;
  return [
    ...costSharingTables(allocation, lang, m, headings[0], headings[1]),
    staffingTable(allocation, m, headings[1]),
    savingsTable(allocation, m, headings[2]),
    ...(hasOptions ? [optionsTable(allocation, lang, m, m.annex(start + 3))] : []),
    ...scaleTables(allocation, lang, m.annex(start + (hasOptions ? 4 : 3)), headings[0]),
  ].map(withFteDecimals);
}

/** The table with each FTE column's decimals set, so that a column reads "12.00" beside "10.67", not "12.0". */
function withFteDecimals(table: AnnexTable): AnnexTable {
  const columns = table.columns.map((column, c) => {
    if (column.kind !== "fte") return column;
    const hundredths = table.rows.some((row) => {
      const v = row.cells[c];
      return typeof v === "number" && Math.round(v * 100) % 10 !== 0;
    });
    return { ...column, decimals: hundredths ? 2 : 1 };
  });
  return { ...table, columns };
}

/** Annex 1: the period table, then one table per year when the period has more than one. */
function costSharingTables(
  allocation: Allocation,
  lang: Language,
  m: AnnexMessages,
  heading: string,
  staffingAnnex: string,
): AnnexTable[] {
  const { settings, years, instruments } = allocation;
  const n = instruments.length;
  const operating = allocation.units.filter((u) => !u.support);
  const supportUnits = allocation.units.filter((u) => u.support);
  const unitOrder = allocation.units.map((u) => u.unit);
  const context = {
    instruments,
    language: lang,
    supportMethod: settings.supportMethod,
    staffingAnnex,
    unitOrder,
  };

  // One letter per operating unit for its own rule, then one per support unit, attached to each unit it served.
  const footnotes: AnnexFootnote[] = [];
  const notesByUnit = new Map<string, string[]>(operating.map((u) => [u.unit, []]));
  for (const unit of operating) {
    const letter = footnoteLetter(footnotes.length);
    const rule = ruleOf(allocation.rules, unit);
    const text = describeRule(rule, context);
    // A footnote states everything that shaped the unit's figures: posts that follow their own split too.
    const own = rule.method === "posts" ? [] : ownSplitPosts(allocation, unit.unit);
    const ownText =
      own.length === 0 ? "" : ` ${m.ownSplits(own.length <= 3 ? own : [], own.length, staffingAnnex)}`;
    footnotes.push({ letter, text: text + ownText });
    notesByUnit.get(unit.unit)?.push(letter);
  }
  for (const unit of supportUnits) {
    const letter = footnoteLetter(footnotes.length);
    footnotes.push({ letter, text: describeRule(ruleOf(allocation.rules, unit), context) });
    for (const served of servedBy(allocation, unit)) notesByUnit.get(served)?.push(letter);
  }

  const columns: AnnexColumn[] = [
    { header: m.commonService, kind: "label" },
    ...instruments.map((code): AnnexColumn => ({ header: code, kind: "amount" })),
    { header: m.total, kind: "amount", sumOfColumns: range(1, n) },
  ];
  const pscLabel = m.psc(formatPercent(settings.psc, lang));
  const period = m.period(years[0], years[years.length - 1]);

  const table = (yearIndexes: number[], caption: string): AnnexTable => {
    const pick = (perYear: (y: number) => number) => yearIndexes.reduce((sum, y) => sum + perYear(y), 0);
    const rows: AnnexRow[] = operating.map((unit) => {
      const shares = instruments.map((_, i) => pick((y) => unit.shares[y * n + i]));
      const total = pick((y) => unit.totals[y]);
      checkSum(shares, total, `unit ${unit.unit}`);
      return {
        kind: "detail",
        cells: [unit.unit, ...shares, total],
        notes: notesByUnit.get(unit.unit) ?? [],
      };
    });
    const byInstrument = (field: "direct" | "psc" | "total") =>
      allocation.instrumentTotals.map((t) => pick((y) => t[field][y]));
    const grand = (field: "direct" | "psc" | "total") => pick((y) => allocation.grandTotal[field][y]);
    const subtotal = byInstrument("direct");
    const psc = byInstrument("psc");
    const total = byInstrument("total");
    const unitRows = range(0, rows.length - 1);
    for (let i = 0; i < n; i++) {
      checkSum(
        unitRows.map((r) => rows[r].cells[i + 1] as number),
        subtotal[i],
        `the direct share of ${instruments[i]}`,
      );
      checkSum([subtotal[i], psc[i]], total[i], `the total of ${instruments[i]}`);
    }
    checkSum(subtotal, grand("direct"), "the grand total before support costs");
    checkSum(psc, grand("psc"), "the programme support costs");
    const sub = rows.length;
    rows.push(
      { kind: "subtotal", cells: [m.subtotal, ...subtotal, grand("direct")], notes: [], sumOfRows: unitRows },
      { kind: "psc", cells: [pscLabel, ...psc, grand("psc")], notes: [] },
      { kind: "total", cells: [m.total, ...total, grand("total")], notes: [], sumOfRows: [sub, sub + 1] },
    );
    return {
      part: 1,
      first: false,
      heading,
      title: m.costSharingTitle,
      caption,
      columns,
      rows,
      footnotes: [],
      notes: [],
    };
  };

  const tables = [table(range(0, years.length - 1), m.periodCaption(period, settings.currency))];
  if (years.length > 1) {
    years.forEach((year, y) => tables.push(table([y], m.yearCaption(year, settings.currency))));
  }
  tables[0].first = true;
  tables[tables.length - 1].footnotes = footnotes;
  return tables;
}

/** Annex 2: posts grouped by unit (in unit order) and sorted by grade, with FTE and each instrument's %. */
function staffingTable(allocation: Allocation, m: AnnexMessages, heading: string): AnnexTable {
  const { instruments } = allocation;
  const n = instruments.length;
  const posts = allocation.lines.filter((l) => l.kind === "post");
  const unitOrder = allocation.units.map((u) => u.unit);
  const units = [...new Set(posts.map((p) => p.unit))].sort(
    (a, b) => indexOr(unitOrder, a) - indexOr(unitOrder, b),
  );
  const columns: AnnexColumn[] = [
    { header: m.post, kind: "label" },
    { header: m.grade, kind: "text" },
    { header: m.fte, kind: "fte" },
    ...instruments.map((code): AnnexColumn => ({ header: code, kind: "percent" })),
  ];
  const rows: AnnexRow[] = [];
  const unitTotals: number[] = [];
  for (const unit of units) {
    rows.push({ kind: "group", cells: [unit, ...blank(2 + n)], notes: [] });
    const first = rows.length;
    const unitPosts = posts
      .filter((p) => p.unit === unit)
      .sort((a, b) => gradeRank(b.grade) - gradeRank(a.grade) || a.id.localeCompare(b.id));
    for (const post of unitPosts) {
      rows.push({
        kind: "detail",
        cells: [post.title, post.grade ?? null, post.fte ?? 1, ...fundedShares(post, instruments)],
        notes: [],
      });
    }
    const fte = unitPosts.reduce((sum, p) => sum + (p.fte ?? 1), 0);
    unitTotals.push(rows.length);
    rows.push({
      kind: "subtotal",
      cells: [m.unitTotal(unit), null, roundFte(fte), ...blank(n)],
      notes: [],
      sumOfRows: range(first, rows.length - 1),
    });
  }
  if (units.length > 0) {
    const fte = posts.reduce((sum, p) => sum + (p.fte ?? 1), 0);
    rows.push({
      kind: "total",
      cells: [m.totalStaff, null, roundFte(fte), ...blank(n)],
      notes: [],
      sumOfRows: unitTotals,
    });
  }
  return {
    part: 2,
    first: true,
    heading,
    title: m.staffingTitle,
    caption: m.staffingCaption,
    columns,
    rows,
    footnotes: [],
    notes: [m.staffingNote],
  };
}

/** Annex 3: for each instrument with a baseline, stand-alone vs shared cost by category, the savings and FTE freed. */
function savingsTable(allocation: Allocation, m: AnnexMessages, heading: string): AnnexTable {
  const { settings, years } = allocation;
  const savings = allocation.savings;
  const categories = orderCategories(savings.flatMap((s) => Object.keys(s.byCategory)));
  const c = categories.length;
  const columns: AnnexColumn[] = [
    { header: m.instrument, kind: "label" },
    ...categories.map((cat): AnnexColumn => ({ header: categoryName(cat, m), kind: "amount" })),
    { header: m.total, kind: "amount", sumOfColumns: range(1, c) },
    { header: m.staffTime, kind: "fte" },
  ];
  const rows: AnnexRow[] = [];
  const standAloneRows: number[] = [];
  const sharedRows: number[] = [];
  const savingsRows: number[] = [];
  for (const s of savings) {
    // The FTE freed is the difference of the two FTE figures as shown (the sheet's formula takes
    // it so), not the exact difference rounded on its own: 1 − 0.335 would show 0.67 under 1 and 0.34.
    const aloneFte = s.baselineFte === undefined ? null : roundFte(s.baselineFte);
    const sharedFte = roundFte(s.sharedFte);
    const figure = (field: "baseline" | "shared" | "savings") =>
      categories.map((cat) => s.byCategory[cat]?.[field] ?? 0);
    checkSum(figure("baseline"), s.baseline, `the stand-alone cost of ${s.code}`);
    checkSum(figure("shared"), s.shared, `the shared cost of ${s.code}`);
    checkSum(figure("savings"), s.savings, `the savings of ${s.code}`);
    rows.push({ kind: "group", cells: [s.code, ...blank(c + 2)], notes: [] });
    const base = rows.length;
    standAloneRows.push(base);
    sharedRows.push(base + 1);
    savingsRows.push(base + 2);
    rows.push(
      {
        kind: "detail",
        cells: [m.standAlone, ...figure("baseline"), s.baseline, aloneFte],
        notes: [],
      },
      { kind: "detail", cells: [m.shared, ...figure("shared"), s.shared, sharedFte], notes: [] },
      {
        kind: "total",
        cells: [
          m.savings,
          ...figure("savings"),
          s.savings,
          aloneFte === null ? null : roundFte(aloneFte - sharedFte),
        ],
        notes: [],
        differenceOf: [base, base + 1],
      },
    );
  }
  if (savings.length > 1) {
    const sumColumn = (rowIndexes: number[], col: number): number | null => {
      const values = rowIndexes.map((r) => rows[r].cells[col]);
      if (values.some((v) => typeof v !== "number")) return null;
      const sum = (values as number[]).reduce((a, b) => a + b, 0);
      return columns[col].kind === "fte" ? roundFte(sum) : sum;
    };
    const summary = (label: string, rowIndexes: number[]): AnnexCell[] => [
      label,
      ...range(1, c + 2).map((col) => sumColumn(rowIndexes, col)),
    ];
    rows.push({ kind: "group", cells: [m.allInstruments, ...blank(c + 2)], notes: [] });
    const base = rows.length;
    rows.push(
      { kind: "detail", cells: summary(m.standAlone, standAloneRows), notes: [], sumOfRows: standAloneRows },
      { kind: "detail", cells: summary(m.shared, sharedRows), notes: [], sumOfRows: sharedRows },
      { kind: "total", cells: summary(m.savings, savingsRows), notes: [], differenceOf: [base, base + 1] },
    );
  }
  const period = m.period(years[0], years[years.length - 1]);
  return {
    part: 3,
    first: true,
    heading,
    title: m.savingsTitle,
    caption: m.savingsCaption(period, settings.currency),
    columns,
    rows,
    footnotes: [],
    notes: savings.length === 0 ? [m.noBaseline] : [m.savingsNote, m.fteNote],
  };
}

function ruleOf(rules: readonly RuleApplied[], unit: UnitResult): RuleApplied {
  const key = unit.unit.toLowerCase();
  const rule = rules.find((r) => r.unit.toLowerCase() === key);
  // A unit without a rule is one whose posts all carry their own split (the Rules sheet may omit it).
  return (
    rule ?? { unit: unit.unit, method: unit.support ? "support" : "posts", description: "", participants: [] }
  );
}

/** The operating units a support unit passed costs on to, in table order. */
function servedBy(allocation: Allocation, unit: UnitResult): string[] {
  const passed = unit.passedOn ?? {};
  const rule = ruleOf(allocation.rules, unit);
  const names = new Set([
    ...Object.keys(passed).filter((u) => passed[u].some((v) => v !== 0)),
    ...Object.keys(rule.servedUnits ?? {}).filter((u) => (rule.servedUnits?.[u] ?? 0) > 0),
  ]);
  return allocation.units.filter((u) => !u.support && names.has(u.unit)).map((u) => u.unit);
}

/** The share of each instrument in a post's first-year cost (the period's, when the first year has none). */
function fundedShares(post: LineResult, instruments: readonly string[]): AnnexCell[] {
  const n = instruments.length;
  // The agreed split (the post's own, or its unit's rule), not the rounded shares: at a coarse
  // Rounding, a 97/3 split of 143 thousand rounds to 139/4 thousand, which would print 97.2/2.8.
  if (post.split !== undefined && post.split.some((w) => w > 0))
    return largestRemainder(1000, Array.from(post.split), instruments).map((tenths) =>
      tenths === 0 ? null : tenths / 1000,
    );
  const firstYear = post.totals[0] ?? 0;
  const years = post.totals.length;
  const shareOf = (i: number) =>
    firstYear !== 0
      ? post.shares[i]
      : range(0, years - 1).reduce((sum, y) => sum + post.shares[y * n + i], 0);
  const base = firstYear !== 0 ? firstYear : post.totals.reduce((a, b) => a + b, 0);
  const shares = range(0, n - 1).map(shareOf);
  if (base === 0 || !shares.some((s) => s > 0)) return shares.map(() => null);
  // In tenths of a percent, by largest remainder: each post's add up to 100.0% as printed, and
  // each is within a tenth of a percent of its exact share (rounded one by one, a post split
  // six ways showed 100.1%).
  return largestRemainder(1000, shares, instruments).map((tenths) => (tenths === 0 ? null : tenths / 1000));
}

/** Seniority of a UN grade, for the staffing table's order (D-2 before P-5 before G-7). */
function gradeRank(grade: string | undefined): number {
  const match = /^(USG|ASG|D|P|NO|GS|G)[-\s]?([0-9A-D]?)/i.exec((grade ?? "").trim());
  if (!match) return 0;
  const level = /\d/.test(match[2]) ? Number(match[2]) : match[2] === "" ? 0 : match[2].charCodeAt(0) - 64;
  const band: Record<string, number> = { USG: 500, ASG: 400, D: 300, P: 200, NO: 150, GS: 100, G: 100 };
  return band[match[1].toUpperCase()] + level;
}

/** Staff, Meetings, Operational first, as the BRS report of savings; then the rest as first met. */
function orderCategories(categories: readonly string[]): string[] {
  const known = ["staff", "meetings", "operational", "travel"];
  const unique: string[] = [];
  for (const cat of categories)
    if (!unique.some((u) => u.toLowerCase() === cat.toLowerCase())) unique.push(cat);
  return unique.sort((a, b) => indexOr(known, a.toLowerCase()) - indexOr(known, b.toLowerCase()));
}

function categoryName(category: string, m: AnnexMessages): string {
  return m.categories[category.toLowerCase()] ?? category;
}

/** Staff time to two decimals: FTE sums of shares must not print as 2.9999999. */
function roundFte(fte: number): number {
  return Math.round(fte * 100) / 100;
}

function checkSum(parts: readonly number[], total: number, what: string): void {
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum !== total) {
    throw new InvariantError(`The annex cannot balance ${what}: the parts add up to ${sum}, not ${total}.`);
  }
}

function indexOr(list: readonly string[], item: string): number {
  const i = list.indexOf(item);
  return i < 0 ? list.length : i;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function blank(count: number): null[] {
  return new Array<null>(count).fill(null);
}
