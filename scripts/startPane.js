// `npm start`: builds the add-in in development mode, serves it over HTTPS on localhost:3000 and says
// how to open it in a browser and how to sideload it into Excel.
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const certs = path.join(os.homedir(), ".office-addin-dev-certs");
const trusted = ["ca.crt", "localhost.crt", "localhost.key"].every((f) => fs.existsSync(path.join(certs, f)));

process.stdout.write(`
CMS Family Cost Sharing: building and serving on https://localhost:3000 (this computer only)

  In a browser:  https://localhost:3000/taskpane.html
                 (no Excel needed: the pane opens the sample workbook; "Open .xlsx" takes your own)
  In Excel:      sideload manifest.xml (served at https://localhost:3000/manifest.xml)
                 - Excel on the web: Home > Add-ins > More add-ins > Upload my add-in > manifest.xml
                 - Excel on Windows: put manifest.xml in a shared-folder catalog (Trust Center >
                   Trusted Add-in Catalogs), then Home > Add-ins > Shared folder
                 - Excel on Mac: copy manifest.xml to
                   ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                 then open "CMS Family Cost Sharing" from the Home tab.
                 Or the unified manifest (Microsoft 365 on Windows, Mac, web): its app package is
                 https://localhost:3000/cms-family-cost-sharing.zip; see docs/sideload.md.
${
  trusted
    ? `  Certificate:   ${certs} (trust ca.crt once if the browser warns)`
    : "  Certificate:   none found; run `npx office-addin-dev-certs install` (or accept the browser's warning)"
}

`);

const child = spawn(
  process.execPath,
  [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
