import { readFileSync } from "node:fs";
import { join } from "node:path";
import { minVersion, satisfies, validRange } from "semver";

const ROOT = join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  files: string[];
  bin: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<
    string,
    { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean }
  >;
};
const installed = Object.entries(lock.packages).filter(([path]) => path !== "");
const nameOf = (path: string) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);

describe("package.json", () => {
  // The lowest release of each Node line that `engines` admits (20.19.0, 22.13.0, 24.0.0): if
  // every locked package accepts it, npm ci prints no EBADENGINE warning on that line.
  const lines = pkg.engines.node.split("||").map((part) => minVersion(part.trim())!.version);

  it("admits Node 20 and 22 and later lines, as the README says", () => {
    expect(validRange(pkg.engines.node)).not.toBeNull();
    expect(lines.map((v) => Number(v.split(".")[0]))).toEqual([20, 22, 24]);
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const v of lines.slice(0, 2)) expect(readme).toContain(v.replace(/\.0$/, ""));
  });

  it.each(lines)("states no Node version below what a locked package needs: %s", (node) => {
    const refusing = installed
      .filter(([, p]) => p.engines !== undefined && !Array.isArray(p.engines) && p.engines.node !== undefined)
      .filter(([, p]) => !satisfies(node, (p.engines as { node: string }).node))
      .map(([path, p]) => `${nameOf(path)}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it("decides, for every dependency with an install script, whether it may run", () => {
    const undecided = installed
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => nameOf(path))
      .filter((name) => !Object.keys(pkg.allowScripts).some((k) => k === name || k.startsWith(`${name}@`)));
    expect(undecided).toEqual([]);
  });

  it("packs what the costshare command needs at run time", () => {
    expect(pkg.bin.costshare).toBe("bin/costshare.js");
    expect(pkg.files).toEqual(expect.arrayContaining(["bin/", "build/", "assets/"]));
  });
});
