import { readRegions } from "../../src/excel/readRegions";
import { FakeExcel } from "./fakeExcel";

describe("readRegions", () => {
  it("reads several small regions in one sync", async () => {
    const fx = new FakeExcel(["A", "B"]);
    fx.sheet("A")!.fill([
      ["x", 1],
      [true, { error: "#N/A" }],
    ]);
    fx.sheet("B")!.fill([["y"]], 4, 3);
    const rows = await readRegions(
      fx.context,
      [
        { sheet: "A", firstRow: 1, firstCol: 1, lastRow: 2, lastCol: 2 },
        { sheet: "B", firstRow: 4, firstCol: 3, lastRow: 5, lastCol: 3 },
      ],
      4_000_000,
    );
    expect(fx.syncCount).toBe(1);
    expect(rows).toEqual([
      [
        ["x", 1],
        [true, { error: "#N/A" }],
      ],
      [["y"], [null]],
    ]);
  });

  it("splits a large region into blocks of rows, each response under the budget", async () => {
    const fx = new FakeExcel(["Posts"]);
    fx.sheet("Posts")!.generate(5000, 6, (r, c) => (c === 0 ? `P-${r}` : r * 10 + c));
    fx.payloadLimit = 100_000;
    const rows = await readRegions(
      fx.context,
      [{ sheet: "Posts", firstRow: 1, firstCol: 1, lastRow: 5000, lastCol: 6 }],
      80_000,
    );
    expect(rows[0]).toHaveLength(5000);
    expect(rows[0][4999]).toEqual(["P-4999", 49991, 49992, 49993, 49994, 49995]);
    // About 450 kB in all: six syncs or so at 80 kB, none refused.
    expect(fx.syncCount).toBeGreaterThanOrEqual(6);
    expect(fx.syncCount).toBeLessThanOrEqual(9);
    for (const bytes of fx.responseBytes) expect(bytes).toBeLessThanOrEqual(80_000);
  });

  it("reads again in smaller blocks when Excel refuses a response, as for long text further down", async () => {
    const fx = new FakeExcel(["Budget"]);
    // Short rows first (they set the estimate), then rows of long remarks.
    fx.sheet("Budget")!.generate(2000, 3, (r, c) =>
      c < 2 ? `Line ${r}` : r < 1000 ? r : `${"Remark on the line, repeated at length. ".repeat(5)}${r}`,
    );
    fx.payloadLimit = 100_000;
    const rows = await readRegions(
      fx.context,
      [{ sheet: "Budget", firstRow: 1, firstCol: 1, lastRow: 2000, lastCol: 3 }],
      80_000,
    );
    expect(fx.responseBytes.some((b) => b > 100_000)).toBe(true);
    expect(rows[0]).toHaveLength(2000);
    expect(rows[0][1999][2]).toMatch(/1999$/);
    expect(rows[0].map((r) => r[0])).toEqual(Array.from({ length: 2000 }, (_, r) => `Line ${r}`));
  });

  it("lets Excel's refusal through when a single row is over the limit", async () => {
    const fx = new FakeExcel(["Notes"]);
    fx.sheet("Notes")!.fill([["short"], ["y".repeat(2000)]]);
    fx.payloadLimit = 1000;
    const read = readRegions(
      fx.context,
      [{ sheet: "Notes", firstRow: 1, firstCol: 1, lastRow: 2, lastCol: 1 }],
      800,
    );
    await expect(read).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
