import { CONTRACT } from "../../src/workbook/inputMapping";
import { normalizeName } from "../../src/workbook/normalizeName";

describe("CONTRACT", () => {
  it("lists the ten contract sheets of DESIGN.md, Instruments, Posts and Rules required", () => {
    expect(CONTRACT.map((s) => s.name)).toEqual([
      "Settings",
      "Instruments",
      "Grades",
      "Posts",
      "Budget",
      "Rules",
      "Support",
      "Baseline",
      "Parties",
      "Scales",
    ]);
    expect(CONTRACT.filter((s) => s.required).map((s) => s.name)).toEqual(["Instruments", "Posts", "Rules"]);
  });

  it.each(CONTRACT.map((s) => [s.name, s] as const))(
    "gives each header of %s to one field only",
    (_, sheet) => {
      const owner = new Map<string, string>();
      for (const field of sheet.fields) {
        for (const name of [field.name, ...field.aliases]) {
          const key = normalizeName(name);
          expect([key, owner.get(key) ?? field.name]).toEqual([key, field.name]);
          owner.set(key, field.name);
        }
      }
      expect(sheet.fields.some((f) => f.name === sheet.key)).toBe(true);
    },
  );

  it("gives each sheet name and alias to one sheet only", () => {
    const owner = new Map<string, string>();
    for (const sheet of CONTRACT) {
      for (const name of [sheet.name, ...sheet.aliases]) {
        const key = normalizeName(name);
        expect([key, owner.get(key) ?? sheet.name]).toEqual([key, sheet.name]);
        owner.set(key, sheet.name);
      }
    }
  });

  it("gives each setting key and alias to one setting only", () => {
    const keys = CONTRACT.find((s) => s.name === "Settings")?.keys ?? [];
    const owner = new Map<string, string>();
    for (const key of keys) {
      for (const name of [key.name, ...key.aliases]) {
        const n = normalizeName(name);
        expect([n, owner.get(n) ?? key.name]).toEqual([n, key.name]);
        owner.set(n, key.name);
      }
    }
    expect(keys.map((k) => k.name)).toEqual([
      "Currency",
      "FirstYear",
      "Years",
      "Escalation",
      "PSC",
      "Rounding",
      "SupportMethod",
      "DocumentSymbol",
      "Status",
      "AnnexTitle",
      "AnnexStart",
      "Language",
      "Scenarios",
      "Scenario",
    ]);
  });
});
