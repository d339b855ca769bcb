import { applyBounds } from "./applyBounds";
import { InvariantError } from "./errors";
import type { Instrument, Rule } from "./model";
import { problemAt, type Problem } from "./problem";
import type { Participation } from "./resolveParticipants";
import { formatPercent } from "./formatPercent";
import { noSuchDriver } from "./noSuchDriver";
import { notAnInstrument } from "./unknownInstrument";

/** A rule's final weights over all instruments (0 for non-participants), adding up to 1. */
export type WeightsOutcome =
  | { ok: true; weights: Float64Array; mask: boolean[]; everyone: boolean }
  | { ok: false; problems: Problem[] };

/** Reads a driver column of each participant; problems name the instrument's cell or the rule's Basis. */
function driverValues(
  rule: Rule,
  driver: string,
  instruments: readonly Instrument[],
  mask: readonly boolean[],
  problems: Problem[],
): number[] | undefined {
  const wanted = driver.trim().toLowerCase();
  const columns = new Set<string>();
  let header: string | undefined;
  for (const ins of instruments) {
    for (const k of Object.keys(ins.drivers)) {
      columns.add(k);
      if (k.trim().toLowerCase() === wanted) header ??= k;
    }
  }
  if (header === undefined) {
    problems.push(problemAt(rule.source, "Basis", noSuchDriver(rule.unit, driver, [...columns])));
    return undefined;
  }
  const values = new Array<number>(instruments.length).fill(0);
  let bad = false;
  instruments.forEach((ins, i) => {
    if (!mask[i]) return;
    const key = Object.keys(ins.drivers).find((k) => k.trim().toLowerCase() === wanted);
    const v = key === undefined ? undefined : ins.drivers[key];
    if (v === undefined || !Number.isFinite(v)) {
      bad = true;
      problems.push(
        problemAt(
          ins.source,
          header,
          `Instrument '${ins.code}' has no ${header} figure, which the rule of unit '${rule.unit}' needs.`,
        ),
      );
    } else if (v < 0) {
      bad = true;
      problems.push(
        problemAt(ins.source, header, `The ${header} figure of instrument '${ins.code}' is negative.`),
      );
    } else values[i] = v;
  });
  if (bad) return undefined;
  if (!values.some((v) => v > 0)) {
    problems.push(
      problemAt(
        rule.source,
        "Basis",
        `Unit '${rule.unit}' is shared by ${header}, but every participant's ${header} is zero.`,
      ),
    );
    return undefined;
  }
  return values;
}

/** Normalises a vector over the participants to add up to 1. */
function normalised(values: readonly number[]): number[] {
  const s = values.reduce((a, b) => a + b, 0);
  return values.map((v) => v / s);
}

/**
 * The weight vector of a fixed, equal, driver or hybrid rule over all instruments, with the
 * rule's floor and ceiling applied among its participants; every data problem is collected.
 */
export function ruleWeights(
  rule: Rule,
  instruments: readonly Instrument[],
  participation: Participation,
): WeightsOutcome {
  const problems: Problem[] = [...participation.problems];
  const n = instruments.length;
  let mask = participation.mask;
  let everyone = participation.everyone;
  const spec = rule.spec;
  let raw: number[] | undefined;
  switch (spec.method) {
    case "fixed": {
      const explicit = rule.participants.some((t) => t.trim() !== "");
      const named = new Array<boolean>(n).fill(false);
      raw = new Array<number>(n).fill(0);
      let sum = 0;
      for (const [code, share] of Object.entries(spec.shares)) {
        const i = instruments.findIndex((ins) => ins.code.toLowerCase() === code.trim().toLowerCase());
        if (i < 0) {
          problems.push(
            problemAt(
              rule.source,
              "Basis",
              `The rule of unit '${rule.unit}' gives a share to ${notAnInstrument(
                code,
                instruments.map((ins) => ins.code),
              )}`,
            ),
          );
          continue;
        }
        if (!Number.isFinite(share) || share < 0) {
          problems.push(
            problemAt(
              rule.source,
              "Basis",
              `The share of '${code}' in the rule of unit '${rule.unit}' must be a percentage of 0% or more.`,
            ),
          );
          continue;
        }
        if (explicit && !mask[i] && share > 0) {
          problems.push(
            problemAt(
              rule.source,
              "Basis",
              `The rule of unit '${rule.unit}' gives a share to '${code}', which is not one of its Participants.`,
            ),
          );
        }
        named[i] = true;
        raw[i] = share;
        sum += share;
      }
      if (Math.abs(sum - 1) > 1e-4 && problems.length === participation.problems.length) {
        problems.push(
          problemAt(
            rule.source,
            "Basis",
            `The fixed shares of unit '${rule.unit}' add up to ${formatPercent(sum)}; they must add up to 100%.`,
          ),
        );
      }
      if (!explicit) {
        mask = named;
        everyone = named.every(Boolean);
      }
      break;
    }
    case "equal":
      raw = mask.map((m) => (m ? 1 : 0));
      break;
    case "driver":
      raw = driverValues(rule, spec.driver, instruments, mask, problems);
      break;
    case "hybrid": {
      const total = spec.parts.reduce((a, p) => a + p.weight, 0);
      if (Math.abs(total - 1) > 1e-4) {
        problems.push(
          problemAt(
            rule.source,
            "Basis",
            `The weights of unit '${rule.unit}' add up to ${formatPercent(total)}; they must add up to 100%.`,
          ),
        );
      }
      const acc = new Array<number>(n).fill(0);
      for (const part of spec.parts) {
        const values =
          part.basis.toLowerCase() === "equal"
            ? mask.map((m) => (m ? 1 : 0))
            : driverValues(rule, part.basis, instruments, mask, problems);
        if (values === undefined) continue;
        normalised(values).forEach((v, i) => (acc[i] += part.weight * v));
      }
      raw = acc;
      break;
    }
    case "posts":
      throw new InvariantError("ruleWeights is not for posts rules: their weights come from the posts.");
  }
  if (!mask.some(Boolean) && problems.length === 0) {
    problems.push(
      problemAt(rule.source, "Participants", `Unit '${rule.unit}' has no participant to share its cost.`),
    );
  }
  for (const [field, v] of [
    ["Min", rule.min],
    ["Max", rule.max],
  ] as const) {
    if (v !== undefined && (!Number.isFinite(v) || v < 0 || v > 1)) {
      problems.push(
        problemAt(
          rule.source,
          field,
          `${field} of unit '${rule.unit}' must be a percentage from 0% to 100%.`,
        ),
      );
    }
  }
  if (problems.length > 0 || raw === undefined) return { ok: false, problems };
  const idx: number[] = [];
  mask.forEach((m, i) => m && idx.push(i));
  const bounded = applyBounds(
    idx.map((i) => raw[i]),
    rule.min,
    rule.max,
  );
  if (!bounded.ok) {
    const field =
      rule.min !== undefined && rule.min * idx.length > 1 ? "Min" : rule.max !== undefined ? "Max" : "Min";
    return {
      ok: false,
      problems: [problemAt(rule.source, field, `Unit '${rule.unit}': ${bounded.message}`)],
    };
  }
  const weights = new Float64Array(n);
  idx.forEach((i, k) => (weights[i] = bounded.shares[k]));
  return { ok: true, weights, mask, everyone };
}
