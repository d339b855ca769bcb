import { normalizeName } from "../../src/workbook/normalizeName";

describe("normalizeName", () => {
  it("ignores case, spaces and punctuation", () => {
    expect(["Post ID", "post_id", "POST-ID", " Post. I.D. "].map(normalizeName)).toEqual(
      Array(4).fill("postid"),
    );
  });

  it("ignores accents, so Français and Francais match", () => {
    expect(normalizeName("Français")).toBe(normalizeName("Francais"));
  });

  it("keeps digits and letters of other scripts", () => {
    expect(normalizeName("Cost 2016 (€)")).toBe("cost2016");
    expect(normalizeName("Стоимость")).toBe("стоимость");
  });
});
