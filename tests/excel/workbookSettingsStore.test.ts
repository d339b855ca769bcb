import { WorkbookSettingsStore } from "../../src/excel/workbookSettingsStore";
import { FakeExcel } from "./fakeExcel";

describe("WorkbookSettingsStore", () => {
  it("stores JSON values under our prefix and reads them back", async () => {
    const fx = new FakeExcel();
    const store = new WorkbookSettingsStore(fx.context);
    const mapping = { Posts: { sheet: "Staff 2026", columns: { PostId: "Post No." } } };
    await store.set("mapping", mapping);
    await store.set("lastRun", { at: "2026-11-27T20:00:00Z", total: 1250000 });
    expect([...fx.settings.keys()]).toEqual(["CMSCS.mapping", "CMSCS.lastRun"]);
    expect(await store.get("mapping")).toEqual(mapping);
    expect(await store.getMany(["mapping", "rules", "lastRun"])).toEqual({
      mapping,
      lastRun: { at: "2026-11-27T20:00:00Z", total: 1250000 },
    });
  });

  it("gives undefined for a setting the workbook does not have, in one sync", async () => {
    const fx = new FakeExcel();
    expect(await new WorkbookSettingsStore(fx.context).get("rules")).toBeUndefined();
    expect(fx.syncCount).toBe(1);
  });

  it("removes a setting, and removing a missing one is harmless", async () => {
    const fx = new FakeExcel();
    const store = new WorkbookSettingsStore(fx.context);
    await store.set("rules", ["Communications: equal"]);
    await store.remove("rules");
    await store.remove("rules");
    expect(fx.settings.size).toBe(0);
  });
});
