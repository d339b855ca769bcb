import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { FUNCTIONS_NAMESPACE } from "../../src/functions/functionsNamespace";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest } = require("../../scripts/productionManifest.js") as {
  productionManifest: (xml: string, baseUrl: string | undefined) => string;
};

const root = join(__dirname, "..", "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");

/** A preserveOrder node: { TagName: children[], ":@": { "@_attr": value } }. */
type XmlNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  commentPropName: "#comment",
}).parse(xml) as XmlNode[];

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ":@") ?? "";
}
function childrenOf(node: XmlNode): XmlNode[] {
  return node[tagOf(node)] as XmlNode[];
}
function elements(nodes: XmlNode[]): XmlNode[] {
  return nodes.filter((n) => !["#text", "#comment", "?xml"].includes(tagOf(n)));
}
function walk(nodes: XmlNode[], visit: (n: XmlNode) => void): void {
  for (const n of elements(nodes)) {
    visit(n);
    walk(childrenOf(n), visit);
  }
}
function allAttributes(name: string): { tag: string; value: string }[] {
  const found: { tag: string; value: string }[] = [];
  walk(ordered, (n) => {
    const v = n[":@"]?.[`@_${name}`];
    if (v !== undefined) found.push({ tag: tagOf(n), value: v });
  });
  return found;
}
function find(tag: string): XmlNode[] {
  const found: XmlNode[] = [];
  walk(ordered, (n) => {
    if (tagOf(n) === tag) found.push(n);
  });
  return found;
}
function text(node: XmlNode): string {
  const t = childrenOf(node).find((c) => tagOf(c) === "#text");
  return t ? String(t["#text"]) : "";
}

const officeApp = elements(ordered).find((n) => tagOf(n) === "OfficeApp")!;
const topLevel = elements(childrenOf(officeApp)).map(tagOf);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel named CMS Family Cost Sharing", () => {
    expect(officeApp[":@"]?.["@_xsi:type"]).toBe("TaskPaneApp");
    expect(find("DisplayName")[0][":@"]?.["@_DefaultValue"]).toBe("CMS Family Cost Sharing");
    expect(find("Host").map((h) => h[":@"]?.["@_Name"] ?? h[":@"]?.["@_xsi:type"])).toEqual([
      "Workbook",
      "Workbook",
    ]);
    expect(text(find("Permissions")[0])).toBe("ReadWriteDocument");
  });

  it("lists OfficeApp's children in the order of the schema's sequence", () => {
    // OfficeAppManifestv1.1.xsd, complexType OfficeApp then TaskPaneApp's extension.
    const schemaOrder = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const positions = topLevel.map((t) => schemaOrder.indexOf(t));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"]) {
      expect(topLevel).toContain(required);
    }
    for (const needed of [
      "IconUrl",
      "HighResolutionIconUrl",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]) {
      expect(topLevel).toContain(needed);
    }
  });

  it("orders the VersionOverrides parts as the taskpane overrides schema does", () => {
    const childTags = (n: XmlNode) => elements(childrenOf(n)).map(tagOf);
    const host = find("Host").find((h) => h[":@"]?.["@_xsi:type"] === "Workbook")!;
    expect(childTags(host)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const desktop = find("DesktopFormFactor")[0];
    expect(childTags(desktop)).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expect(childTags(find("Resources")[0])).toEqual([
      "bt:Images",
      "bt:Urls",
      "bt:ShortStrings",
      "bt:LongStrings",
    ]);
    const cf = find("ExtensionPoint").find((e) => e[":@"]?.["@_xsi:type"] === "CustomFunctions")!;
    expect(childTags(cf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
  });

  it("has a GUID for Id and a four-part Version", () => {
    expect(text(find("Id")[0])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(find("Version")[0])).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
  });

  it("asks for the shared runtime and runs the functions in the task pane's page", () => {
    const set = find("Set").map((s) => s[":@"]);
    expect(set).toContainEqual({ "@_Name": "SharedRuntime", "@_MinVersion": "1.1" });
    const runtime = find("Runtime")[0][":@"];
    expect(runtime).toEqual({ "@_resid": "Taskpane.Url", "@_lifetime": "long" });
    expect(find("FunctionFile")[0][":@"]?.["@_resid"]).toBe("Taskpane.Url");
    const cf = find("ExtensionPoint").find((e) => e[":@"]?.["@_xsi:type"] === "CustomFunctions")!;
    const parts = Object.fromEntries(
      elements(childrenOf(cf)).map((c) => {
        const loc = elements(childrenOf(c)).find((x) => tagOf(x) === "SourceLocation");
        return [tagOf(c), (loc ?? c)[":@"]?.["@_resid"]];
      }),
    );
    expect(parts).toEqual({
      Script: "Functions.Script.Url",
      Page: "Taskpane.Url",
      Metadata: "Functions.Metadata.Url",
      Namespace: "Functions.Namespace",
    });
  });

  it("opens the task pane from a button on the Home tab", () => {
    expect(find("OfficeTab")[0][":@"]?.["@_id"]).toBe("TabHome");
    const action = find("Action")[0];
    expect(action[":@"]?.["@_xsi:type"]).toBe("ShowTaskpane");
    const loc = elements(childrenOf(action)).find((c) => tagOf(c) === "SourceLocation")!;
    expect(loc[":@"]?.["@_resid"]).toBe("Taskpane.Url");
  });

  it("defines every resid it uses and uses every resource it defines", () => {
    const resources = find("Resources")[0];
    const defined: string[] = [];
    walk(childrenOf(resources), (n) => {
      const id = n[":@"]?.["@_id"];
      if (id !== undefined) defined.push(id);
    });
    const used = new Set(allAttributes("resid").map((a) => a.value));
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(used).toContain(id);
    // Resource ids are at most 32 characters (the schema's ShortString id restriction).
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("keeps ids unique", () => {
    const ids = allAttributes("id").map((a) => a.value);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares the namespace the functions use, within 32 characters", () => {
    const ns = find("bt:String").find((s) => s[":@"]?.["@_id"] === "Functions.Namespace")!;
    const value = ns[":@"]?.["@_DefaultValue"] ?? "";
    expect(value).toBe(FUNCTIONS_NAMESPACE);
    expect(value.length).toBeLessThanOrEqual(32);
    expect(value).toMatch(/^[A-Za-z][A-Za-z0-9.]*$/);
  });

  it("keeps short strings within 125 and long strings within 250 characters", () => {
    const strings = (tag: string) =>
      find(tag).flatMap((group) => elements(childrenOf(group)).map((s) => s[":@"]?.["@_DefaultValue"] ?? ""));
    for (const s of strings("bt:ShortStrings")) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of strings("bt:LongStrings")) expect(s.length).toBeLessThanOrEqual(250);
    expect(find("Description")[0][":@"]?.["@_DefaultValue"]?.length).toBeLessThanOrEqual(250);
  });

  it("uses HTTPS for every URL", () => {
    const urls = [
      ...allAttributes("DefaultValue").filter((a) => /^[a-z]+:\/\//i.test(a.value)),
      ...find("AppDomain").map((d) => ({ tag: "AppDomain", value: text(d) })),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.value).toMatch(/^https:\/\//);
    expect(xml).not.toMatch(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/);
  });

  it("points at icons that exist in assets/ with the size they claim", () => {
    const images = find("bt:Image").filter((i) => i[":@"]?.["@_id"]);
    const urls = [
      ...images.map((i) => ({
        url: i[":@"]!["@_DefaultValue"],
        size: Number(/(\d+)x\1/.exec(i[":@"]!["@_id"])![1]),
      })),
      { url: find("IconUrl")[0][":@"]!["@_DefaultValue"], size: 32 },
      { url: find("HighResolutionIconUrl")[0][":@"]!["@_DefaultValue"], size: 64 },
    ];
    for (const { url, size } of urls) {
      const m = /^https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)$/.exec(url);
      expect(m).not.toBeNull();
      const file = join(root, m![1]);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(join(root, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

describe("productionManifest", () => {
  it("writes the production base URL everywhere localhost stood", () => {
    const out = productionManifest(xml, "https://addins.example.org/cms-cost-sharing/");
    expect(out).not.toContain("localhost");
    expect(out).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://addins.example.org/cms-cost-sharing/taskpane.html"/>',
    );
    expect(out).toContain("https://addins.example.org/cms-cost-sharing/functions.json");
    expect(out).toContain("<AppDomain>https://addins.example.org</AppDomain>");
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(out) as { OfficeApp: { Id: string } };
    expect(parsed.OfficeApp.Id).toBe(text(find("Id")[0]));
  });

  it("keeps the development manifest when no base URL is set", () => {
    expect(productionManifest(xml, undefined)).toBe(xml);
  });

  it("refuses a base URL that is not HTTPS", () => {
    expect(() => productionManifest(xml, "http://addins.example.org")).toThrow(/https/);
    expect(() => productionManifest(xml, "addins.example.org")).toThrow(/not a URL/);
  });
});
