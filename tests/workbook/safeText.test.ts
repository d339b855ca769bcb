import { safeText } from "../../src/workbook/safeText";

describe("safeText", () => {
  it.each(['=HYPERLINK("x")', "+1", "-x", "@x", "\tx", "\rx", "\nx", "=1+1"])(
    "keeps %j as text with the text format and no formula",
    (text) => {
      const cell = safeText(text);
      expect(cell).toEqual({ v: text, fmt: "@" });
    },
  );

  it("leaves ordinary text alone and keeps the style", () => {
    expect(safeText("Communication officer", { bold: true })).toEqual({
      v: "Communication officer",
      bold: true,
    });
    expect(safeText("P-4 (=half time)")).toEqual({ v: "P-4 (=half time)" });
  });

  it("never lets a style smuggle in a formula", () => {
    expect(safeText("+x", { f: "SUM(A1)", fmt: "#,##0" })).toEqual({ v: "+x", fmt: "@" });
  });
});
