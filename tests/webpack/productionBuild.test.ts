import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { manifestSchemaErrors } from "../manifest/manifestSchema";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CONTENT_SECURITY_POLICY } = require("../../scripts/contentSecurityPolicy.js") as {
  CONTENT_SECURITY_POLICY: string;
};

const ROOT = join(__dirname, "..", "..");
const BASE = "https://addins.example.org/cms-cost-sharing";

/** Every file under a folder, as paths relative to it. */
function files(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory()
      ? files(join(dir, name), `${prefix}${name}/`)
      : [`${prefix}${name}`],
  );
}

describe("npm run build with ADDIN_BASE_URL (what a secretariat hosts)", () => {
  let dist: string;

  beforeAll(() => {
    mkdirSync(join(ROOT, "out"), { recursive: true });
    dist = mkdtempSync(join(ROOT, "out", "production-"));
    const env: NodeJS.ProcessEnv = { ...process.env, ADDIN_BASE_URL: BASE };
    delete env.OFFICE_JS;
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dist],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
    );
  }, 900_000);

  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
  });

  it("carries no localhost URL anywhere, the app package's manifest included", async () => {
    const found: string[] = [];
    for (const file of files(dist)) {
      const bytes = readFileSync(join(dist, file));
      const texts = file.endsWith(".zip")
        ? await Promise.all(
            Object.values((await JSZip.loadAsync(bytes)).files)
              .filter((f) => !f.dir && !f.name.endsWith(".png"))
              .map((f) => f.async("string")),
          )
        : [bytes.toString("latin1")];
      if (texts.some((t) => /localhost|127\.0\.0\.1/.test(t))) found.push(file);
    }
    expect(found).toEqual([]);
  });

  it("ships both manifests pointing at the production URL, the unified one valid and packaged", async () => {
    const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${BASE}/taskpane.html"/>`);
    const json = readFileSync(join(dist, "manifest.json"), "utf8");
    const manifest = JSON.parse(json) as {
      manifestVersion: string;
      developer: { privacyUrl: string };
      extensions: { runtimes: { code: { page: string } }[] }[];
    };
    expect(manifest.extensions[0].runtimes[0].code.page).toBe(`${BASE}/taskpane.html`);
    expect(manifest.developer.privacyUrl).toBe(`${BASE}/about.html#privacy`);
    expect(manifestSchemaErrors(manifest)).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync(join(dist, "cms-family-cost-sharing.zip")));
    expect(await zip.file("manifest.json")!.async("string")).toBe(json);
    for (const page of [
      "taskpane.html",
      "functions.json",
      "functions.js",
      "about.html",
      "assets/icon-80.png",
    ]) {
      expect(files(dist)).toContain(page);
    }
  });

  it("gives every page the Content-Security-Policy ahead of its first script", () => {
    for (const page of files(dist).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(dist, page), "utf8");
      const meta = html.indexOf(
        `<meta http-equiv=Content-Security-Policy content="${CONTENT_SECURITY_POLICY}">`,
      );
      expect({ page, meta: meta >= 0 }).toEqual({ page, meta: true });
      const script = html.indexOf("<script");
      if (script >= 0) expect(meta).toBeLessThan(script);
    }
  });
});
