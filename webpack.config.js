// @ts-check
/**
 * Builds the add-in into dist/: taskpane.html (the pane and, in the shared runtime, the custom
 * functions too), functions.js, functions.json (generated from the JSDoc of
 * src/functions/functions.ts), the icons and the sample workbook, and manifest.xml with the
 * production base URL (ADDIN_BASE_URL) written in.
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
const { productionManifest } = require("./scripts/productionManifest.js");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
/** The functions bundle's entry: it loads FUNCTIONS_SOURCE only where Excel's runtime is present. */
const FUNCTIONS_ENTRY = "./src/functions/register.ts";
const FUNCTIONS_METADATA = "functions.json";

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

/** Puts office.js first in <head>, before any bundle, as the shared runtime needs. */
class OfficeJsScriptTag {
  /** @param {string} src */
  constructor(src) {
    this.src = src;
  }
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsScriptTag", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("OfficeJsScriptTag", (data) => {
        data.headTags.unshift(
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
    // ExcelJS and docx make the pane large by nature; the bundle is loaded once per session.
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "https" },
      static: false,
    },
  };
};
