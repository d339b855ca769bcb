import { formatPercent } from "../../../src/workbook/annex/formatPercent";

describe("formatPercent", () => {
  it("writes the sign close up in English and Spanish", () => {
    expect(formatPercent(0.13, "en")).toBe("13%");
    expect(formatPercent(0.13, "es")).toBe("13%");
  });

  it("puts a no-break space before the sign in French", () => {
    expect(formatPercent(0.13, "fr")).toBe("13\u00a0%");
  });

  it("keeps one decimal only when the share needs it", () => {
    expect(formatPercent(0.125, "en")).toBe("12.5%");
    expect(formatPercent(0.125, "fr")).toBe("12,5\u00a0%");
    expect(formatPercent(0.5, "en")).toBe("50%");
    expect(formatPercent(1 / 3, "en")).toBe("33.3%");
  });
});
