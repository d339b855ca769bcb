import { OfficeMockObject } from "office-addin-mock";
import { WorkbookSettingsStore } from "../../src/excel/workbookSettingsStore";

/**
 * The settings store against office-addin-mock's OfficeMockObject: each stored setting is a child
 * mock whose `value` becomes readable only after load() and context.sync(), as in Office.js.
 * (OfficeMockObject turns object values into mocks of their own, so these tests store scalars;
 * the JSON values of the mapping are covered by workbookSettingsStore.test.ts on the fake Excel.)
 */
function mockContext(stored: Record<string, unknown>) {
  const items: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) items[key] = { value, isNullObject: false };
  const added: Record<string, unknown> = {};
  let syncs = 0;
  const data = {
    workbook: {
      settings: {
        ...items,
        missing: { value: "", isNullObject: true },
        getItemOrNullObject(this: Record<string, OfficeMockObject>, key: string) {
          const item = key in items ? this[key] : this.missing;
          // Office.js fills isNullObject at every sync, loaded or not; the mock needs it loaded.
          item.load("isNullObject");
          return item;
        },
        add(key: string, value: unknown) {
          added[key] = value;
        },
      },
    },
  };
  const context = new OfficeMockObject(data);
  const sync = context.sync.bind(context);
  (context as unknown as { sync: () => Promise<void> }).sync = async () => {
    syncs += 1;
    await sync();
  };
  return { context: context as unknown as Excel.RequestContext, added, syncs: () => syncs };
}

describe("WorkbookSettingsStore (office-addin-mock)", () => {
  it("reads a stored setting in one sync", async () => {
    const mock = mockContext({ "CMSCS.language": "fr" });
    const store = new WorkbookSettingsStore(mock.context);
    await expect(store.get("language")).resolves.toBe("fr");
    expect(mock.syncs()).toBe(1);
  });

  it("answers undefined for a setting the workbook does not have", async () => {
    const mock = mockContext({});
    await expect(new WorkbookSettingsStore(mock.context).get("lastRun")).resolves.toBeUndefined();
    expect(mock.syncs()).toBe(1);
  });

  it("stores a setting under the add-in's own prefix", async () => {
    const mock = mockContext({});
    await new WorkbookSettingsStore(mock.context).set("lastRun", { total: 12992092 });
    expect(mock.added).toEqual({ "CMSCS.lastRun": { total: 12992092 } });
    expect(mock.syncs()).toBe(1);
  });
});
