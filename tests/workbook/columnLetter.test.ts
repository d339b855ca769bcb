import { InvalidArgumentError } from "../../src/engine/errors";
import { columnLetter } from "../../src/workbook/columnLetter";

describe("columnLetter", () => {
  it("gives Excel's letters for a 1-based column", () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("throws a named error for a column that cannot exist", () => {
    expect(() => columnLetter(0)).toThrow(InvalidArgumentError);
    expect(() => columnLetter(1.5)).toThrow(InvalidArgumentError);
  });
});
