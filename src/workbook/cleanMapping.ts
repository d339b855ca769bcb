import type { SheetMapping } from "./inputMapping";

/**
 * The mapping of one sheet with only its well-formed parts: it is stored in the workbook as JSON,
 * where anyone may have edited it, and a stray value must not stop the officer from reading.
 */
export function cleanMapping(raw: unknown): SheetMapping | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { source, columns } = raw as { source?: unknown; columns?: unknown };
  const clean: SheetMapping = {};
  if (typeof source === "string" && source.trim() !== "") clean.source = source;
  if (typeof columns === "object" && columns !== null) {
    clean.columns = Object.fromEntries(
      Object.entries(columns).filter(
        (e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== "",
      ),
    );
  }
  return clean;
}
