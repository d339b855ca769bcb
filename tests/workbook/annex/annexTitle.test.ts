import { defaultSettings } from "../../../src/engine/model";
import { annexTitle } from "../../../src/workbook/annex/annexTitle";

describe("annexTitle", () => {
  const settings = { ...defaultSettings, annexTitle: "Common services of the CMS Family, 2026–2028" };

  it("keeps the workbook's own title for an annex in the workbook's language", () => {
    expect(annexTitle(settings, "en")).toBe("Common services of the CMS Family, 2026–2028");
    expect(annexTitle({ ...settings, language: "fr" }, "fr")).toBe(
      "Common services of the CMS Family, 2026–2028",
    );
  });

  it("gives the translated title for an annex in another language, never the English one", () => {
    expect(annexTitle(settings, "fr")).toBe("Partage des coûts des services communs de la famille de la CMS");
    expect(annexTitle(settings, "es")).toBe(
      "Distribución de los costos de los servicios comunes de la familia de la CMS",
    );
  });
});
