import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The look the pane takes: from the Office theme inside Excel, or from the system in a browser. */
export type ThemeKind = "light" | "dark" | "high-contrast";

/** The Fluent theme for a kind, so every colour comes from tokens. */
export function paneTheme(kind: ThemeKind): Theme {
  if (kind === "high-contrast") return teamsHighContrastTheme;
  return kind === "dark" ? webDarkTheme : webLightTheme;
}

/**
 * Picks the theme kind: forced colours (Windows high contrast) win; then Office's own dark theme
 * when the pane is inside Office; then the system's prefers-color-scheme.
 */
export function themeKind(officeIsDark: boolean | undefined, media: (query: string) => boolean): ThemeKind {
  if (media("(forced-colors: active)")) return "high-contrast";
  if (officeIsDark !== undefined) return officeIsDark ? "dark" : "light";
  return media("(prefers-color-scheme: dark)") ? "dark" : "light";
}
