import { lstat, readFile } from "node:fs/promises";
import { lastLoggedFingerprint } from "../workbook/buildLogSheet";
import type { WorkbookGrids } from "../workbook/grid";
import { inputFingerprint } from "../workbook/inputFingerprint";
import { inputSheets, type InputSheets } from "../workbook/inputSheets";
import { XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { UserError } from "./errors";
import { nodeZipCodec } from "./nodeZipCodec";

/** How many sheet names a refusal lists before it says "and N more". */
const LISTED = 5;

/**
 * Refuses, unless `force`, to replace an existing OUT workbook (one that carries costshare's
 * sheets: checkOutputPath has made sure of that) whose sheets of the officer's were changed by
 * hand since costshare wrote it, because the new OUT is the input with our sheets, and whatever
 * the officer added or edited in OUT would be lost. Replacing is allowed when either holds:
 * - every sheet of the officer's in OUT is, value for value, also in the input: nothing is lost;
 * - OUT's sheets still have the input fingerprint its own Log records for the last run (so OUT
 *   is as costshare wrote it, and the differences are the officer's edits to the input), and
 *   every sheet that differs from the input is one whose cells that fingerprint covers (the input
 *   sheets; another sheet counts only by its name in it, so an edit to it cannot be ruled out).
 * An OUT whose Log records no fingerprint (an older costshare wrote none, or the Log was emptied)
 * is replaced only under the first rule: whether it was edited cannot be told, and it may have been. Our own sheets are not compared: they are
 * replaced on every run, as documented.
 */
export async function checkOutputUnchanged(
  out: string,
  input: { path: string; data: Uint8Array },
  force: boolean,
): Promise<void> {
  if (force) return;
  const info = await lstat(out).catch(() => undefined);
  if (!info?.isFile()) return;
  const existing = await readFile(out);
  const unreadable = new UserError(
    `--out ${out}: costshare cannot read this workbook to make sure that nothing in it would be lost; ` +
      `nothing was written. Choose another --out, or add --force to replace it.`,
  );
  const outBook = await open(new Uint8Array(existing.buffer, existing.byteOffset, existing.byteLength));
  if (!outBook) throw unreadable;
  // An input that cannot be opened is reported by the analysis that follows, before anything is written.
  const inBook = await open(input.data);
  if (!inBook) return;

  const differences = await compareSheets(outBook, inBook);
  if (differences && differences.added.length + differences.changed.length === 0) return;

  let picked: InputSheets | undefined;
  const asRead = await outBook
    .readInputs({ select: (index) => (picked = inputSheets(index)) })
    .catch(() => Promise.reject(unreadable));
  const ownsLog = asRead.ownedSheets.some((o) => o.toLowerCase() === "log");
  const log = ownsLog ? asRead.sheets.find((s) => s.name.toLowerCase() === "log") : undefined;
  const logged = log ? lastLoggedFingerprint(log) : undefined;
  const unchanged = logged !== undefined && inputFingerprint(asRead).startsWith(logged);
  const covered = new Set((picked?.sheets ?? []).map((s) => s.toLowerCase()));
  const uncovered = differences
    ? [...differences.added, ...differences.changed].filter((s) => !covered.has(s.toLowerCase()))
    : [];
  if (unchanged && uncovered.length === 0) return;

  let why: string;
  if (logged === undefined) {
    why =
      "its Log records no input fingerprint for the last run (an older costshare wrote it), " +
      "so costshare cannot tell whether it was changed by hand since";
  } else if (!unchanged) {
    why = `it was changed after costshare wrote it (its sheets no longer match the input fingerprint ${logged} its Log records for the last run)`;
  } else {
    why =
      `costshare cannot tell whether ${list(uncovered)} ${uncovered.length === 1 ? "was" : "were"} changed by hand since it wrote it ` +
      `(the input fingerprint its Log records counts ${uncovered.length === 1 ? "that sheet" : "those sheets"} by name, not by cell)`;
  }
  const what = differences ? `: ${describe(differences, input.path)}` : "";
  throw new UserError(
    `--out ${out}: ${why}${what}. Nothing was written. Choose another --out, or add --force to replace it ` +
      `(it then holds the sheets of ${input.path} with new results, and loses those changes).`,
  );
}

/** The officer's sheets of OUT that are not in IN, and those whose values differ from IN's. */
interface SheetDifferences {
  added: string[];
  changed: string[];
}

/** Every non-owned sheet of OUT against the one of the same name in IN, value for value; undefined when a sheet cannot be read. */
async function compareSheets(
  outBook: XlsxWorkbook,
  inBook: XlsxWorkbook,
): Promise<SheetDifferences | undefined> {
  try {
    const outSheets = sheetPrints(await outBook.readInputs());
    const inSheets = sheetPrints(await inBook.readInputs());
    const added: string[] = [];
    const changed: string[] = [];
    for (const [key, { name, print }] of outSheets) {
      const other = inSheets.get(key);
      if (other === undefined) added.push(name);
      else if (other.print !== print) changed.push(name);
    }
    return { added, changed };
  } catch {
    // A sheet beyond what is read (a very large ledger): judged by the Log's fingerprint alone.
    return undefined;
  }
}

/** Each sheet of the officer's (not ours) by its lower-case name, with a fingerprint of its values alone. */
function sheetPrints(grids: WorkbookGrids): Map<string, { name: string; print: string }> {
  const owned = new Set(grids.ownedSheets.map((s) => s.toLowerCase()));
  const prints = new Map<string, { name: string; print: string }>();
  for (const sheet of grids.sheets) {
    if (owned.has(sheet.name.toLowerCase())) continue;
    const print = inputFingerprint({ sheets: [sheet], tables: [], ownedSheets: [] });
    prints.set(sheet.name.toLowerCase(), { name: sheet.name, print });
  }
  return prints;
}

/** How OUT's sheets of the officer's differ from the input's: what replacing it would lose, or overwrite. */
function describe({ added, changed }: SheetDifferences, input: string): string {
  const parts: string[] = [];
  if (added.length > 0) parts.push(`${list(added)} ${added.length === 1 ? "is" : "are"} not in ${input}`);
  if (changed.length > 0)
    parts.push(`${list(changed)} ${changed.length === 1 ? "differs" : "differ"} from ${input}`);
  return parts.join(", and ");
}

/** Sheet names, quoted, the first few of them. */
function list(names: string[]): string {
  const shown = names.slice(0, LISTED).map((n) => `'${n}'`);
  const more = names.length - shown.length;
  const words = more > 0 ? [...shown, `${more} more`] : shown;
  const kind = names.length === 1 ? "the sheet" : "the sheets";
  return `${kind} ${words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : words[0]}`;
}

/** A workbook from its bytes, or undefined when it cannot be opened. */
async function open(data: Uint8Array): Promise<XlsxWorkbook | undefined> {
  try {
    return await XlsxWorkbook.fromBuffer(data, nodeZipCodec);
  } catch {
    return undefined;
  }
}
