import { STAFF_CATEGORY } from "../model";
import { nameKey } from "./nameKey";

/** Cost categories, numbered as first met ("Staff" is 0); compared case-insensitively, first spelling kept. */
export class CategoryTable {
  readonly names: string[] = [STAFF_CATEGORY];
  private readonly byKey = new Map<string, number>([[nameKey(STAFF_CATEGORY), 0]]);

  /** The number of a category ("" counts as "Other"), added when first met. */
  index(name: string): number {
    const written = name.trim() === "" ? "Other" : name.trim();
    const k = nameKey(written);
    const known = this.byKey.get(k);
    if (known !== undefined) return known;
    this.byKey.set(k, this.names.length);
    this.names.push(written);
    return this.names.length - 1;
  }

  /** The category's name as first written. */
  name(name: string): string {
    return this.names[this.index(name)];
  }
}
