import { compareOptions, type OptionFigures } from "../engine/compareOptions";
import { fromQuanta } from "../engine/money";
import type { Allocation } from "../engine/result";

/** The figure the Compare view puts side by side. */
export type CompareFigure = "total" | "direct" | "savings";

/** One option's figure for one instrument (or for all of them), in currency units. */
export interface CompareCell {
  option: string;
  /** The figure; undefined where there is none (savings of an instrument without a baseline). */
  value?: number;
  /** value − the first option's value; undefined in the first option, or where either is missing. */
  difference?: number;
  /** The option written as Allocation and Annex 1. */
  written: boolean;
}

/** One block of the Compare view: an instrument, or all instruments together. */
export interface CompareBlock {
  /** The instrument code, or "All instruments". */
  label: string;
  cells: CompareCell[];
}

/** The Compare view's content: the options' names and one block per instrument, all instruments first. */
export interface CompareModel {
  options: string[];
  written: string;
  blocks: CompareBlock[];
}

/**
 * The Compare view as data: for the chosen figure, every option's amount for all instruments
 * together and for each instrument, with its difference from the first option. Undefined for a
 * run without options.
 */
export function compareModel(allocation: Allocation, figure: CompareFigure): CompareModel | undefined {
  if (allocation.scenarios === undefined) return undefined;
  const compared = compareOptions(allocation);
  const money = (q: number | undefined) =>
    q === undefined ? undefined : fromQuanta(q, allocation.settings.rounding);
  const pick = (f: Omit<OptionFigures, "code">): number | undefined => money(f[figure]);
  const block = (label: string, get: (k: number) => Omit<OptionFigures, "code">): CompareBlock => {
    const first = pick(get(0));
    return {
      label,
      cells: compared.options.map((o, k) => {
        const value = pick(get(k));
        return {
          option: o.name,
          ...(value !== undefined ? { value } : {}),
          ...(k > 0 && value !== undefined && first !== undefined
            ? { difference: money((get(k)[figure] as number) - (get(0)[figure] as number)) }
            : {}),
          written: o.written,
        };
      }),
    };
  };
  return {
    options: compared.options.map((o) => o.name),
    written: (compared.options.find((o) => o.written) ?? compared.options[0]).name,
    blocks: [
      block("All instruments", (k) => compared.options[k].total),
      ...compared.instruments.map((code, i) => block(code, (k) => compared.options[k].instruments[i])),
    ],
  };
}
