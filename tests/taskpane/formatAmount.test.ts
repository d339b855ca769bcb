import { formatAmount } from "../../src/taskpane/formatAmount";

describe("formatAmount", () => {
  it("shows whole units with thousands separators when rounding to units", () => {
    expect(formatAmount(5029283)).toBe("5,029,283");
    expect(formatAmount(-15000, 1)).toBe("-15,000");
  });

  it("shows cents when rounding to cents", () => {
    expect(formatAmount(1234.5, 0.01)).toBe("1,234.50");
  });
});
