import { readFileSync } from "node:fs";
import { SAMPLE_PATH } from "../../src/cli/sampleCommand";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { buildSampleWorkbook } from "../../scripts/build-sample";
import { ROOT, SAMPLE } from "./cliHarness";
import { join } from "node:path";

describe("sampleCommand", () => {
  it("ships the sample that scripts/build-sample.ts builds (run npm run build:sample after changing it)", async () => {
    expect(join(ROOT, SAMPLE_PATH)).toBe(SAMPLE);
    const committed = await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs();
    const built = await (
      await XlsxWorkbook.fromBuffer(new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer()))
    ).readInputs();
    expect(committed).toEqual(built);
  });

  it("holds the seed's figures: CMS's 121 Parties, the P4 cost and the CMS/ASCOBANS and IOSEA splits", async () => {
    const grids = await (await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE))).readInputs();
    const rows = (sheet: string) => grids.sheets.find((s) => s.name === sheet)?.rows ?? [];
    const row = (sheet: string, key: string) => rows(sheet).find((r) => r[0] === key) ?? [];
    expect(row("Instruments", "CMS")[4]).toBe(121);
    expect(row("Grades", "P4")[1]).toBe(140000);
    const header = rows("Posts").find((r) => r[0] === "PostId") ?? [];
    const split = (id: string) =>
      Object.fromEntries(
        ["CMS", "ASCOBANS", "IOSEA"]
          .map((code) => [code, row("Posts", id)[header.indexOf(code)]])
          .filter(([, v]) => v !== null && v !== undefined),
      );
    expect(split("EM-01")).toEqual({ CMS: 0.97, ASCOBANS: 0.03 });
    expect(split("AQ-01")).toEqual({ CMS: 0.85, ASCOBANS: 0.15 });
    expect(split("AQ-02")).toEqual({ CMS: 0.25, ASCOBANS: 0.75 });
    expect(split("AQ-03")).toEqual({ CMS: 0.125, IOSEA: 0.875 });
    expect(row("Settings", "PSC")[1]).toBe(0.13);
    expect(row("Settings", "FirstYear")[1]).toBe(2015);
  });
});
