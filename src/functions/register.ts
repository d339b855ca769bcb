/**
 * The functions bundle's entry. Inside Excel, office.js has defined `CustomFunctions` before this
 * runs, and loading functions.ts registers every CMS function (the metadata plugin appends the
 * `CustomFunctions.associate` calls to it). In a plain browser — the pane's browser mode, or a
 * network that cannot reach Microsoft's CDN — there is no runtime to register with, so nothing
 * is loaded and the page stays free of errors.
 */
if (typeof CustomFunctions !== "undefined") {
  // A synchronous require, so the functions are associated while the page loads, as Excel expects.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./functions");
}
