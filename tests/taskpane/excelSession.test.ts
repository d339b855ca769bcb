import { excelSession } from "../../src/taskpane/excelSession";
import { FakeExcel } from "../excel/fakeExcel";

/** Puts an Excel global whose run() hands the fake workbook's context to the batch. */
function withExcel(fx: FakeExcel) {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(fx.context),
  };
}

describe("excelSession", () => {
  afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

  it("reads the open workbook's sheets through the Office.js adapter", async () => {
    const fx = new FakeExcel(["Instruments"]);
    fx.sheet("Instruments")!.fill([
      ["Code", "Parties"],
      ["CMS", 133],
    ]);
    withExcel(fx);
    const grids = await excelSession().port.readInputs();
    expect(grids.sheets.map((s) => [s.name, s.rows])).toEqual([
      [
        "Instruments",
        [
          ["Code", "Parties"],
          ["CMS", 133],
        ],
      ],
    ]);
  });

  it("keeps the officer's mapping in the workbook's settings, so it travels with the file", async () => {
    const fx = new FakeExcel();
    withExcel(fx);
    const session = excelSession();
    expect(await session.loadMapping()).toBeUndefined();
    await session.saveMapping({ Posts: { source: "Staff 2026", columns: { PostId: "Post No." } } });
    expect([...fx.settings.keys()]).toEqual(["CMSCS.inputMapping"]);
    expect(await excelSession().loadMapping()).toEqual({
      Posts: { source: "Staff 2026", columns: { PostId: "Post No." } },
    });
  });

  it("ignores a stored mapping that is not an object", async () => {
    const fx = new FakeExcel();
    fx.settings.set("CMSCS.inputMapping", ["not", "a", "mapping"]);
    withExcel(fx);
    expect(await excelSession().loadMapping()).toBeUndefined();
  });
});
