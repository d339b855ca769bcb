#!/usr/bin/env node
// The costshare command: runs the CLI compiled into build/ (npm ci builds it through the prepare
// script; `npm run build:cli` rebuilds it). webpack's dist/ is a separate folder, so
// `npm run build` leaves it alone.
"use strict";

const path = require("node:path");

const root = path.join(__dirname, "..");
const compiled = path.join(root, "build", "cli", "main.js");

/** The compiled CLI, or undefined (after saying what to run) when it has not been built. */
function loadCli() {
  try {
    return require(compiled);
  } catch (err) {
    // Only the missing build itself gets the hint; a module missing inside it is a broken install.
    if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes(compiled)) {
      process.stderr.write(
        "costshare: the command is not built yet (build/cli/main.js is missing).\n" +
          `Run \`npm run build:cli\` in ${root} (npm ci does it too), then try again.\n`,
      );
      return undefined;
    }
    throw err;
  }
}

const cli = loadCli();
if (cli === undefined) {
  process.exitCode = 1;
} else {
  cli.main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`costshare: internal error: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
