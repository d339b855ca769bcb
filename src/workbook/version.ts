/** The add-in's version, written into every output sheet and the Log; a test keeps it equal to package.json's. */
export const VERSION = "0.1.0";
