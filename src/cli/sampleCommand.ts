import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkOutputPath } from "./checkOutputPath";
import type { CliIo } from "./cliIo";
import { packageRoot } from "./packageRoot";
import { writeOutputFiles } from "./writeOutputFiles";

/** Where the embedded sample workbook lives, relative to the package root. */
export const SAMPLE_PATH = join("assets", "cms-family-sample.xlsx");

/**
 * `costshare sample OUT.xlsx`: writes the CMS Family sample workbook, to start from or to try the
 * command on. An existing OUT is replaced only when it already is the sample, or with --force.
 */
export async function sampleCommand(out: string, force: boolean, io: CliIo): Promise<number> {
  const sample = new Uint8Array(await readFile(join(packageRoot, SAMPLE_PATH)));
  await checkOutputPath(out, {
    mustDiffer: [],
    force,
    notOurs: "is not the sample workbook (sample replaces only an unchanged copy of the sample)",
    isOurs: (existing) => Promise.resolve(Buffer.from(existing).equals(Buffer.from(sample))),
  });
  await writeOutputFiles([{ label: out, path: out, data: sample }]);
  io.out(`Wrote the CMS Family sample workbook to ${out}.\n`);
  return 0;
}
