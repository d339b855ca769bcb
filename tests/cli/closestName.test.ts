import { closestName } from "../../src/cli/closestName";

const OPTIONS = ["out", "json", "docx", "force", "help", "version"];

describe("closestName", () => {
  it.each([
    ["jsn", "json"],
    ["josn", "json"],
    ["forse", "force"],
    ["docs", "docx"],
    ["ouy", "out"],
    ["JSON", "json"],
    ["ver", "version"],
    ["output", "out"],
    ["hlep", "help"],
  ])("takes '%s' for '%s'", (typo, meant) => {
    expect(closestName(typo, OPTIONS)).toBe(meant);
  });

  it.each(["bogus", "x", "", "overwrite", "verbose"])("suggests nothing for '%s'", (word) => {
    expect(closestName(word, OPTIONS)).toBeUndefined();
  });
});
