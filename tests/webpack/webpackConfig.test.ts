import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import webpack from "webpack";
import type { Configuration, Stats } from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode?: "production" | "development" },
) => Configuration;

const root = join(__dirname, "..", "..");

/** Runs webpack with our config on a functions file, into a temporary folder. */
function build(env: Record<string, unknown>, outDir: string): Promise<Stats> {
  const config = makeConfig({ functionsOnly: true, ...env }, { mode: "production" });
  return new Promise((resolve, reject) => {
    webpack({ ...config, context: root, output: { ...config.output, path: outDir } }, (err, stats) => {
      if (err) reject(err);
      else resolve(stats!);
    });
  });
}

describe("webpack.config.js", () => {
  let out: string;
  beforeEach(() => {
    // Inside the repo (out/ is ignored by git) so ts-loader finds our tsconfig.json for the test sources.
    mkdirSync(join(root, "out"), { recursive: true });
    out = mkdtempSync(join(root, "out", "build-"));
  });
  afterEach(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it("builds the pane page with office.js, the functions and the pane, in that order", () => {
    const config = makeConfig({}, { mode: "production" });
    expect(config.entry).toEqual({
      functions: "./src/functions/register.ts",
      taskpane: "./src/taskpane/index.tsx",
    });
    const html = config.plugins!.find((p) => p?.constructor.name === "HtmlWebpackPlugin") as unknown as {
      userOptions: { filename: string; chunks: string[] };
    };
    expect(html.userOptions.filename).toBe("taskpane.html");
    expect(html.userOptions.chunks).toEqual(["functions", "taskpane"]);
    const officeJs = config.plugins!.find((p) => p?.constructor.name === "OfficeJsScriptTag") as unknown as {
      src: string;
    };
    expect(officeJs.src).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });

  it("compiles TypeScript to ES modules so that unused code is shaken out", () => {
    const config = makeConfig({}, { mode: "production" });
    const rule = (config.module!.rules as { use: { loader: string; options: unknown } }[])[0];
    expect(rule.use.loader).toBe("ts-loader");
    expect(rule.use.options).toEqual({ transpileOnly: true, compilerOptions: { module: "esnext" } });
    expect(config.mode).toBe("production");
  });

  it("serves over HTTPS on port 3000 in development", () => {
    const config = makeConfig({}, { mode: "development" }) as Configuration & {
      devServer: { port: number; server: { type: string } };
    };
    expect(config.devServer.port).toBe(3000);
    expect(config.devServer.server.type).toBe("https");
  });

  it("emits functions.js with its associate calls, functions.json and the manifest with the production URL", async () => {
    process.env.ADDIN_BASE_URL = "https://addins.example.org/cms-cost-sharing";
    try {
      const stats = await build({}, out);
      expect(stats.hasErrors()).toBe(false);
    } finally {
      delete process.env.ADDIN_BASE_URL;
    }
    const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(metadata.functions.map((f) => f.id)).toContain("COSTSHARE");
    const js = readFileSync(join(out, "functions.js"), "utf8");
    expect(js).toContain('CustomFunctions.associate("COSTSHARE"');
    expect(js).toContain('CustomFunctions.associate("RECIPROCAL"');
    // Run as the page runs it: inside Excel every function is associated with its id; in a plain
    // browser (no office.js, so no CustomFunctions) the bundle loads without an error.
    const associated: string[] = [];
    const runtime = {
      associate: (id: string) => associated.push(id),
      Error: class extends Error {},
      ErrorCode: {},
    };
    runInNewContext(js, { CustomFunctions: runtime });
    expect(associated.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(associated).toHaveLength(9);
    expect(() => runInNewContext(js, {})).not.toThrow();
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(manifest).toContain("https://addins.example.org/cms-cost-sharing/functions.json");
    expect(manifest).not.toContain("localhost");
    expect(readFileSync(join(out, "assets", "icon-80.png")).length).toBeGreaterThan(100);
  });

  it("fails when the functions' metadata has errors", async () => {
    const source = join(out, "bad.ts");
    writeFileSync(
      source,
      "/**\n * Bad.\n * @customfunction BAD-ID!\n * @param x A value.\n * @returns It.\n */\nexport function bad(x: number): number {\n  return x;\n}\n",
    );
    const stats = await build({ functionsSource: source }, join(out, "dist"));
    expect(stats.hasErrors()).toBe(true);
    expect(
      stats
        .toJson({ errors: true })
        .errors!.map((e) => e.message)
        .join("\n"),
    ).toMatch(/invalid characters/);
  });

  it("fails when the functions file declares no custom function at all", async () => {
    const source = join(out, "none.ts");
    writeFileSync(
      source,
      "/** Not a sheet function. */\nexport function plain(x: number): number {\n  return x;\n}\n",
    );
    const stats = await build({ functionsSource: source }, join(out, "dist"));
    expect(stats.hasErrors()).toBe(true);
    expect(
      stats
        .toJson({ errors: true })
        .errors!.map((e) => e.message)
        .join("\n"),
    ).toMatch(/lists no custom functions/);
  });
});
