import { webDarkTheme, webLightTheme, teamsHighContrastTheme } from "@fluentui/react-components";
import { paneTheme, themeKind } from "../../src/taskpane/paneTheme";

describe("themeKind", () => {
  const media = (matches: string[]) => (q: string) => matches.includes(q);

  it("follows forced colours first, then Office's theme, then the system", () => {
    expect(themeKind(false, media(["(forced-colors: active)"]))).toBe("high-contrast");
    expect(themeKind(true, media(["(prefers-color-scheme: light)"]))).toBe("dark");
    expect(themeKind(undefined, media(["(prefers-color-scheme: dark)"]))).toBe("dark");
    expect(themeKind(undefined, media([]))).toBe("light");
  });

  it("maps each kind to a Fluent theme", () => {
    expect(paneTheme("light")).toBe(webLightTheme);
    expect(paneTheme("dark")).toBe(webDarkTheme);
    expect(paneTheme("high-contrast")).toBe(teamsHighContrastTheme);
  });
});
