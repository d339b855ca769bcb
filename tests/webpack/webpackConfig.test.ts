import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import JSZip from "jszip";
import webpack from "webpack";
import type { Configuration, Stats } from "webpack";
import WebpackDevServer from "webpack-dev-server";
import { manifestSchemaErrors } from "../manifest/manifestSchema";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require("../../scripts/contentSecurityPolicy.js") as {
  CONTENT_SECURITY_POLICY: string;
};

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

  it("serves over HTTPS on port 3000 in development, on localhost only", () => {
    const config = makeConfig({}, { mode: "development" }) as Configuration & {
      devServer: { port: number; host: string; server: { type: string } };
    };
    expect(config.devServer.port).toBe(3000);
    expect(config.devServer.host).toBe("localhost");
    expect(config.devServer.server.type).toBe("https");
  });

  it("puts the Content-Security-Policy on the pane's page before any script", () => {
    const config = makeConfig({}, { mode: "production" });
    const pages = config.plugins!.filter((p) => p?.constructor.name === "HtmlWebpackPlugin") as unknown as {
      userOptions: { filename: string; meta: Record<string, { "http-equiv": string; content: string }> };
    }[];
    expect(pages.map((p) => p.userOptions.filename).sort()).toEqual(["about.html", "taskpane.html"]);
    for (const page of pages) {
      expect(page.userOptions.meta["Content-Security-Policy"]).toEqual({
        "http-equiv": "Content-Security-Policy",
        content: CONTENT_SECURITY_POLICY,
      });
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*;|\s\*\s/);
  });

  it("runs a dev server that listens on localhost alone, sends the CSP and answers CORS only to Office", async () => {
    const config = makeConfig({ functionsOnly: true }, { mode: "development" }) as Configuration & {
      devServer: WebpackDevServer.Configuration;
    };
    // Quiet: the server's banner and the build's stats are for a developer's terminal, not the test run.
    const compiler = webpack({
      ...config,
      context: root,
      output: { ...config.output, path: out },
      stats: "none",
      infrastructureLogging: { level: "none" },
    });
    // Port 0: any free port, so the test never meets a dev server already running on 3000.
    const server = new WebpackDevServer({ ...config.devServer, port: 0, open: false }, compiler);
    await server.start();
    try {
      const address = server.server!.address() as AddressInfo;
      expect(["127.0.0.1", "::1"]).toContain(address.address);
      const get = (origin: string) =>
        new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
          const req = request(
            {
              host: "localhost",
              port: address.port,
              path: "/functions.json",
              headers: { origin },
              rejectUnauthorized: false,
            },
            (res) => {
              res.resume();
              res.on("end", () => resolve(res.headers));
            },
          );
          req.on("error", reject);
          req.end();
        });
      const office = await get("https://excel.officeapps.live.com");
      expect(office["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(office["access-control-allow-origin"]).toBe("https://excel.officeapps.live.com");
      const other = await get("https://example.org");
      expect(other["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(other["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await server.stop();
    }
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
    expect(associated).toHaveLength(10);
    expect(() => runInNewContext(js, {})).not.toThrow();
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(manifest).toContain("https://addins.example.org/cms-cost-sharing/functions.json");
    expect(manifest).not.toContain("localhost");
    // The unified manifest: the same URL, every function listed, valid; packaged with its icons.
    const unified = readFileSync(join(out, "manifest.json"), "utf8");
    expect(unified).not.toContain("localhost");
    const parsed = JSON.parse(unified) as {
      manifestVersion: string;
      extensions: { runtimes: { customFunctions: { metadataUrl: string; functions: { id: string }[] } }[] }[];
    };
    const cf = parsed.extensions[0].runtimes[0].customFunctions;
    expect(cf.metadataUrl).toBe("https://addins.example.org/cms-cost-sharing/functions.json");
    expect(cf.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    expect(manifestSchemaErrors(parsed)).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync(join(out, "cms-family-cost-sharing.zip")));
    expect(Object.keys(zip.files).sort()).toEqual([
      "assets/color.png",
      "assets/outline.png",
      "manifest.json",
    ]);
    expect(await zip.file("manifest.json")!.async("string")).toBe(unified);
    expect(readFileSync(join(out, "assets", "icon-80.png")).length).toBeGreaterThan(100);
  });

  it("fails when the functions' metadata has errors", async () => {
    const source = join(out, "bad.ts");
    writeFileSync(
      source,
      "/**\n * Bad.\n * @customfunction BAD-ID!\n * @param x A value.\n * @returns It.\n */\nexport function bad(x: number): number {\n  return x;\n}\n",
    );
    // custom-functions-metadata also prints the errors itself; kept off the test run's output.
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const stats = await build({ functionsSource: source }, join(out, "dist"));
      expect(stats.hasErrors()).toBe(true);
      expect(
        stats
          .toJson({ errors: true })
          .errors!.map((e) => e.message)
          .join("\n"),
      ).toMatch(/invalid characters/);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("bad.ts"));
    } finally {
      logged.mockRestore();
    }
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
