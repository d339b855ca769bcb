import type { Problem, Severity } from "../engine/problem";
import { columnLetter } from "./columnLetter";
import { isCellError, isUncalculated, type CellValue } from "./grid";
import { describeValue } from "./describeValue";
import { plainNumber } from "./plainNumber";
import { parseNumberText, type NumberText } from "./parseNumberText";
import { uncalculatedMessage } from "./uncalculatedMessage";

/** One input cell, where it stands, and the field it is read for. */
export interface CellRef {
  /** Worksheet name (what a problem names). */
  sheet: string;
  /** 1-based worksheet row and column. */
  row: number;
  col: number;
  /** Canonical field, instrument code, year or setting, as problems name it. */
  field: string;
  value: CellValue;
  /** The cell's number format shows a percentage: its number is a fraction (6.10% holds 0.061). */
  percent?: boolean;
}

/** How a percentage cell is read when it holds a plain number. */
export interface PercentOptions {
  /** A plain number above 1 is a percent (13 → 13%); otherwise it is taken as a fraction. */
  plainAbove1: boolean;
}

/**
 * No budget line comes near it; beyond it a typing slip (1e14) would take the period's figures in
 * cents past the 2^53 up to which the engine's integer arithmetic is exact, and the split would fail.
 */
const MAX_MONEY = 1e11;

const CURRENCY_WORDS: Record<string, string> = {
  EUR: "euros",
  USD: "US dollars",
  CHF: "Swiss francs",
  GBP: "pounds sterling",
};

/**
 * Reads typed values out of input cells and collects, as values, every problem it meets, each
 * with its exact cell; a reader never throws on bad data, so one pass reports everything.
 */
export class CellReader {
  /** Every problem found so far, in the order found. */
  readonly problems: Problem[] = [];
  private currency = "EUR";

  /** Sets the currency whose name money messages use ("a number of euros"). */
  useCurrency(code: string): void {
    this.currency = code;
  }

  /** Records a problem at a cell. */
  report(ref: CellRef, message: string, severity: Severity = "error"): void {
    this.problems.push({
      severity,
      sheet: ref.sheet,
      row: ref.row,
      field: ref.field,
      cell: `${columnLetter(ref.col)}${ref.row}`,
      message,
    });
  }

  /** True for an empty cell or one holding only spaces. */
  isBlank(value: CellValue): boolean {
    return value === null || (typeof value === "string" && value.trim() === "");
  }

  /** Text of a cell (a number is taken as its digits); undefined when blank or not text. */
  text(ref: CellRef): string | undefined {
    const v = ref.value;
    if (this.isBlank(v) || this.isUnreadable(ref, "value")) return undefined;
    if (typeof v === "string") return v.trim();
    if (typeof v === "number") return String(v);
    this.report(ref, `${ref.field} must be text, found ${describeValue(v)}`);
    return undefined;
  }

  /** Text of a cell that must not be blank. */
  requiredText(ref: CellRef, hint: string): string | undefined {
    if (this.isBlank(ref.value)) {
      this.report(ref, `${ref.field} is blank; ${hint}`);
      return undefined;
    }
    return this.text(ref);
  }

  /** An amount of money (not negative, below MAX_MONEY); undefined when blank or unreadable. */
  money(ref: CellRef): number | undefined {
    const n = this.number(ref, this.moneyWords());
    if (n !== undefined && n < 0) {
      this.report(ref, `${ref.field} cannot be negative, found ${plainNumber(n)}`);
      return undefined;
    }
    if (n !== undefined && !(n < MAX_MONEY)) {
      this.report(
        ref,
        `${ref.field} must be below 100,000,000,000 (a hundred billion ${this.moneyWords()}), found ${plainNumber(n)}`,
      );
      return undefined;
    }
    return n;
  }

  /** A plain number (no percent sign); undefined when blank or unreadable. */
  number(ref: CellRef, expectation = "a number"): number | undefined {
    const v = ref.value;
    if (this.isBlank(v) || this.isUnreadable(ref, "figure")) return undefined;
    if (typeof v === "number") return v;
    if (typeof v === "string") {
      const parsed = this.numberText(ref, v);
      if (parsed === null) return undefined;
      if (parsed !== undefined && !parsed.percent) return parsed.value;
    }
    this.report(ref, `${ref.field} must be ${expectation}, found ${describeValue(v)}`);
    return undefined;
  }

  /** A whole number within bounds; undefined when blank or unreadable. */
  integer(ref: CellRef, min: number, max: number, expectation: string): number | undefined {
    const n = this.number(ref, expectation);
    if (n === undefined) return undefined;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.report(ref, `${ref.field} must be ${expectation}, found ${plainNumber(n)}`);
      return undefined;
    }
    return n;
  }

  /**
   * A percentage as a fraction: a percent cell holds one already (25% = 0.25), "25%" typed as
   * text is read so, and a plain number above 1 is a percent when the options say so.
   */
  percent(ref: CellRef, options: PercentOptions): number | undefined {
    const v = ref.value;
    if (this.isBlank(v) || this.isUnreadable(ref, "figure")) return undefined;
    let n: number | undefined;
    if (typeof v === "number") n = v;
    else if (typeof v === "string") {
      const parsed = this.numberText(ref, v);
      if (parsed === null) return undefined;
      if (parsed !== undefined) return parsed.percent ? parsed.value / 100 : plain(parsed.value, options);
    }
    if (n === undefined) {
      this.report(ref, `${ref.field} must be a percentage such as 25%, found ${describeValue(v)}`);
      return undefined;
    }
    return plain(n, options);
  }

  /**
   * A rate of the UN scale of assessments as a fraction, read the way the General Assembly
   * publishes the scale: in percent, so a plain number is a percentage (22.000 → 22%, 0.001 →
   * 0.001%), as is "0.001%" typed as text. A cell formatted as a percentage is read as it shows:
   * 6.10% (holding 0.061) is 6.1%, where the adapter gives the cell's format (percentCells); a
   * fraction typed into a plain cell (0.00001 for 0.001%) reads below the UN minimum, and
   * unRateProblem says so at the cell.
   */
  unRate(ref: CellRef): number | undefined {
    const v = ref.value;
    if (this.isBlank(v) || this.isUnreadable(ref, "figure")) return undefined;
    // Cleaned to 15 digits, the precision of a typed figure: 5.691 / 100 is 0.05691, not 0.056909999999999995.
    // A cell formatted as a percentage shows 6.10% and holds 0.061: read as it shows.
    if (typeof v === "number") return Number((ref.percent === true ? v : v / 100).toPrecision(15));
    if (typeof v === "string") {
      const parsed = this.numberText(ref, v);
      if (parsed === null) return undefined;
      if (parsed !== undefined) return Number((parsed.value / 100).toPrecision(15));
    }
    this.report(
      ref,
      `${ref.field} must be a rate of the UN scale in percent, such as 0.001 or 22.000, found ${describeValue(v)}`,
    );
    return undefined;
  }

  /** A raw share for a split or Support cell: a number, "75%" as a fraction, or undefined. */
  share(ref: CellRef): { value: number; fromPercentText: boolean } | undefined {
    const v = ref.value;
    if (this.isBlank(v) || this.isUnreadable(ref, "figure")) return undefined;
    if (typeof v === "number") return { value: v, fromPercentText: false };
    if (typeof v === "string") {
      const parsed = this.numberText(ref, v);
      if (parsed === null) return undefined;
      if (parsed !== undefined) {
        return parsed.percent
          ? { value: parsed.value / 100, fromPercentText: true }
          : { value: parsed.value, fromPercentText: false };
      }
    }
    this.report(ref, `${ref.field} must be a percentage such as 25%, found ${describeValue(v)}`);
    return undefined;
  }

  /**
   * Reports a cell that holds no value to read, an error value or a formula never calculated, and
   * says so; the remedy names a figure or a value.
   */
  isUnreadable(ref: CellRef, what: "figure" | "value"): boolean {
    const v = ref.value;
    if (isUncalculated(v)) {
      this.report(ref, uncalculatedMessage(v.formula));
      return true;
    }
    if (!isCellError(v)) return false;
    this.report(ref, `the cell holds the error ${v.error}; fix the formula or type the ${what}`);
    return true;
  }

  /**
   * A number read from text; null (after reporting it) when its separators leave its size open,
   * since a guess could change it a thousandfold.
   */
  private numberText(ref: CellRef, text: string): { value: number; percent: boolean } | undefined | null {
    const parsed: NumberText | undefined = parseNumberText(text);
    if (parsed === undefined || !("readings" in parsed)) return parsed;
    const [a, b] = parsed.readings.map((n) => plainNumber(n) + (parsed.percent ? "%" : ""));
    this.report(
      ref,
      `${describeValue(ref.value)} could be ${a} or ${b}, depending on whether the separator marks decimals or thousands; type the figure as a plain number without thousands separators (${a} or ${b})`,
    );
    return null;
  }

  /** "a number of euros", or "an amount in KES" for a currency without a word. */
  moneyWords(): string {
    const word = CURRENCY_WORDS[this.currency.toUpperCase()];
    return word !== undefined ? `a number of ${word}` : `an amount in ${this.currency}`;
  }
}

function plain(n: number, options: PercentOptions): number {
  return options.plainAbove1 && n > 1 ? n / 100 : n;
}
