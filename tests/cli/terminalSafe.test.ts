import { terminalSafe } from "../../src/cli/terminalSafe";

describe("terminalSafe", () => {
  it("leaves ordinary text, accents, tabs and the final line break alone", () => {
    const text = "Posts!C7: Grade 'P-4 Équipe\tCMS' is not in the Grades sheet — €140,000.\n";
    expect(terminalSafe(text)).toBe(text);
  });

  it("shows an escape sequence as its codes, so it cannot set the window title", () => {
    expect(terminalSafe("P4\u001b]0;pwned\u0007\n")).toBe("P4\\x1B]0;pwned\\x07\n");
  });

  it("shows a line break inside a message as \\n, so cell text cannot start a fake message line", () => {
    expect(terminalSafe("Grade 'P4\nPosts!A1: all fine\r' unknown.\n")).toBe(
      "Grade 'P4\\nPosts!A1: all fine\\r' unknown.\n",
    );
  });

  it("shows DEL, the C1 controls and the bidi overrides as their codes", () => {
    expect(terminalSafe("a\u007fb\u009bc\u202ed\u2066e\u2028f")).toBe(
      "a\\x7Fb\\x9Bc\\u202Ed\\u2066e\\u2028f",
    );
  });

  it("keeps only one final line break", () => {
    expect(terminalSafe("done\n\n")).toBe("done\\n\n");
    expect(terminalSafe("")).toBe("");
  });
});
