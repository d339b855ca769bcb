// @ts-check
/**
 * Turns the unified manifest (manifest.json, the development one) into the one a build ships:
 * every https://localhost:3000 becomes the production base URL (ADDIN_BASE_URL), and the custom
 * functions are listed from the functions.json the build generates from the JSDoc of
 * src/functions/functions.ts, so that the functions have one source. CommonJS and plain JS because
 * webpack.config.js requires it without a TypeScript loader.
 */
"use strict";

const { checkBaseUrl, DEV_BASE_URL } = require("./productionManifest.js");

/** Properties of a function in functions.json that the unified manifest keeps at the function's level. */
const FUNCTION_OPTIONS = ["stream", "volatile", "cancelable", "requiresAddress", "requiresParameterAddress"];

/**
 * The functions of a functions.json in the shape of the unified manifest's
 * extensions.runtimes.customFunctions.functions: the same ids, names, descriptions and parameters;
 * the result's dimensionality (its type is not part of that schema); options moved up a level.
 * @param {{ functions: Array<Record<string, any>> }} metadata
 * @returns {Array<Record<string, unknown>>}
 */
function manifestFunctions(metadata) {
  return metadata.functions.map((f) => {
    /** @type {Record<string, unknown>} */
    const out = { id: f.id, name: f.name };
    if (f.description) out.description = f.description;
    if (f.helpUrl) out.helpUrl = f.helpUrl;
    out.parameters = (f.parameters ?? []).map((/** @type {Record<string, unknown>} */ p) => {
      /** @type {Record<string, unknown>} */
      const param = { name: p.name };
      for (const key of ["description", "type", "cellValueType", "dimensionality", "optional", "repeating"]) {
        if (p[key] !== undefined) param[key] = p[key];
      }
      return param;
    });
    out.result = { dimensionality: f.result?.dimensionality ?? "scalar" };
    for (const key of FUNCTION_OPTIONS) if (f.options?.[key] !== undefined) out[key] = f.options[key];
    return out;
  });
}

/**
 * The unified manifest a build ships.
 * @param {string} json the development manifest.json
 * @param {{ baseUrl?: string, functionsMetadata?: string }} options the production base URL
 *   (undefined keeps localhost) and the generated functions.json
 * @returns {string}
 */
function unifiedManifest(json, { baseUrl, functionsMetadata }) {
  const base = checkBaseUrl(baseUrl);
  if (base !== undefined && !json.includes(DEV_BASE_URL))
    throw new Error(`manifest.json holds no ${DEV_BASE_URL} URL to replace.`);
  const manifest = JSON.parse(base === undefined ? json : json.split(DEV_BASE_URL).join(base));
  if (functionsMetadata !== undefined) {
    const functions = manifestFunctions(JSON.parse(functionsMetadata));
    for (const extension of manifest.extensions ?? []) {
      for (const runtime of extension.runtimes ?? []) {
        if (runtime.customFunctions) runtime.customFunctions = { ...runtime.customFunctions, functions };
      }
    }
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

module.exports = { unifiedManifest, manifestFunctions };
