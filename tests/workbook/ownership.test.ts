import { outputSheetNames } from "../../src/workbook/outputSheetNames";
import { OUTPUT_SHEETS, ownershipName, ownershipRefersTo } from "../../src/workbook/ownership";

describe("ownership", () => {
  it("lists our sheets in the order they are written", () => {
    expect(OUTPUT_SHEETS).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Contributions",
      "Changes",
      "Annex",
      "Log",
      "Run records",
    ]);
  });

  it("adds Options after Settlement only for a workbook with options, or to replace an Options sheet of ours", () => {
    const without = { hasParties: false, ownedSheets: [] };
    const recorded = ["Changes", "Annex", "Log", "Run records"];
    expect(outputSheetNames({ hasOptions: false, ...without })).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      ...recorded,
    ]);
    expect(outputSheetNames({ hasOptions: true, ...without })).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Options",
      ...recorded,
    ]);
    expect(outputSheetNames({ hasOptions: false, hasParties: false, ownedSheets: ["Options"] })).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Options",
      ...recorded,
    ]);
    expect(outputSheetNames({ hasOptions: true, hasParties: true, ownedSheets: [] })).toEqual([
      "Allocation",
      "Savings",
      "Settlement",
      "Options",
      "Contributions",
      ...recorded,
    ]);
  });

  it("names each sheet with a prefix and only characters a defined name may hold", () => {
    expect(ownershipName("Allocation")).toBe("_CMSCS_OWNED_Allocation");
    expect(ownershipName("Annex 2 (fr)")).toBe("_CMSCS_OWNED_Annex_2__fr_");
    expect(ownershipName("Épargne-2015")).toBe("_CMSCS_OWNED__pargne_2015");
  });

  it("refers to A1 of the sheet, quoting any name", () => {
    expect(ownershipRefersTo("Log")).toBe("'Log'!$A$1");
    expect(ownershipRefersTo("Officer's view")).toBe("'Officer''s view'!$A$1");
  });
});
