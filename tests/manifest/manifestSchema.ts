import { readFileSync } from "node:fs";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

/**
 * Every error of a unified manifest against the published JSON schema of its manifestVersion, as
 * "path: message" lines (none when it is valid). The schemas come with the @microsoft/app-manifest
 * package, so this needs no network.
 */
export function manifestSchemaErrors(manifest: { manifestVersion: string }): string[] {
  const file = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
  );
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(JSON.parse(readFileSync(file, "utf8")) as object);
  return validate(manifest)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? ""}`);
}
