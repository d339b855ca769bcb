import type { InputChange } from "../../engine/changes/inputChange";
import { rowRanges } from "./rowRanges";

/** Longest text the Log's "Inputs changed" cell takes before it refers to the Changes sheet. */
const MAX_LENGTH = 1500;

/**
 * Which inputs changed, by sheet and row, in one line for the Log: "Posts: rows 14, 15 added;
 * rows 4, 6–8 changed; 1 removed (row 9 in the earlier run). Settings: PSC changed."
 */
export function describeInputChanges(changes: readonly InputChange[]): string {
  const sheets = new Map<string, InputChange[]>();
  for (const c of changes) sheets.set(c.sheet, [...(sheets.get(c.sheet) ?? []), c]);
  const parts: string[] = [];
  for (const [sheet, list] of sheets) {
    const rows = (kind: InputChange["kind"]) =>
      list.filter((c) => c.kind === kind).flatMap((c) => c.row ?? []);
    const said: string[] = [];
    const added = rows("added");
    if (added.length > 0) said.push(`${plural(added, "row")} ${rowRanges(added)} added`);
    const changed = list.filter((c) => c.kind === "changed");
    if (changed.length > 0) {
      const settings = changed.every((c) => c.field === "Value");
      said.push(
        settings
          ? `${[...new Set(changed.map((c) => c.item))].join(", ")} changed`
          : `${plural(rows("changed"), "row")} ${rowRanges(rows("changed"))} changed`,
      );
    }
    const removed = list.filter((c) => c.kind === "removed");
    if (removed.length > 0) {
      const was = removed.flatMap((c) => c.row ?? []);
      said.push(`${removed.length} removed (${plural(was, "row")} ${rowRanges(was)} in the earlier run)`);
    }
    parts.push(`${sheet}: ${said.join("; ")}.`);
  }
  const text = parts.join(" ");
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.lastIndexOf(" ", MAX_LENGTH);
  return `${text.slice(0, cut)} \u2026 (the Changes sheet lists every one)`;
}

function plural(rows: readonly number[], word: string): string {
  return new Set(rows).size === 1 ? word : `${word}s`;
}
