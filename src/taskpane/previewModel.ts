import { fromQuanta } from "../engine/money";
import type { Allocation } from "../engine/result";

/** One unit's row of the preview table, in currency units. */
export interface PreviewRow {
  unit: string;
  /** True for a support unit (its costs already sit in the units it serves). */
  support: boolean;
  /** Share of each instrument, in `PreviewModel.instruments` order. */
  shares: number[];
  total: number;
}

/** What the Preview step shows for the period or one year, in currency units. */
export interface PreviewModel {
  /** "2015–2017" or "2016". */
  label: string;
  instruments: string[];
  /** Operating units, which add up to the direct total. */
  rows: PreviewRow[];
  /** Support units, shown apart because their costs were passed on. */
  supportRows: PreviewRow[];
  direct: number[];
  psc: number[];
  total: number[];
  grand: { direct: number; psc: number; total: number };
  savings: { code: string; baseline: number; shared: number; savings: number }[];
  settlement: { code: string; share: number; funded: number; balance: number }[];
}

/** Which slice of the period to show: every year summed, or one year by index. */
export type PreviewSlice = "period" | number;

/**
 * Turns an allocation (integer quanta) into the preview's table for the period or one year.
 * Savings and settlement are period figures in the engine, so they are shown for the period.
 */
export function previewModel(allocation: Allocation, slice: PreviewSlice): PreviewModel {
  const { years, instruments, settings } = allocation;
  const n = instruments.length;
  const yearIdx = slice === "period" ? years.map((_, y) => y) : [slice];
  const money = (q: number): number => fromQuanta(q, settings.rounding);
  const sumYears = (perYear: readonly number[]): number => yearIdx.reduce((s, y) => s + (perYear[y] ?? 0), 0);
  const row = (u: Allocation["units"][number]): PreviewRow => {
    const shares = instruments.map((_, i) => money(yearIdx.reduce((s, y) => s + u.shares[y * n + i], 0)));
    return { unit: u.unit, support: u.support, shares, total: money(sumYears(u.totals)) };
  };
  const byCode = new Map(allocation.instrumentTotals.map((t) => [t.code, t]));
  const pick = (field: "direct" | "psc" | "total"): number[] =>
    instruments.map((code) => money(sumYears(byCode.get(code)?.[field] ?? [])));
  return {
    label: slice === "period" ? periodLabel(years) : String(years[slice]),
    instruments,
    rows: allocation.units.filter((u) => !u.support).map(row),
    supportRows: allocation.units.filter((u) => u.support).map(row),
    direct: pick("direct"),
    psc: pick("psc"),
    total: pick("total"),
    grand: {
      direct: money(sumYears(allocation.grandTotal.direct)),
      psc: money(sumYears(allocation.grandTotal.psc)),
      total: money(sumYears(allocation.grandTotal.total)),
    },
    savings: allocation.savings.map((s) => ({
      code: s.code,
      baseline: money(s.baseline),
      shared: money(s.shared),
      savings: money(s.savings),
    })),
    settlement: allocation.settlement.map((s) => ({
      code: s.code,
      share: money(s.share),
      funded: money(s.funded),
      balance: money(s.balance),
    })),
  };
}

/** "2015–2017" for a triennium, "2015" for a single year. */
export function periodLabel(years: readonly number[]): string {
  if (years.length === 0) return "";
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}
