// @ts-check
/**
 * The Content-Security-Policy of the add-in's pages, and the CORS rule of the dev server: one
 * source for webpack.config.js (the <meta> tag of every built page, the dev server's headers),
 * the tests, and docs/deploy.md (which tells a host to send the same). CommonJS and plain JS
 * because webpack.config.js requires it without a TypeScript loader.
 *
 * Why each source is allowed:
 * - script-src: our own bundles, and office.js from Microsoft's CDN, which loads its
 *   host-specific scripts (excel-web-16.00.js, excel-win32-16.01.js, ...) from the same place;
 *   office.js on some hosts also loads MicrosoftAjax.js from ajax.aspnetcdn.com.
 * - style-src 'unsafe-inline': Fluent UI (Griffel) inserts its styles as <style> elements, and
 *   office.js sets inline styles; neither carries a nonce.
 * - img-src data: blob:: Fluent's icons and the savings chart are inline images.
 * - connect-src: the pane fetches the sample workbook from its own host; office.js fetches its
 *   resources from the CDN. Nothing else: the workbook's figures can go nowhere.
 * - frame-src: office.js in Office on the web talks to Excel through hidden frames on Office's
 *   own hosts.
 * - frame-ancestors is not set: Office on the web frames the pane from hosts that vary by tenant
 *   (officeapps.live.com, SharePoint, cloud.microsoft), and a meta tag cannot carry it anyway.
 */
"use strict";

const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/** The Office on the web hosts that frame the pane (or are framed by office.js). */
const OFFICE_WEB_HOSTS = [
  "https://*.officeapps.live.com",
  "https://*.sharepoint.com",
  "https://*.office.com",
  "https://*.cloud.microsoft",
];

/** @type {Record<string, string[]>} */
const DIRECTIVES = {
  "default-src": ["'none'"],
  "script-src": ["'self'", OFFICE_JS_ORIGIN, "https://ajax.aspnetcdn.com"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'", OFFICE_JS_ORIGIN],
  "frame-src": ["'self'", ...OFFICE_WEB_HOSTS],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
};

/** The policy as one header (or meta) value. */
const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(" ")}`)
  .join("; ");

/**
 * Origins of Office on the web, which fetch the custom functions' metadata (functions.json) from
 * the add-in's host: the only cross-origin readers the dev server answers with CORS.
 */
const OFFICE_ORIGIN =
  /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|sharepoint\.com|office\.com|cloud\.microsoft)$/i;

/**
 * The headers the dev server sends with a response: the CSP always; CORS only for a request from
 * an Office on the web origin, never a wildcard.
 * @param {string | undefined} origin the request's Origin header
 * @returns {Record<string, string>}
 */
function devServerHeaders(origin) {
  /** @type {Record<string, string>} */
  const headers = { "Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff" };
  if (origin !== undefined && OFFICE_ORIGIN.test(origin)) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers.Vary = "Origin";
  }
  return headers;
}

module.exports = { CONTENT_SECURITY_POLICY, DIRECTIVES, OFFICE_ORIGIN, devServerHeaders };
