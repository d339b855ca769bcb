/** A value that survives a trip through JSON, as workbook settings store it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Prefix of our keys, so that our settings never collide with another add-in's in the same file. */
const KEY_PREFIX = "CMSCS.";

/**
 * The setting that keeps the officer's mapping of sheets and columns (an InputMapping), so it
 * travels with the file; the adapter reads it too, to know which sheets are input.
 */
export const MAPPING_SETTING = "inputMapping";

/**
 * The add-in's own settings (the sheet and column mapping, the rules chosen, the last run) kept in
 * `workbook.settings`, so that they travel with the file to a colleague. Each call costs one sync
 * of the caller's request context; the store never calls Excel.run itself.
 */
export class WorkbookSettingsStore {
  constructor(private readonly context: Excel.RequestContext) {}

  /** Reads one setting; undefined when the workbook has none under that key. */
  async get<T extends JsonValue>(key: string): Promise<T | undefined> {
    const item = this.context.workbook.settings.getItemOrNullObject(KEY_PREFIX + key).load("value");
    await this.context.sync();
    return item.isNullObject ? undefined : (item.value as T);
  }

  /**
   * Queues the read of one setting on the caller's next sync, so it can share a round trip with
   * other loads; the function returned gives its value (undefined when absent) after that sync.
   */
  later(key: string): () => JsonValue | undefined {
    const item = this.context.workbook.settings.getItemOrNullObject(KEY_PREFIX + key).load("value");
    return () => (item.isNullObject ? undefined : (item.value as JsonValue));
  }

  /** Reads several settings in one sync; a key the workbook lacks is absent from the result. */
  async getMany(keys: readonly string[]): Promise<Partial<Record<string, JsonValue>>> {
    const items = keys.map((k) =>
      this.context.workbook.settings.getItemOrNullObject(KEY_PREFIX + k).load("value"),
    );
    await this.context.sync();
    const out: Partial<Record<string, JsonValue>> = {};
    keys.forEach((k, i) => {
      if (!items[i].isNullObject) out[k] = items[i].value as JsonValue;
    });
    return out;
  }

  /** Stores one setting (replacing any earlier value); it is saved with the workbook. */
  async set(key: string, value: JsonValue): Promise<void> {
    this.context.workbook.settings.add(KEY_PREFIX + key, value);
    await this.context.sync();
  }

  /** Removes one setting if it is there. */
  async remove(key: string): Promise<void> {
    const item = this.context.workbook.settings.getItemOrNullObject(KEY_PREFIX + key).load("value");
    await this.context.sync();
    if (item.isNullObject) return;
    item.delete();
    await this.context.sync();
  }
}
