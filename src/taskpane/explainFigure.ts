import { fromQuanta } from "../engine/money";
import type { Model } from "../engine/model";
import type { Allocation, RuleApplied } from "../engine/result";
import { periodLabel } from "./previewModel";

/** A figure of the preview (or of the Allocation sheet) that the officer asks about. */
export type Figure =
  | { kind: "share"; unit: string; code: string; year?: number }
  | { kind: "instrument"; code: string; field: "direct" | "psc" | "total"; year?: number }
  | { kind: "unit"; unit: string; year?: number };

/** One labelled amount of an explanation, in currency units. */
export interface ExplainedPart {
  label: string;
  /** What it adds up from, in words ("Post P-12, Officer, P-3"). */
  detail?: string;
  amount: number;
}

/** A participant's weight under the unit's rule, with the figure it was computed from when the rule uses one. */
export interface ExplainedWeight {
  code: string;
  /** Fraction of the unit's cost (0..1). */
  weight: number;
  /** The driver's value on the Instruments sheet (e.g. its number of Parties), when the rule uses one. */
  driverValue?: number;
}

/** How a figure was made, from the allocation's own lines, weights and totals. */
export interface Explanation {
  /** "CMS's share of Communications, 2015–2017". */
  title: string;
  amount: number;
  currency: string;
  /** The unit's rule in words, as the engine stated it. */
  rule?: string;
  /** The driver the rule uses ("Parties"), when it uses one. */
  driver?: string;
  weights: ExplainedWeight[];
  /** What the figure adds up from: lines, support received, units, PSC. */
  parts: ExplainedPart[];
  /** Heading of `parts` ("Lines of Communications", "By common service"). */
  partsTitle: string;
  /** Exact (unrounded) value and the rounding step, where the rule's weights give it. */
  rounding?: { exact: number; step: number };
  /** Sentences that tie it together. */
  notes: string[];
}

/** The year indexes a figure covers: one year, or the whole period. */
function yearsOf(allocation: Allocation, year: number | undefined): number[] {
  return year === undefined ? allocation.years.map((_, y) => y) : [year];
}

/** The words for a slice of the period ("2015–2017" or "2016"). */
function sliceLabel(allocation: Allocation, year: number | undefined): string {
  return year === undefined ? periodLabel(allocation.years) : String(allocation.years[year]);
}

/** The names of the Instruments columns a rule's basis uses ("Parties" for a driver or a hybrid). */
function driverOf(rule: RuleApplied | undefined, model: Model | undefined): string | undefined {
  if (!rule?.basis || !model || (rule.method !== "driver" && rule.method !== "hybrid")) return undefined;
  const columns = new Set(model.instruments.flatMap((i) => Object.keys(i.drivers)));
  const basis = rule.basis.toLowerCase();
  return [...columns].find((c) => basis.includes(c.toLowerCase()));
}

/**
 * Explains one figure from the allocation: the rule in words, the weights and driver values, the
 * lines (or units) that make it up and the rounding applied. Nothing is re-split here: every amount
 * is read from the allocation; only the exact value is derived (total × weight) to show the rounding.
 */
export function explainFigure(
  allocation: Allocation,
  figure: Figure,
  model?: Model,
): Explanation | undefined {
  switch (figure.kind) {
    case "share":
      return explainShare(allocation, figure, model);
    case "unit":
      return explainUnit(allocation, figure, model);
    case "instrument":
      return explainInstrument(allocation, figure);
  }
}

function explainShare(
  allocation: Allocation,
  figure: Extract<Figure, { kind: "share" }>,
  model: Model | undefined,
): Explanation | undefined {
  const { instruments, settings } = allocation;
  const n = instruments.length;
  const i = instruments.indexOf(figure.code);
  const unit = allocation.units.find((u) => u.unit === figure.unit);
  if (i < 0 || !unit) return undefined;
  const money = (q: number) => fromQuanta(q, settings.rounding);
  const ys = yearsOf(allocation, figure.year);
  const share = ys.reduce((s, y) => s + unit.shares[y * n + i], 0);
  const total = ys.reduce((s, y) => s + unit.totals[y], 0);
  const rule = allocation.rules.find((r) => r.unit === unit.unit);
  const driver = driverOf(rule, model);
  const lines = allocation.lines.filter((l) => l.unit === unit.unit);
  const parts: ExplainedPart[] = lines
    .map((l) => ({
      label: l.kind === "post" ? `${l.id} ${l.title}` : l.title,
      detail: `${l.kind === "post" ? `Post${l.grade ? `, ${l.grade}` : ""}` : l.category}: ${money(
        ys.reduce((s, y) => s + l.totals[y], 0),
      ).toLocaleString("en-GB")} in all; ${l.rule.replace(/^Unit rule: .*/, "split by the unit's rule")}`,
      amount: money(ys.reduce((s, y) => s + l.shares[y * n + i], 0)),
    }))
    .filter((p) => p.amount !== 0 || lines.length <= 12);
  const fromLines = lines.reduce((s, l) => s + ys.reduce((t, y) => t + l.shares[y * n + i], 0), 0);
  const notes: string[] = [];
  if (unit.support) {
    notes.push(
      `${unit.unit} is a support unit: its costs reached ${figure.code} through the units it serves, and are already inside their figures.`,
    );
  } else if (share !== fromLines) {
    const received = allocation.units.filter((u) => u.support && u.passedOn?.[unit.unit]).map((u) => u.unit);
    parts.push({
      label: `Support received${received.length ? ` from ${received.join(", ")}` : ""}`,
      detail: "the support units' costs passed on to this unit, split by its rule",
      amount: money(share - fromLines),
    });
  }
  // The exact share is total × weight only where every line follows the unit's rule.
  const byRule = rule?.weights !== undefined && lines.every((l) => l.rule.startsWith("Unit rule"));
  const weight = rule?.weights?.[figure.code];
  if (rule && !rule.weights) notes.push("Each post of this unit is split as the Posts sheet says.");
  return {
    title: `${figure.code}'s share of ${unit.unit}, ${sliceLabel(allocation, figure.year)}`,
    amount: money(share),
    currency: settings.currency,
    ...(rule ? { rule: rule.description } : {}),
    ...(driver ? { driver } : {}),
    weights: weightsOf(rule, model, driver),
    parts,
    partsTitle: `What ${figure.code} pays of each line of ${unit.unit}`,
    ...(byRule && weight !== undefined && !unit.support
      ? { rounding: { exact: money(total) * weight, step: settings.rounding } }
      : {}),
    notes,
  };
}

function explainUnit(
  allocation: Allocation,
  figure: Extract<Figure, { kind: "unit" }>,
  model: Model | undefined,
): Explanation | undefined {
  const { instruments, settings } = allocation;
  const n = instruments.length;
  const unit = allocation.units.find((u) => u.unit === figure.unit);
  if (!unit) return undefined;
  const money = (q: number) => fromQuanta(q, settings.rounding);
  const ys = yearsOf(allocation, figure.year);
  const sum = (v: readonly number[]) => ys.reduce((s, y) => s + v[y], 0);
  const rule = allocation.rules.find((r) => r.unit === unit.unit);
  const driver = driverOf(rule, model);
  const parts: ExplainedPart[] = [{ label: "Its own posts and budget lines", amount: money(sum(unit.own)) }];
  if (!unit.support && sum(unit.received) !== 0)
    parts.push({ label: "Support received from support units", amount: money(sum(unit.received)) });
  const notes = [
    `Split among the instruments: ${instruments
      .map(
        (code, i) =>
          `${code} ${money(ys.reduce((s, y) => s + unit.shares[y * n + i], 0)).toLocaleString("en-GB")}`,
      )
      .filter((_, i) => ys.some((y) => unit.shares[y * n + i] !== 0))
      .join(", ")}.`,
  ];
  if (unit.support)
    notes.unshift(
      `A support unit: its cost is passed on to ${Object.keys(unit.passedOn ?? {}).join(", ")}, and counted there, not again in the total.`,
    );
  return {
    title: `${unit.unit}, ${sliceLabel(allocation, figure.year)}`,
    amount: money(sum(unit.totals)),
    currency: settings.currency,
    ...(rule ? { rule: rule.description } : {}),
    ...(driver ? { driver } : {}),
    weights: weightsOf(rule, model, driver),
    parts,
    partsTitle: "Where its cost comes from",
    notes,
  };
}

function explainInstrument(
  allocation: Allocation,
  figure: Extract<Figure, { kind: "instrument" }>,
): Explanation | undefined {
  const { instruments, settings } = allocation;
  const n = instruments.length;
  const i = instruments.indexOf(figure.code);
  const t = allocation.instrumentTotals.find((x) => x.code === figure.code);
  if (i < 0 || !t) return undefined;
  const money = (q: number) => fromQuanta(q, settings.rounding);
  const ys = yearsOf(allocation, figure.year);
  const sum = (v: readonly number[]) => ys.reduce((s, y) => s + v[y], 0);
  const slice = sliceLabel(allocation, figure.year);
  const rate = `${Number((settings.psc * 100).toFixed(4))}%`;
  const direct = sum(t.direct);
  const psc = sum(t.psc);
  if (figure.field === "psc") {
    return {
      title: `${figure.code}'s programme support costs, ${slice}`,
      amount: money(psc),
      currency: settings.currency,
      weights: [],
      parts: [{ label: "Its direct share of the common services", amount: money(direct) }],
      partsTitle: "Computed on",
      rounding: { exact: money(direct) * settings.psc, step: settings.rounding },
      notes: [
        `Programme support costs (PSC) are ${rate} of the direct share, added on top of it and rounded to ${settings.rounding}.`,
      ],
    };
  }
  const parts: ExplainedPart[] = allocation.units
    .filter((u) => !u.support)
    .map((u) => ({ label: u.unit, amount: money(ys.reduce((s, y) => s + u.shares[y * n + i], 0)) }))
    .filter((p) => p.amount !== 0);
  if (figure.field === "total")
    parts.push({ label: `Programme support costs (${rate})`, amount: money(psc) });
  return {
    title: `${figure.code}, ${figure.field === "total" ? "total with programme support costs" : "direct share"}, ${slice}`,
    amount: money(figure.field === "total" ? sum(t.total) : direct),
    currency: settings.currency,
    weights: [],
    parts,
    partsTitle: "By common service",
    notes: [
      "Support units are not listed: their costs are already inside the services they serve.",
      ...(figure.field === "direct"
        ? [`Programme support costs (${rate}) come on top: ${money(psc).toLocaleString("en-GB")}.`]
        : []),
    ],
  };
}

function weightsOf(
  rule: RuleApplied | undefined,
  model: Model | undefined,
  driver: string | undefined,
): ExplainedWeight[] {
  if (!rule?.weights) return [];
  return Object.entries(rule.weights)
    .filter(([, w]) => w > 0)
    .map(([code, weight]) => {
      const value = driver ? model?.instruments.find((x) => x.code === code)?.drivers[driver] : undefined;
      return { code, weight, ...(value !== undefined ? { driverValue: value } : {}) };
    });
}
