import type { CellValue } from "./grid";
import { normalizeName } from "./normalizeName";
import { parseNumberText } from "./parseNumberText";

/** Where a sheet's figures and identifying cells stand, for telling a totals row from a line. */
export interface TotalsCheck {
  /** 0-based positions, in a row's values, of the columns that hold figures (amounts, years). */
  figures: number[];
  /** The needed text columns other than the key (Budget: Unit, Category), by 0-based position. */
  identity: { index: number; field: string }[];
}

/** What a row whose label starts with a totals word turns out to be. */
export type TotalsVerdict =
  { kind: "line" } | { kind: "total"; why?: string } | { kind: "doubtful"; message: string };

const TOTAL_WORD = /^(sub-?\s*|grand\s+)?totals?\b/i;
const BARE = new Set(["total", "totals", "subtotal", "grandtotal"]);

/**
 * Tells whether a row labelled "Total ..." is a totals row or a line ("Total Quality Management
 * training" is a line). It is a totals row when its figures are the sums of the rows above (since
 * the previous totals row, or since the first row; at least two rows), when a needed text cell
 * such as Unit is blank, or, on a sheet without such cells, when the label is a totals word alone.
 * A bare "Total" that is none of these is doubtful: a problem, not a guess either way.
 * `above` gives the rows above only when the label calls for them: building them for every row
 * would make reading a sheet take time in the square of its rows.
 */
export function totalsVerdict(
  label: CellValue,
  values: readonly CellValue[],
  above: () => { sinceTotal: readonly (readonly CellValue[])[]; all: readonly (readonly CellValue[])[] },
  check: TotalsCheck,
): TotalsVerdict {
  if (typeof label !== "string" || !TOTAL_WORD.test(label.trim())) return { kind: "line" };
  const bare = BARE.has(normalizeName(label.replace(/\([^)]*\)/g, "")));
  const missing = check.identity.find((c) => isBlank(values[c.index]));
  const { sinceTotal, all } = above();
  const sums = [sinceTotal, all].some((rows) => sumsOf(values, rows, check.figures));
  if (sums || missing !== undefined || (check.identity.length === 0 && bare)) {
    if (bare) return { kind: "total" };
    return {
      kind: "total",
      why: sums ? "its figures are the sums of the rows above" : `it has no ${missing?.field ?? ""}`,
    };
  }
  if (!bare) return { kind: "line" };
  const filled = check.identity.map((c) => c.field).join(" and ");
  return {
    kind: "doubtful",
    message: `this row is labelled '${label.trim()}', but its figures are not the sums of the rows above and it has a ${filled}: if it is a totals row, correct its figures or clear its ${check.identity[0]?.field ?? "figures"}; if it is a line, say what it pays for`,
  };
}

/** True when every figure of the row equals the sum of its column over `rows` (two rows or more). */
function sumsOf(
  values: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  figures: number[],
): boolean {
  if (rows.length < 2) return false;
  let compared = 0;
  for (const f of figures) {
    const v = figureOf(values[f]);
    if (v === undefined) continue;
    let sum = 0;
    for (const r of rows) sum += figureOf(r[f]) ?? 0;
    if (Math.abs(v - sum) > 0.005 + 1e-9 * Math.abs(sum)) return false;
    compared++;
  }
  return compared > 0;
}

function figureOf(v: CellValue | undefined): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const parsed = parseNumberText(v);
  return parsed !== undefined && "value" in parsed && !parsed.percent ? parsed.value : undefined;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}
