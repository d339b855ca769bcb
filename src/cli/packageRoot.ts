import { resolve } from "node:path";

/**
 * The package's root folder, where assets/ lives: two levels above this file both when it runs
 * compiled (build/cli/) and under ts-jest or tsx (src/cli/).
 */
export const packageRoot: string = resolve(__dirname, "..", "..");
