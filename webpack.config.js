// @ts-check
/**
 * Builds the add-in into dist/: taskpane.html (the pane and, in the shared runtime, the custom
 * functions too), functions.js, functions.json (generated from the JSDoc of
 * src/functions/functions.ts), the icons and the sample workbook, about.html (privacy and terms),
 * and both manifests with the production base URL (ADDIN_BASE_URL) written in: manifest.xml, and
 * manifest.json (the unified manifest) with its app package cms-family-cost-sharing.zip. Every
 * page carries the Content-Security-Policy of scripts/contentSecurityPolicy.js.
 *
 *   npm run build                   production, minified; office.js from Microsoft's CDN
 *   OFFICE_JS=local npm run build   office.js served from dist/office-js (offline work, tests)
 *   npm start                       dev server on https://localhost:3000
 *   webpack --env functionsOnly     the functions alone (no pane), e.g. to check the metadata
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { WebpackError } = require("webpack");
const { CONTENT_SECURITY_POLICY, devServerHeaders } = require("./scripts/contentSecurityPolicy.js");
const JSZip = require("jszip");
const { productionManifest } = require("./scripts/productionManifest.js");
const { unifiedManifest } = require("./scripts/unifiedManifest.js");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
/** The functions bundle's entry: it loads FUNCTIONS_SOURCE only where Excel's runtime is present. */
const FUNCTIONS_ENTRY = "./src/functions/register.ts";
const FUNCTIONS_METADATA = "functions.json";
/** The app package of the unified manifest: what the Microsoft 365 admin center and sideloading take. */
const APP_PACKAGE = "cms-family-cost-sharing.zip";
/** The package's icons, at the paths manifest.json names (relative to the package's root). */
const PACKAGE_ICONS = ["assets/color.png", "assets/outline.png"];

/**
 * The metadata plugin turns parse errors into build errors, but it emits an empty functions.json
 * without complaint when it finds no @customfunction at all (and the metadata CLI exits 0 on
 * errors). This check makes an empty or unreadable functions.json fail the build too.
 */
class RequireFunctionsMetadata {
  /** @param {string} source */
  constructor(source) {
    this.source = source;
  }
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RequireFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RequireFunctionsMetadata", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          if (compilation.errors.length > 0) return; // the metadata plugin has said what is wrong
          const asset = compilation.getAsset(FUNCTIONS_METADATA);
          const text = asset ? asset.source.source().toString() : "";
          let count = 0;
          try {
            count = text ? JSON.parse(text).functions.length : 0;
          } catch (err) {
            compilation.errors.push(
              new WebpackError(`${FUNCTIONS_METADATA} is not valid JSON: ${String(err)}`),
            );
            return;
          }
          if (count === 0) {
            compilation.errors.push(
              new WebpackError(
                `${FUNCTIONS_METADATA} lists no custom functions: does ${this.source} still carry @customfunction tags?`,
              ),
            );
          }
        },
      );
    });
  }
}

/**
 * Emits manifest.json (the unified manifest, with the base URL written in and the functions listed
 * from the functions.json of this very build) and the app package that carries it with its icons.
 */
class UnifiedManifest {
  /** @param {string | undefined} baseUrl */
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("UnifiedManifest", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "UnifiedManifest", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const source = path.resolve(__dirname, "manifest.json");
          compilation.fileDependencies.add(source);
          const metadata = compilation.getAsset(FUNCTIONS_METADATA)?.source.source().toString() ?? "";
          // No functions to list: the metadata plugin or RequireFunctionsMetadata reports why.
          if (!/"functions"\s*:\s*\[\s*\{/.test(metadata)) return;
          const json = unifiedManifest(fs.readFileSync(source, "utf8"), {
            baseUrl: this.baseUrl,
            functionsMetadata: metadata,
          });
          compilation.emitAsset("manifest.json", new sources.RawSource(json));
          const zip = new JSZip();
          // A fixed date, so that the same sources give the same package.
          const date = new Date("2026-01-01T00:00:00Z");
          zip.file("manifest.json", json, { date, createFolders: false });
          for (const icon of PACKAGE_ICONS)
            zip.file(icon, fs.readFileSync(path.resolve(__dirname, icon)), { date, createFolders: false });
          const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
          compilation.emitAsset(APP_PACKAGE, new sources.RawSource(bytes), { minimized: true });
        },
      );
    });
  }
}

/**
 * Puts office.js first among the scripts in <head>, before any bundle, as the shared runtime
 * needs; after the page's <meta> tags, so that the Content-Security-Policy governs it too.
 */
class OfficeJsScriptTag {
  /** @param {string} src */
  constructor(src) {
    this.src = src;
  }
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsScriptTag", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("OfficeJsScriptTag", (data) => {
        if (data.outputName !== "taskpane.html") return data;
        const afterMeta = data.headTags.filter((t) => t.tagName === "meta").length;
        data.headTags.splice(
          afterMeta,
          0,
          HtmlWebpackPlugin.createHtmlTagObject(
            "script",
            { type: "text/javascript", src: this.src },
            undefined,
            {
              plugin: "OfficeJsScriptTag",
            },
          ),
        );
        return data;
      });
    });
  }
}

/** HTTPS options from the certificates `npx office-addin-dev-certs install` leaves in the home folder. */
function devHttpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (!Object.values(paths).every((p) => fs.existsSync(p))) return undefined;
  return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
}

/**
 * @param {Record<string, unknown>} env
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {import("webpack").Configuration}
 */
module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const functionsOnly = Boolean(env.functionsOnly);
  // Another functions file, for the build's own test (a file whose metadata must fail the build).
  const functionsSource = typeof env.functionsSource === "string" ? env.functionsSource : FUNCTIONS_SOURCE;
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const https = production ? undefined : devHttpsOptions();

  /** @type {import("webpack").Configuration["plugins"]} */
  const plugins = [
    new CustomFunctionsMetadataPlugin({ output: FUNCTIONS_METADATA, input: functionsSource }),
    new RequireFunctionsMetadata(functionsSource),
    new UnifiedManifest(process.env.ADDIN_BASE_URL),
    new CopyWebpackPlugin({
      patterns: [
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => productionManifest(content.toString(), process.env.ADDIN_BASE_URL),
        },
        { from: "assets/*.{png,xlsx}", to: "assets/[name][ext]", noErrorOnMissing: false },
        // Already minified by Microsoft; marking it so keeps Terser off its 86 MB.
        ...(localOfficeJs
          ? [{ from: "node_modules/@microsoft/office-js/dist", to: "office-js", info: { minimized: true } }]
          : []),
      ],
    }),
  ];
  if (!functionsOnly) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // In the shared runtime this one page hosts the pane and the custom functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
        // The policy travels with the page, so it holds on any static host (the dev server also sends it as a header).
        meta: {
          "Content-Security-Policy": {
            "http-equiv": "Content-Security-Policy",
            content: CONTENT_SECURITY_POLICY,
          },
        },
      }),
      // Privacy and terms of use, which the unified manifest must link to: a page with no script.
      new HtmlWebpackPlugin({
        filename: "about.html",
        template: "./src/about/about.html",
        chunks: [],
        inject: "head",
        meta: {
          "Content-Security-Policy": {
            "http-equiv": "Content-Security-Policy",
            content: CONTENT_SECURITY_POLICY,
          },
        },
      }),
      new OfficeJsScriptTag(localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN),
    );
  }

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      functions: functionsSource === FUNCTIONS_SOURCE ? FUNCTIONS_ENTRY : functionsSource,
      ...(functionsOnly ? {} : { taskpane: "./src/taskpane/index.tsx" }),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules in, so webpack can tree-shake; tsc --noEmit type-checks in CI.
            options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
          },
        },
      ],
    },
    plugins,
    // docx (and, in browser mode, the .xlsx adapter) make the pane large by nature; the bundle is loaded once per session.
    performance: { hints: false },
    devServer: {
      // The pane serves a budget officer's figures: reachable from this machine only.
      host: "localhost",
      port: DEV_PORT,
      hot: false,
      // The CSP on every response; CORS only for Office on the web, which reads functions.json.
      headers: (req) => devServerHeaders(req.headers.origin),
      server: https ? { type: "https", options: https } : { type: "https" },
      static: false,
    },
  };
};
