#!/usr/bin/env node
// The costshare command: runs the compiled CLI (npm ci builds dist/ through the prepare script).
"use strict";
require("../dist/cli/main.js").main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`costshare: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
