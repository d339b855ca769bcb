import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { outputSheetNames } from "../../src/workbook/outputSheetNames";
import { ROOT, runCli, tempDir } from "../cli/cliHarness";

/**
 * OUT = IN plus our sheets. The input is a macro-enabled workbook made by LibreOffice with a pivot
 * table, a chart, a comment and named formulas, plus a VBA project part (tests/fixtures/producers,
 * npm run build:corpus): every one of its parts but the five that list sheets or hold cell formats
 * comes back byte for byte, and LibreOffice still finds the pivot table, the chart and the comment.
 */

const INPUT = join(ROOT, "tests", "fixtures", "producers", "handmade-macro-enabled.xlsm");
const exec = promisify(execFile);
const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));

async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("uint8array"));
  return out;
}

const sha = (b: Uint8Array | undefined) => (b ? createHash("sha256").update(b).digest("hex") : "absent");

describe("a lossless round trip", () => {
  const dir = tempDir();
  const out = join(dir, "out.xlsm");
  let before: Map<string, Uint8Array>;
  let after: Map<string, Uint8Array>;

  beforeAll(async () => {
    const run = await runCli("allocate", INPUT, "--out", out);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: "" });
    before = await parts(new Uint8Array(readFileSync(INPUT)));
    after = await parts(new Uint8Array(readFileSync(out)));
  });

  it("holds a chart, a pivot table, a comment, named formulas and a macro part to begin with", () => {
    const names = [...before.keys()];
    for (const pattern of [
      /^xl\/charts\//,
      /^xl\/pivotTables\//,
      /^xl\/pivotCache\//,
      /^xl\/comments/,
      /^xl\/vbaProject\.bin$/,
    ]) {
      expect({ pattern: String(pattern), found: names.some((n) => pattern.test(n)) }).toEqual({
        pattern: String(pattern),
        found: true,
      });
    }
    expect(new TextDecoder().decode(before.get("xl/workbook.xml"))).toContain('name="DoubledPsc"');
  });

  it("changes exactly the workbook part, its relationships, the content types and the style sheet", () => {
    const changed = [...before.keys()].filter((p) => sha(before.get(p)) !== sha(after.get(p)));
    expect(changed.sort()).toEqual([
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
    ]);
    const added = [...after.keys()].filter((p) => !before.has(p));
    // The input holds the sample's eleven sheets (with Parties and Scales) and its options: the run adds
    // its sheets after them, Options and Contributions among them.
    const ours = outputSheetNames({ hasOptions: true, hasParties: true, ownedSheets: [] });
    expect(added.sort()).toEqual(ours.map((_, i) => `xl/worksheets/sheet${12 + i}.xml`).sort());
  });

  it("keeps the workbook macro-enabled, its named formulas, and every sheet of the user's in place", () => {
    const types = new TextDecoder().decode(after.get("[Content_Types].xml"));
    expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    const workbook = new TextDecoder().decode(after.get("xl/workbook.xml"));
    expect(workbook).toContain(
      '<definedName function="false" hidden="false" name="PscRate" vbProcedure="false">0.13</definedName>',
    );
    expect(workbook).toContain('<pivotCache cacheId="1" r:id="rId14"/>');
    const order = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([
      "Settings",
      "Instruments",
      "Grades",
      "Posts",
      "Budget",
      "Rules",
      "Support",
      "Baseline",
      "Parties",
      "Scales",
      "Pivot",
      ...outputSheetNames({ hasOptions: true, hasParties: true, ownedSheets: [] }),
    ]);
  });

  it("writes well-formed XML in every part it changes or adds", () => {
    for (const [name, bytes] of after) {
      if (sha(bytes) === sha(before.get(name)) || !/\.(xml|rels)$/.test(name)) continue;
      expect({ name, valid: XMLValidator.validate(new TextDecoder().decode(bytes)) }).toEqual({
        name,
        valid: true,
      });
    }
  });

  (SOFFICE ? it : it.skip)(
    "still opens in LibreOffice with the pivot table, the chart, the comment and our sheets",
    async () => {
      const profile = join(dir, "profile");
      mkdirSync(profile);
      const converted = join(dir, "lo");
      try {
        await exec(
          SOFFICE ?? "soffice",
          [
            "--headless",
            `-env:UserInstallation=file://${profile}`,
            "--convert-to",
            "ods",
            "--outdir",
            converted,
            out,
          ],
          { timeout: 180_000 },
        );
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const ods = await JSZip.loadAsync(readFileSync(join(converted, "out.ods")));
      const content = (await ods.file("content.xml")?.async("string")) ?? "";
      expect(content).toMatch(/<table:data-pilot-table\b/);
      expect(content).toMatch(/<draw:object\b/);
      expect(content).toContain("Checked against the staffing table");
      for (const sheet of ["Allocation", "Savings", "Settlement", "Annex", "Log"]) {
        expect(content).toContain(`table:name="${sheet}"`);
      }
      writeFileSync(join(dir, "content.xml"), content);
    },
  );
});
