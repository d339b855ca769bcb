import { FakeExcel, FakeRichApiError, PAYLOAD_LIMIT } from "./fakeExcel";

/** A sheet of `rows` ledger rows of 8 cells, about 170 bytes a row as values and value types. */
function ledger(fx: FakeExcel, rows: number): void {
  fx.addSheet("Ledger").generate(
    rows,
    8,
    (r, c) =>
      [45000 + (r % 365), `V${r}`, 71000 + (r % 40), `Payment ${r} to supplier`, r * 1.5, 0, "CMS", `R-${r}`][
        c
      ],
  );
}

describe("FakeExcel", () => {
  it("refuses a response over 5 MB as Excel on the web does, delivering none of the sync's loads", async () => {
    const fx = new FakeExcel(["Notes"]);
    ledger(fx, 40_000);
    const ws = fx.context.workbook.worksheets.getItem("Ledger");
    const used = ws.getUsedRangeOrNullObject(true).load("address, values, valueTypes");
    const sync = fx.context.sync();
    await expect(sync).rejects.toBeInstanceOf(FakeRichApiError);
    await expect(sync).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(fx.responseBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(() => used.address).toThrow(/PropertyNotLoaded/);
  });

  it("returns a response just under the limit", async () => {
    const fx = new FakeExcel(["Notes"]);
    ledger(fx, 20_000);
    const used = fx.context.workbook.worksheets
      .getItem("Ledger")
      .getUsedRangeOrNullObject(true)
      .load("address, values");
    await fx.context.sync();
    expect(used.values).toHaveLength(20_000);
    expect(fx.responseBytes[0]).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });

  it("refuses a request over 5 MB before applying any of it", async () => {
    const fx = new FakeExcel(["Sheet1"]);
    const ws = fx.context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1").values = [["first"]];
    ws.getRange("A2:A60001").values = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    const sync = fx.context.sync();
    await expect(sync).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fx.requestBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fx.sheet("Sheet1")!.cell("A1")).toBeUndefined();
  });

  it("gives the used cells within a range (Range.getUsedRangeOrNullObject), or a null object", async () => {
    const fx = new FakeExcel(["S"]);
    fx.sheet("S")!.fill(
      [
        ["a", null, "b"],
        [null, 2],
      ],
      3,
      2,
    );
    const ws = fx.context.workbook.worksheets.getItem("S");
    const inner = ws.getRange("A1:C10").getUsedRangeOrNullObject(true).load("address, values");
    const none = ws.getRange("F1:G2").getUsedRangeOrNullObject(true).load("address");
    await fx.context.sync();
    expect(inner.address).toBe("S!B3:C4");
    expect(inner.values).toEqual([
      ["a", ""],
      ["", 2],
    ]);
    expect(none.isNullObject).toBe(true);

    // A generated block counts by its cells within the range.
    ledger(fx, 1000);
    const part = fx.context.workbook.worksheets
      .getItem("Ledger")
      .getRange("B10:Z20")
      .getUsedRangeOrNullObject(true)
      .load("address");
    await fx.context.sync();
    expect(part.address).toBe("Ledger!B10:H20");
  });
});
