/**
 * Jest: ts-jest transpiles each file alone (tsconfig.json sets isolatedModules, which ts-jest takes
 * as its transpile-only mode); tsc --noEmit type-checks separately, in CI.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls ESM-only packages through office-addin-manifest; it only needs the OfficeApp enum.
    "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
  },
  testTimeout: 120000,
  // Jest 30 soft-deletes the globals a test file set and warns when a library still reads one
  // after the file ends (the "matchers" of an expect extension): the behaviour Jest 29 had, quietly.
  testEnvironmentOptions: { globalsCleanup: "off" },
};
