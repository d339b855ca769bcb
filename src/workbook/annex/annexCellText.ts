import type { Language } from "../../engine/model";
import type { AnnexColumn, AnnexRow } from "./annexTables";
import { formatAmount } from "./formatAmount";
import { formatNumber } from "./formatNumber";
import { formatPercent } from "./formatPercent";

/**
 * The printed text of an annex cell, for the .docx and the HTML: figures in the language's number
 * format, a zero amount as a dash as UN budget tables print it, staff time to one or two decimals.
 */
export function annexCellText(
  row: AnnexRow,
  column: AnnexColumn,
  index: number,
  rounding: number,
  language: Language,
): string {
  const value = row.cells[index];
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  switch (column.kind) {
    case "amount":
      return value === 0 ? "\u2013" : formatAmount(value, rounding, language);
    case "fte":
      return formatNumber(
        value,
        language,
        column.decimals ?? (Number.isInteger(Math.round(value * 1000) / 100) ? 1 : 2),
      );
    case "percent":
      // One decimal throughout, so that a row reads "25.0%" beside "9.6%", not "25%".
      return formatPercent(value, language, 1, 1);
    case "rate":
      // In percent to three decimals, the sign in the column header, as the UN prints its scale.
      return formatNumber(value * 100, language, 3);
    default:
      return String(value);
  }
}
