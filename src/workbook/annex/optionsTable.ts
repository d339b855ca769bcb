import { compareOptions } from "../../engine/compareOptions";
import { InvariantError } from "../../engine/errors";
import type { Language } from "../../engine/model";
import type { Allocation } from "../../engine/result";
import { shownFte } from "../shownFte";
import type { AnnexCell, AnnexColumn, AnnexRow, AnnexTable } from "./annexTables";
import { formatPercent } from "./formatPercent";
import type { AnnexMessages } from "./i18n";

/**
 * The annex table "Options compared", after Annexes 1–3 (which show the option written): for each
 * option, what each instrument pays (direct costs, programme support costs, total), its savings
 * against the Baseline, the staff time it bears, and the difference of its total from the first
 * option; then the option's total.
 */
export function optionsTable(
  allocation: Allocation,
  lang: Language,
  m: AnnexMessages,
  heading: string,
): AnnexTable {
  const { settings, years } = allocation;
  const compared = compareOptions(allocation);
  const first = compared.options[0];
  const columns: AnnexColumn[] = [
    { header: m.instrument, kind: "label" },
    { header: m.directCosts, kind: "amount" },
    { header: m.psc(formatPercent(settings.psc, lang)), kind: "amount" },
    { header: m.total, kind: "amount", sumOfColumns: [1, 2] },
    { header: m.savings, kind: "amount" },
    { header: m.staffTime, kind: "fte" },
    { header: m.differenceFrom(first.name), kind: "amount" },
  ];
  const rows: AnnexRow[] = [];
  for (const option of compared.options) {
    rows.push({ kind: "group", cells: [option.name, null, null, null, null, null, null], notes: [] });
    const start = rows.length;
    const fte = shownFte(option.instruments.map((f) => f.fte));
    for (const [i, f] of option.instruments.entries()) {
      if (f.direct + f.psc !== f.total) {
        throw new InvariantError(
          `The options table cannot balance the total of ${f.code} in '${option.name}'.`,
        );
      }
      rows.push({
        kind: "detail",
        cells: [f.code, f.direct, f.psc, f.total, f.savings ?? null, fte[i], f.difference],
        notes: [],
      });
    }
    const detail = rows.slice(start);
    // The total row shows the sum of the figures as printed, which its live SUM recalculates.
    const sum = (c: number): AnnexCell => {
      const values = detail.map((r) => r.cells[c]).filter((v): v is number => typeof v === "number");
      if (values.length === 0) return null;
      const total = values.reduce((a, b) => a + b, 0);
      return columns[c].kind === "fte" ? Math.round(total * 100) / 100 : total;
    };
    rows.push({
      kind: "total",
      cells: [m.unitTotal(option.name), sum(1), sum(2), sum(3), sum(4), sum(5), sum(6)],
      notes: [],
      sumOfRows: detail.map((_, k) => start + k),
    });
  }
  const start = settings.annexStart ?? 1;
  const written = compared.options.find((o) => o.written) ?? first;
  return {
    part: 4,
    first: true,
    heading,
    title: m.optionsTitle,
    caption: m.optionsCaption(m.period(years[0], years[years.length - 1]), settings.currency),
    columns,
    rows,
    footnotes: [],
    notes: [m.optionShown(written.name, start, start + 2), m.optionsNote(first.name)],
  };
}
