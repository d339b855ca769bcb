// ESLint flat config: Office add-in rules, type-aware TypeScript, and the layer boundaries of DESIGN.md.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const nodeModules = [
  "fs",
  "path",
  "os",
  "child_process",
  "crypto",
  "util",
  "stream",
  "url",
  "worker_threads",
];
const coreForbidden = [
  ...nodeModules.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]),
  "react",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
  "@microsoft/office-js",
  "office-addin-*",
  "exceljs",
  "docx",
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "artifacts/", "out/", "**/*.js", "**/*.mjs"] },
  // The office-addins preset registers its own copy of @typescript-eslint; keep its Office, React and
  // Prettier rules and let typescript-eslint's own preset (below) own the TypeScript plugin and parser.
  ...officeAddins.configs.react.map((config) => {
    const plugins = { ...(config.plugins ?? {}) };
    delete plugins["@typescript-eslint"];
    const rules = Object.fromEntries(
      Object.entries(config.rules ?? {}).filter(([name]) => !name.startsWith("@typescript-eslint/")),
    );
    const { languageOptions: _ignored, ...rest } = config;
    return { ...rest, plugins, rules };
  }),
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "react/react-in-jsx-scope": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: coreForbidden.filter((p) => !p.includes("*")),
          patterns: [
            {
              group: coreForbidden.filter((p) => p.includes("*")),
              message: "Pure layers import no Node, DOM, Office or UI package.",
            },
            {
              group: [
                "**/workbook",
                "**/workbook/*",
                "**/excel/*",
                "**/xlsx/*",
                "**/cli/*",
                "**/taskpane/*",
                "**/functions/*",
                "**/annex/*",
              ],
              message: "engine/ imports nothing of ours outside engine/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: coreForbidden.filter((p) => !p.includes("*")),
          patterns: [
            {
              group: coreForbidden.filter((p) => p.includes("*")),
              message: "Pure layers import no Node, DOM, Office or UI package.",
            },
            {
              group: ["../excel/*", "../xlsx/*", "../cli/*", "../taskpane/*", "../functions/*", "../annex/*"],
              message: "workbook/ imports only engine/.",
            },
          ],
        },
      ],
    },
  },
);
