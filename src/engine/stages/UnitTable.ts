import type { Split } from "../makeSplit";
import type { Rule } from "../model";
import type { RuleApplied } from "../result";
import { nameKey } from "./nameKey";

/** What the pipeline knows about one unit (common service). */
export interface UnitInfo {
  /** The name as first written, trimmed. */
  name: string;
  /** Its posts and budget lines (line numbers, see Lines). */
  lines: number[];
  rule?: Rule;
  /** A support unit: a Provider in the Support sheet, passed on to the units it serves. */
  support: boolean;
  /** Receives support from a support unit. */
  receives: boolean;
  /** How its costs are split (operating units), once known. */
  split?: Split;
  /** Its rule as applied, for the sheets and the annex. */
  applied?: RuleApplied;
}

/** The units in order of first appearance (posts, budget lines, rules, then the Support sheet). */
export class UnitTable {
  readonly list: UnitInfo[] = [];
  private readonly byKey = new Map<string, number>();
  // Names as written: 10,000 posts of a few units need not be trimmed and lower-cased each time.
  private readonly asWritten = new Map<string, number>();

  /** The number of the unit of this name, added when first met. */
  index(name: string): number {
    const written = this.asWritten.get(name);
    if (written !== undefined) return written;
    const k = nameKey(name);
    let u = this.byKey.get(k);
    if (u === undefined) {
      u = this.list.length;
      this.list.push({ name: name.trim(), lines: [], support: false, receives: false });
      this.byKey.set(k, u);
    }
    this.asWritten.set(name, u);
    return u;
  }

  /** The unit of this name, added when first met. */
  unit(name: string): UnitInfo {
    return this.list[this.index(name)];
  }

  /** The number of an existing unit of this name, or undefined. */
  find(name: string): number | undefined {
    return this.byKey.get(nameKey(name));
  }
}
