import { writeRules } from "../../src/excel/writeRules";

/** A recording stand-in for the few Office.js calls writeRules makes. */
function fakeContext() {
  const calls: string[] = [];
  let syncs = 0;
  const context = {
    workbook: {
      worksheets: {
        getItem: (sheet: string) => ({
          getCell: (r: number, c: number) => {
            const at = `${sheet}!R${r + 1}C${c + 1}`;
            return {
              set numberFormat(v: unknown) {
                calls.push(`${at} format ${JSON.stringify(v)}`);
              },
              set values(v: unknown) {
                calls.push(`${at} values ${JSON.stringify(v)}`);
              },
              clear: (what: string) => calls.push(`${at} clear ${what}`),
            };
          },
        }),
      },
    },
    sync: () => {
      syncs++;
      return Promise.resolve();
    },
  };
  return { context: context as unknown as Excel.RequestContext, calls, syncs: () => syncs };
}

describe("writeRules", () => {
  beforeAll(() => {
    (globalThis as unknown as { Excel: unknown }).Excel = { ClearApplyTo: { contents: "Contents" } };
  });

  it("formats text cells as text before writing, so a formula-looking unit stays text, all in one sync", async () => {
    const { context, calls, syncs } = fakeContext();
    await writeRules(context, "Rules", [
      { row: 6, col: 1, value: "=Communications", format: "@" },
      { row: 6, col: 5, value: 0.02, format: "0.##%" },
      { row: 6, col: 6, value: null, format: "0.##%" },
    ]);
    expect(calls).toEqual([
      'Rules!R6C1 format [["@"]]',
      'Rules!R6C1 values [["=Communications"]]',
      'Rules!R6C5 format [["0.##%"]]',
      "Rules!R6C5 values [[0.02]]",
      "Rules!R6C6 clear Contents",
    ]);
    expect(syncs()).toBe(1);
  });
});
