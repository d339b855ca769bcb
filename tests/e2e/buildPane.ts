import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = join(__dirname, "../..");

/**
 * Builds the pane once in production mode into `outDir`, with the project's webpack config and
 * OFFICE_JS unset (office.js from Microsoft's CDN, as in production: offline it fails to load and
 * the pane must fall back to browser mode).
 */
export function buildPane(outDir: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  delete env.OFFICE_JS;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", outDir],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
  );
  if (!existsSync(join(outDir, "taskpane.html")))
    throw new Error(`The build wrote no taskpane.html in ${outDir}`);
}

/** One built script and its sizes. */
export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Every .js file of the build with its raw and gzip sizes. */
export function scriptSizes(outDir: string): ScriptSize[] {
  const out: ScriptSize[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".js")) {
        const data = readFileSync(path);
        out.push({
          file: path.slice(outDir.length + 1),
          bytes: data.length,
          gzipBytes: gzipSync(data, { level: 9 }).length,
        });
      }
    }
  };
  walk(outDir);
  return out;
}

/** The scripts the pane page loads up front (its <script src> tags), as opposed to chunks loaded on demand. */
export function initialScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, "taskpane.html"), "utf8");
  // The built page is minified: attribute values may come without quotes.
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}
