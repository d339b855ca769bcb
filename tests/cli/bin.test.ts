import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { ROOT, SAMPLE, tempDir } from "./cliHarness";

const exec = promisify(execFile);

describe("bin/costshare.js", () => {
  it("says what to run when the command has not been built, instead of a stack", async () => {
    // A copy of the package with bin/ but no build/, as after a clone with --ignore-scripts.
    const dir = tempDir();
    mkdirSync(join(dir, "bin"));
    copyFileSync(join(ROOT, "bin", "costshare.js"), join(dir, "bin", "costshare.js"));
    const run = await exec(process.execPath, [join(dir, "bin", "costshare.js"), "--version"]).then(
      () => ({ code: 0, stderr: "" }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "costshare: the command is not built yet (build/cli/main.js is missing).\n" +
        `Run \`npm run build:cli\` in ${dir} (npm ci does it too), then try again.\n`,
    );
  });

  it("finishes quietly when whoever reads its output stops reading (costshare … | head -1)", async () => {
    const out = join(tempDir(), "result.xlsx");
    const child = spawn(process.execPath, [
      join(ROOT, "bin", "costshare.js"),
      "allocate",
      SAMPLE,
      "--out",
      out,
    ]);
    // The reader goes away before the command says anything.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it("runs from a folder that `npm run build` (webpack) never cleans", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpackConfig = require("../../webpack.config.js") as (
      env: object,
      argv: object,
    ) => { output: { path: string; clean: boolean } };
    const webpackOut = webpackConfig({}, { mode: "production" }).output.path;
    const cliConfig = JSON.parse(readFileSync(join(ROOT, "tsconfig.cli.json"), "utf8")) as {
      compilerOptions: { outDir: string };
    };
    const cliOut = resolve(ROOT, cliConfig.compilerOptions.outDir);
    const inside = (a: string, b: string) => {
      const r = relative(b, a);
      return r === "" || (!r.startsWith("..") && !isAbsolute(r));
    };
    expect(inside(cliOut, webpackOut) || inside(webpackOut, cliOut)).toBe(false);
    expect(readFileSync(join(ROOT, "bin", "costshare.js"), "utf8")).toContain(
      `path.join(root, ${JSON.stringify(relative(ROOT, cliOut))}, "cli", "main.js")`,
    );
  });
});
