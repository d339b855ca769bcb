import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { XMLParser } from "fast-xml-parser";
import { FUNCTIONS_NAMESPACE } from "../../src/functions/functionsNamespace";
import { manifestSchemaErrors } from "./manifestSchema";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unifiedManifest } = require("../../scripts/unifiedManifest.js") as {
  unifiedManifest: (json: string, options: { baseUrl?: string; functionsMetadata?: string }) => string;
};

const root = join(__dirname, "..", "..");
const source = readFileSync(join(root, "manifest.json"), "utf8");
const manifest = JSON.parse(source) as Manifest;

/** The parts of the unified manifest these tests read. */
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  icons: { color: string; outline: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  validDomains?: string[];
  extensions: {
    requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
    runtimes: {
      id: string;
      code: { page: string; script: string };
      lifetime: string;
      actions: { id: string; type: string }[];
      customFunctions: {
        namespace: { id: string; name: string };
        metadataUrl: string;
        functions?: { id: string; name: string; parameters: { name: string }[] }[];
      };
    }[];
    ribbons: {
      tabs: {
        builtInTabId: string;
        groups: {
          id: string;
          label: string;
          icons: { size: number; url: string }[];
          controls: {
            id: string;
            label: string;
            icons: { size: number; url: string }[];
            supertip: { title: string; description: string };
            actionId: string;
          }[];
        }[];
      }[];
    }[];
    alternates: { alternateIcons: { icon: { url: string }; highResolutionIcon: { url: string } } }[];
    getStartedMessages: { title: string; description: string; learnMoreUrl: string }[];
  }[];
}

/** Every schema error of a manifest (none when it is valid). */
const schemaErrors = (m: Manifest): string[] => manifestSchemaErrors(m);

/** An element of manifest.xml as fast-xml-parser gives it: children and attributes by name, or text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests walk a parsed XML tree of known shape
type XmlElement = any;

/** manifest.xml's values, by element and by resource id. */
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
  readFileSync(join(root, "manifest.xml"), "utf8"),
) as { OfficeApp: XmlElement };
const app = xml.OfficeApp;
const resources = app.VersionOverrides.Resources;
const resource = (group: string, id: string): string =>
  (
    [
      resources[group][group === "bt:Images" ? "bt:Image" : group === "bt:Urls" ? "bt:Url" : "bt:String"],
    ].flat() as {
      id: string;
      DefaultValue: string;
    }[]
  ).find((r) => r.id === id)!.DefaultValue;
const host = app.VersionOverrides.Hosts.Host;

async function functionsMetadata(): Promise<string> {
  const result = await generateCustomFunctionsMetadata(join(root, "src", "functions", "functions.ts"), true);
  expect(result.errors).toEqual([]);
  return result.metadataJson;
}

describe("manifest.json (the unified manifest)", () => {
  it("validates against the published schema of its version, offline", () => {
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it("is the add-in manifest.xml describes: the same id, version, names, provider and permission", () => {
    expect(manifest.id).toBe(app.Id);
    expect(`${manifest.version}.0`).toBe(app.Version);
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.name.short).toBe(app.DisplayName.DefaultValue);
    expect(manifest.description.full).toBe(app.Description.DefaultValue);
    expect(manifest.developer.name).toBe(app.ProviderName);
    expect(manifest.developer.websiteUrl).toBe(app.SupportUrl.DefaultValue);
    expect(app.Permissions).toBe("ReadWriteDocument");
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: "Document.ReadWrite.User", type: "Delegated" },
    ]);
  });

  it("runs the pane and the functions in one long-lived runtime on the same page and script", () => {
    const [extension] = manifest.extensions;
    expect(extension.requirements.scopes).toEqual(["workbook"]);
    expect(extension.requirements.capabilities).toContainEqual({ name: "SharedRuntime", minVersion: "1.1" });
    expect(app.Requirements.Sets.Set).toEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
    expect(extension.runtimes).toHaveLength(1);
    const [runtime] = extension.runtimes;
    expect(runtime.lifetime).toBe(host.Runtimes.Runtime.lifetime);
    expect(runtime.code).toEqual({
      page: resource("bt:Urls", "Taskpane.Url"),
      script: resource("bt:Urls", "Functions.Script.Url"),
    });
    expect(runtime.customFunctions.metadataUrl).toBe(resource("bt:Urls", "Functions.Metadata.Url"));
    expect(runtime.customFunctions.namespace).toEqual({ id: FUNCTIONS_NAMESPACE, name: FUNCTIONS_NAMESPACE });
    expect(resource("bt:ShortStrings", "Functions.Namespace")).toBe(FUNCTIONS_NAMESPACE);
  });

  it("puts the same button, with the same icons and words, on the Home tab", () => {
    const tab = host.DesktopFormFactor.ExtensionPoint.OfficeTab;
    const group = tab.Group;
    const control = group.Control;
    const icons = (images: { resid: string; size: string }[]) =>
      images.map((i) => ({ size: Number(i.size), url: resource("bt:Images", i.resid) }));
    const [jsonTab] = manifest.extensions[0].ribbons[0].tabs;
    expect(jsonTab.builtInTabId).toBe(tab.id);
    const [jsonGroup] = jsonTab.groups;
    expect({ id: jsonGroup.id, label: jsonGroup.label, icons: jsonGroup.icons }).toEqual({
      id: group.id,
      label: resource("bt:ShortStrings", group.Label.resid),
      icons: icons(group.Icon["bt:Image"]),
    });
    const [button] = jsonGroup.controls;
    expect(button).toMatchObject({
      id: control.id,
      label: resource("bt:ShortStrings", control.Label.resid),
      icons: icons(control.Icon["bt:Image"]),
      supertip: {
        title: resource("bt:ShortStrings", control.Supertip.Title.resid),
        description: resource("bt:LongStrings", control.Supertip.Description.resid),
      },
    });
    const action = manifest.extensions[0].runtimes[0].actions.find((a) => a.id === button.actionId);
    expect(action).toEqual({ id: control.Action.TaskpaneId, type: "openPage", view: expect.any(String) });
    expect(control.Action.SourceLocation.resid).toBe("Taskpane.Url");
  });

  it("shows the same icons and welcome callout as manifest.xml, and ships its own package icons", () => {
    const [alternate] = manifest.extensions[0].alternates;
    expect(alternate.alternateIcons.icon.url).toBe(app.IconUrl.DefaultValue);
    expect(alternate.alternateIcons.highResolutionIcon.url).toBe(app.HighResolutionIconUrl.DefaultValue);
    const getStarted = host.DesktopFormFactor.GetStarted;
    expect(manifest.extensions[0].getStartedMessages).toEqual([
      {
        title: resource("bt:ShortStrings", getStarted.Title.resid),
        description: resource("bt:LongStrings", getStarted.Description.resid),
        learnMoreUrl: resource("bt:Urls", getStarted.LearnMoreUrl.resid),
      },
    ]);
    const size = (file: string) => {
      const b = readFileSync(join(root, file));
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    expect(size(manifest.icons.color)).toEqual([192, 192]);
    expect(size(manifest.icons.outline)).toEqual([32, 32]);
  });

  it("needs no valid domains: manifest.xml's AppDomains is the pages' own origin", () => {
    expect(manifest.validDomains).toBeUndefined();
    expect(app.AppDomains.AppDomain).toBe(new URL(manifest.extensions[0].runtimes[0].code.page).origin);
  });

  it("links privacy and terms of use to the add-in's own about page", () => {
    expect(manifest.developer.privacyUrl).toBe("https://localhost:3000/about.html#privacy");
    expect(manifest.developer.termsOfUseUrl).toBe("https://localhost:3000/about.html#terms");
    const about = readFileSync(join(root, "src", "about", "about.html"), "utf8");
    expect(about).toContain('id="privacy"');
    expect(about).toContain('id="terms"');
  });
});

describe("unifiedManifest (the build's manifest.json)", () => {
  it("writes the production base URL everywhere, lists every custom function, and still validates", async () => {
    const metadata = await functionsMetadata();
    const built = JSON.parse(
      unifiedManifest(source, {
        baseUrl: "https://addins.example.org/cms-cost-sharing/",
        functionsMetadata: metadata,
      }),
    ) as Manifest;
    expect(JSON.stringify(built)).not.toMatch(/localhost/);
    const [runtime] = built.extensions[0].runtimes;
    expect(runtime.code.page).toBe("https://addins.example.org/cms-cost-sharing/taskpane.html");
    expect(runtime.customFunctions.metadataUrl).toBe(
      "https://addins.example.org/cms-cost-sharing/functions.json",
    );
    const expected = (
      JSON.parse(metadata) as { functions: { id: string; name: string; parameters: { name: string }[] }[] }
    ).functions;
    expect(
      runtime.customFunctions.functions?.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]),
    ).toEqual(expected.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]));
    expect(schemaErrors(built)).toEqual([]);
    expect(built.id).toBe(manifest.id);
  });

  it("keeps localhost for a development build, and refuses a base URL Office cannot load", () => {
    expect(JSON.parse(unifiedManifest(source, {}))).toEqual(manifest);
    expect(() => unifiedManifest(source, { baseUrl: "http://addins.example.org" })).toThrow(/https/);
    expect(() => unifiedManifest(source, { baseUrl: "https://localhost:8443" })).toThrow(/not localhost/);
  });

  it("is caught by the schema when a required part is missing", () => {
    const broken = JSON.parse(source) as Partial<Manifest>;
    delete broken.developer;
    expect(schemaErrors(broken as Manifest).join("\n")).toMatch(/developer/);
  });
});
