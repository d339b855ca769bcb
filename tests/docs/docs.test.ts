import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { CONTRACT } from "../../src/workbook/inputMapping";
import { runCli, tempDir } from "../cli/cliHarness";
import { exampleWorkbook } from "./exampleWorkbook";

const ROOT = join(__dirname, "..", "..");
const DOCS = join(ROOT, "docs");
const pages = ["README.md", ...readdirSync(DOCS).map((f) => join("docs", f))].filter((f) =>
  f.endsWith(".md"),
);
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

describe("the README and docs/", () => {
  it.each(pages)("%s links only to files in the repository, and each of them exists", (page) => {
    const text = read(page);
    expect(text).not.toMatch(/\.\.\/shared|DESIGN\.md|STYLE\.md|DOMAIN\.md/);
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    for (const target of targets.filter((t) => !/^(https?:|mailto:|#)/.test(t))) {
      const file = resolve(ROOT, dirname(page), target.split("#")[0]);
      expect({ target, inRepo: !relative(ROOT, file).startsWith("..") }).toEqual({ target, inRepo: true });
      expect({ target, exists: existsSync(file) }).toEqual({ target, exists: true });
    }
  });
});

describe("docs/workbook.md", () => {
  const page = read("docs/workbook.md");

  it("names every sheet, column and setting of the contract with every alias the reader accepts", () => {
    const missing: string[] = [];
    const need = (text: string, what: string) => {
      if (!page.includes(text)) missing.push(`${what}: ${text}`);
    };
    for (const sheet of CONTRACT) {
      need(`### ${sheet.name}`, "sheet");
      for (const alias of sheet.aliases) need(`"${alias}"`, `alias of sheet ${sheet.name}`);
      for (const field of sheet.fields) {
        need(`| ${field.name} `, `column of ${sheet.name}`);
        for (const alias of field.aliases) need(alias, `alias of ${sheet.name}.${field.name}`);
      }
      for (const key of sheet.keys ?? []) {
        need(`| ${key.name} `, "setting");
        for (const alias of key.aliases) need(alias, `alias of setting ${key.name}`);
      }
    }
    for (const method of ["fixed", "equal", "driver", "hybrid", "posts"]) need(`\`${method}\``, "method");
    expect(missing).toEqual([]);
  });
});

describe("docs/result-json.md", () => {
  const page = read("docs/result-json.md");
  const example = /```json\n([\s\S]*?)```/.exec(page)?.[1] ?? "";

  it("shows the RESULT.json that costshare writes for the budget it describes", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "example.xlsx"), await exampleWorkbook());
    const run = await runCli(
      "allocate",
      join(dir, "example.xlsx"),
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "result.json"),
    );
    expect(run.err).toBe("");
    const written = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as Record<string, unknown>;
    expect(JSON.parse(example)).toEqual(written);
    // The same keys in the same order, at every level the page describes.
    expect(JSON.stringify(JSON.parse(example))).toBe(JSON.stringify(written));
  });

  it("describes every key of the file", () => {
    const json = JSON.parse(example) as Record<string, Record<string, object>> & { units: object[] };
    const first = (byCode: Record<string, object>) => Object.values(byCode)[0];
    const keys = [json, json.units[0], json.units[1], first(json.instrumentTotals), first(json.savings)]
      .concat([first(json.settlement), json.grandTotal])
      .flatMap((o) => Object.keys(o));
    const undocumented = [...new Set(keys)].filter((k) => !page.includes(`| \`${k}\``));
    expect(undocumented).toEqual([]);
  });
});
