import { outputSheetNames } from "../workbook/outputSheetNames";
import { VERSION } from "../workbook/version";
import { allocateCommand } from "./allocateCommand";
import type { CliIo } from "./cliIo";
import { processIo } from "./cliIo";
import { SystemFileError, UserError } from "./errors";
import { parseCommandLine } from "./parseCommandLine";
import { sampleCommand } from "./sampleCommand";
import { terminalSafe } from "./terminalSafe";
import { validateCommand } from "./validateCommand";

/** The sheets allocate can write, in words ("A, B (for ...) and C"), as lines of the usage. */
const OUTPUT_LIST = ((): string => {
  const sheets = (hasOptions: boolean, hasParties: boolean): string[] =>
    outputSheetNames({ hasOptions, hasParties, ownedSheets: [] });
  const plain = sheets(false, false);
  const withOptions = sheets(true, false);
  const names = sheets(true, true).map((n) =>
    n === "Run records"
      ? `${n} (hidden)`
      : plain.includes(n)
        ? n
        : withOptions.includes(n)
          ? `${n} (for a workbook with options)`
          : `${n} (for a workbook with Parties)`,
  );
  return wrap([names.slice(0, -1).join(", "), names[names.length - 1]].join(" and "), "      ");
})();

const HELP = `costshare ${VERSION}: shares the common services of the CMS Family secretariats across instruments.

Usage:
  costshare allocate IN.xlsx --out OUT.xlsx [--json RESULT.json] [--docx ANNEX.docx] [--force] [--supersede]
      Reads the input sheets of IN.xlsx, checks them, allocates every post and budget line, and
      writes OUT.xlsx: IN.xlsx with costshare's sheets added (or replaced, when an earlier run wrote
      them); everything else in IN.xlsx is kept as it is. The sheets it writes are
${OUTPUT_LIST}.
      A macro-enabled IN.xlsm gives an OUT.xlsm with its macros. --json also writes the figures as
      RESULT.json, --docx the annex tables as a Word document for a Standing Committee paper.
      When the latest run in IN.xlsx was approved and this run would change its figures, nothing
      is written unless --supersede is given. The Log goes on from IN.xlsx's: to keep a history
      of runs, run on the last OUT.xlsx. An OUT.xlsx holding an approved run that IN.xlsx does
      not have is not replaced without --force.
  costshare validate IN.xlsx
      Lists every problem in IN.xlsx, each as Sheet!A1: message; writes nothing.
  costshare sample OUT.xlsx [--force]
      Writes the CMS Family sample workbook, a complete input to start from.
  costshare --help | --version

IN.xlsx is never changed. An existing output file is replaced only when costshare wrote it
(an .xlsx with costshare's sheets, a RESULT.json, an annex .docx, the unchanged sample), or with
--force. Nor is an OUT.xlsx in which you added or edited a sheet since costshare wrote it (the
message names the sheets) replaced without --force. Nothing is written when the input has a problem.

Exit codes: 0 done; 2 a problem with the input or with what was asked (a usage mistake, a file
that cannot be read, an output folder that cannot be written to, an output that is not replaced):
every problem on stderr, nothing written; 1 the system failed to write a file (a full disk, an
I/O error) or a fault of costshare's own.
`;

/**
 * The `costshare` command: parses `argv` (without "node" and the script), runs the command and
 * resolves to the exit code. It never throws: a user's mistake (an output folder that cannot be
 * written to included) is one clear line and exit 2; a write the system fails (a full disk), or a
 * fault of ours, one line and exit 1 (the stack only with COSTSHARE_DEBUG=1).
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const safe = terminalSafeIo(io);
  try {
    return await run(argv, safe);
  } catch (err) {
    if (err instanceof UserError) {
      safe.err(`costshare: ${err.message}\n`);
      return 2;
    }
    if (err instanceof SystemFileError) {
      safe.err(`costshare: ${err.message}\n`);
      return 1;
    }
    const fsError = err as NodeJS.ErrnoException;
    if (err instanceof Error && typeof fsError.code === "string" && typeof fsError.path === "string") {
      // The file system refused (no space, no permission): not a bug of ours, and the message says which file.
      safe.err(`costshare: ${fsError.path}: ${fsError.message.replace(/^[A-Z]+: /, "")}\n`);
      return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    safe.err(`costshare: internal error: ${message}. Please report it with the input workbook.\n`);
    if (process.env.COSTSHARE_DEBUG && err instanceof Error && err.stack)
      writeLines(safe.err, `${err.stack}\n`);
    return 1;
  }
}

/**
 * Every message the command prints goes through terminalSafe, one message (one line) a call:
 * a workbook's cell text can then neither drive the terminal nor start a line of its own.
 */
function terminalSafeIo(io: CliIo): CliIo {
  return { out: (text) => io.out(terminalSafe(text)), err: (text) => io.err(terminalSafe(text)) };
}

/** Writes a text of several lines of our own (the usage, a stack), one line a call. */
function writeLines(write: (text: string) => void, text: string): void {
  for (const line of text.split(/(?<=\n)/)) write(line);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.version) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (values.help || command === undefined || command === "help") {
    writeLines(io.out, HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  switch (command) {
    case "allocate": {
      const input = onlyFile(files, "allocate", "IN.xlsx");
      if (values.out === undefined)
        throw new UserError("allocate needs --out OUT.xlsx (the input workbook is never changed).");
      if (!/\.xls[xm]$/i.test(values.out))
        throw new UserError(
          `--out ${values.out}: the output must be an .xlsx file (.xlsm for a macro-enabled input).`,
        );
      if (values.docx !== undefined && !/\.docx$/i.test(values.docx)) {
        throw new UserError(`--docx ${values.docx}: the annex must be written to a .docx file.`);
      }
      return allocateCommand(
        {
          input,
          out: values.out,
          json: values.json,
          docx: values.docx,
          force: values.force ?? false,
          supersede: values.supersede ?? false,
        },
        io,
      );
    }
    case "validate":
      rejectOptions(values, "validate", ["out", "json", "docx", "force", "supersede"]);
      return validateCommand(onlyFile(files, "validate", "IN.xlsx"), io);
    case "sample": {
      rejectOptions(values, "sample", ["out", "json", "docx", "supersede"]);
      const out = onlyFile(files, "sample", "OUT.xlsx");
      if (!/\.xlsx$/i.test(out)) throw new UserError(`${out}: the sample must be written to an .xlsx file.`);
      return sampleCommand(out, values.force ?? false, io);
    }
    default:
      throw new UserError(`unknown command '${command}'. Run costshare --help for the commands.`);
  }
}

/** The single file argument of a command. */
function onlyFile(files: string[], command: string, what: string): string {
  if (files.length === 0)
    throw new UserError(`${command} needs ${what}. Run costshare --help for the usage.`);
  if (files.length > 1) throw new UserError(`${command} takes one ${what}, got: ${files.join(" ")}.`);
  return files[0];
}

/** Refuses options given to a command that does not use them, rather than ignoring them silently. */
function rejectOptions(values: Record<string, unknown>, command: string, names: string[]): void {
  const given = names.filter((n) => values[n] !== undefined);
  if (given.length > 0)
    throw new UserError(`${command} does not take ${given.map((n) => `--${n}`).join(", ")}.`);
}

/** Text broken into lines of at most 96 characters, each after `indent`. */
function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > 96) {
      lines.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(indent + line);
  return lines.join("\n");
}
