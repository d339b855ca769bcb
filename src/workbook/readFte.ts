import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import { parseNumberText } from "./parseNumberText";
import { plainNumber } from "./plainNumber";

/**
 * The most full-time posts one line may count. A plain FTE above it is read as a percent of one
 * post (50 = half-time), as sheets that give FTE in percents type it; no secretariat line holds
 * more posts of one grade.
 */
export const MAX_POSTS_ON_A_LINE = 10;

/** How the plain numbers above 1 of an FTE column are typed: as numbers of posts (2), as percents (50). */
export interface FteColumnStyle {
  /** Some plain number is above 1 and at most MAX_POSTS_ON_A_LINE (2 = two posts). */
  posts: boolean;
  /** Some plain number is above MAX_POSTS_ON_A_LINE and at most 100 (50 = half-time). */
  percents: boolean;
}

/** The style of a sheet's FTE column, read from all its plain numbers (a "50%" text is no plain number). */
export function fteColumnStyle(sheet: FoundSheet): FteColumnStyle {
  const style: FteColumnStyle = { posts: false, percents: false };
  for (const row of sheet.rows) {
    const n = plainFigure(sheet.cell(row, "FTE")?.value ?? null);
    if (n === undefined || n <= 1) continue;
    if (n <= MAX_POSTS_ON_A_LINE) style.posts = true;
    else if (n <= 100) style.percents = true;
  }
  return style;
}

/**
 * An FTE: at most 1 is the share of one full-time post (0.5 or 50% = half-time); a plain number
 * above 1 and up to MAX_POSTS_ON_A_LINE is a line of that many full-time posts (2 = two posts,
 * costed at twice the grade cost); a plain number above it and up to 100 is a percent of one
 * post (50 = half-time). A column that holds both kinds leaves each such figure uncertain, so it
 * is a problem at the cell. Undefined when blank or after a problem.
 */
export function readFte(
  ref: CellRef,
  reader: CellReader,
  style: FteColumnStyle,
  zero: "allowed" | "refused",
): number | undefined {
  if (reader.isBlank(ref.value)) return undefined;
  const found = describeValue(ref.value);
  const v = ref.value;
  const unreadableText = typeof v === "string" && parseNumberText(v) === undefined;
  if (unreadableText || typeof v === "boolean" || v instanceof Date) {
    reader.report(
      ref,
      `FTE must be a number such as 1 (full time), 0.5 or 50% (half-time) or 2 (a line of two posts), found ${found}`,
    );
    return undefined;
  }
  const read = reader.percent(ref, { plainAbove1: false });
  if (read === undefined) return undefined;
  if (read < 0 || (read === 0 && zero === "refused")) {
    const floor = zero === "refused" ? "more than 0" : "0 or more";
    reader.report(ref, `FTE must be ${floor} (a full-time post is 1 or 100%), found ${found}`);
    return undefined;
  }
  const plain = plainFigure(ref.value);
  if (plain === undefined || plain <= 1) {
    if (read <= MAX_POSTS_ON_A_LINE) return read;
    reader.report(
      ref,
      `FTE must be at most ${MAX_POSTS_ON_A_LINE} posts on one line, found ${found}; split a larger line`,
    );
    return undefined;
  }
  const n = plainNumber(plain);
  if (plain <= MAX_POSTS_ON_A_LINE) {
    if (!style.percents) return plain;
    reader.report(
      ref,
      `FTE ${n} could be ${n} full-time posts or ${n}% of one post, as this column also gives FTE in percents (above ${MAX_POSTS_ON_A_LINE}); type ${n}% for part of a post, or give every FTE of the column as a number of posts (1, 0.5, 2)`,
    );
    return undefined;
  }
  if (plain <= 100) {
    if (!style.posts) return plain / 100;
    reader.report(
      ref,
      `FTE ${n} could be ${n}% of one post or ${n} full-time posts, as this column also counts posts (2 = two posts); type ${n}% for part of a post, or split a line of more than ${MAX_POSTS_ON_A_LINE} posts`,
    );
    return undefined;
  }
  reader.report(
    ref,
    `FTE must be at most ${MAX_POSTS_ON_A_LINE} posts on one line (or 100% of one post), found ${found}; split a larger line`,
  );
  return undefined;
}

/** A plain number of a cell: a number, or number text without a percent sign; undefined otherwise. */
function plainFigure(v: CellRef["value"]): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const parsed = parseNumberText(v);
  return parsed !== undefined && "value" in parsed && !parsed.percent ? parsed.value : undefined;
}
