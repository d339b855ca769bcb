// @ts-check
/**
 * Turns the development manifest into the production one: every https://localhost:3000 becomes
 * the base URL the add-in is served from (ADDIN_BASE_URL at build time). CommonJS and plain JS
 * because webpack.config.js requires it without a TypeScript loader.
 */
"use strict";

const DEV_BASE_URL = "https://localhost:3000";

/**
 * The base URL the add-in is served from, without a trailing slash, or undefined for the
 * development build; throws a message for the person running the build when it cannot work.
 * @param {string | undefined} baseUrl e.g. "https://addins.example.org/cms-cost-sharing"
 * @returns {string | undefined}
 */
function checkBaseUrl(baseUrl) {
  if (baseUrl === undefined || baseUrl === "") return undefined;
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: '${baseUrl}'.`);
  }
  // Office loads add-in pages only over HTTPS; a plain-http manifest sideloads and then fails.
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_BASE_URL must start with https:// (got '${baseUrl}').`);
  if (url.search || url.hash)
    throw new Error(`ADDIN_BASE_URL must not carry a query or a fragment (got '${baseUrl}').`);
  if (url.hostname === "localhost" || url.hostname.startsWith("127."))
    throw new Error(`ADDIN_BASE_URL must be the host the budget officers reach, not ${url.hostname}.`);
  return baseUrl.replace(/\/+$/, "");
}

/**
 * Returns the manifest XML with the development base URL replaced by `baseUrl`.
 * @param {string} xml the development manifest (manifest.xml)
 * @param {string | undefined} baseUrl e.g. "https://addins.example.org/cms-cost-sharing"; undefined keeps localhost
 * @returns {string}
 */
function productionManifest(xml, baseUrl) {
  const base = checkBaseUrl(baseUrl);
  if (base === undefined) return xml;
  if (!xml.includes(DEV_BASE_URL)) throw new Error(`The manifest holds no ${DEV_BASE_URL} URL to replace.`);
  return (
    xml
      // The development notes at the top would read wrong once the URLs are replaced.
      .replace(/<!--[\s\S]*?-->\s*/g, "")
      // An AppDomain is an origin, never a path.
      .split(`<AppDomain>${DEV_BASE_URL}</AppDomain>`)
      .join(`<AppDomain>${new URL(base).origin}</AppDomain>`)
      .split(DEV_BASE_URL)
      .join(base)
  );
}

module.exports = { productionManifest, checkBaseUrl, DEV_BASE_URL };
