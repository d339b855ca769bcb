import { parseArgs } from "node:util";
import { closestName } from "./closestName";
import { UserError } from "./errors";

/** The options every command shares; each command rejects those that make no sense for it. */
const OPTIONS = {
  out: { type: "string", short: "o" },
  json: { type: "string" },
  docx: { type: "string" },
  force: { type: "boolean" },
  supersede: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** What each option that takes a value is given, as the usage writes it. */
const VALUE_OF: Record<string, string> = { out: "OUT.xlsx", json: "RESULT.json", docx: "ANNEX.docx" };

const USAGE = "Run costshare --help for the usage.";

/** The command line, parsed: the options by name and the words that are not options. */
export type CommandLine = ReturnType<typeof parseStrict>;

/**
 * Parses the command line, or throws a UserError that says in one sentence what is wrong: an
 * unknown option (with the nearest known one), an option without its value or with one it does
 * not take, or an option given twice with different values.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  const { tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const given = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const name = token.name as keyof typeof OPTIONS;
    if (!Object.hasOwn(OPTIONS, name)) throw unknownOption(token.rawName, argv[token.index]);
    if (OPTIONS[name].type === "boolean") {
      if (token.value !== undefined)
        throw new UserError(`Option ${token.rawName} takes no value: write ${token.rawName} alone. ${USAGE}`);
      continue;
    }
    // A following word that starts with '-' is another option, not this one's file (--json=-x says otherwise).
    if (!token.value || (!token.inlineValue && token.value.startsWith("-"))) {
      throw new UserError(
        `Option ${token.rawName} needs a file name after it, as in ${token.rawName} ${VALUE_OF[name]}. ${USAGE}`,
      );
    }
    const earlier = given.get(name);
    if (earlier !== undefined && earlier !== token.value)
      throw new UserError(`Option --${name} is given twice (${earlier} and ${token.value}): give it once.`);
    given.set(name, token.value);
  }
  return parseStrict(argv);
}

/** node:util's own strict parse, for typed values; parseCommandLine has ruled out what it would throw on. */
function parseStrict(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (err) {
    // Not expected after the checks above; node:util's own words, still as a usage mistake.
    throw new UserError(`${err instanceof Error ? err.message : String(err)} ${USAGE}`);
  }
}

/** The error for an unknown option, naming the nearest known one when one is close. */
function unknownOption(rawName: string, arg: string | undefined): UserError {
  // "-json" parses as the short options -j -s -o -n; say what was typed, and compare the word.
  const typed = /^-[^-]/.test(arg ?? "") && (arg ?? "").length > 2 ? (arg ?? "").split("=")[0] : rawName;
  const known = Object.keys(OPTIONS);
  const word = typed.replace(/^--?/, "");
  const nearest = word.length > 1 ? closestName(word, known) : undefined;
  const hint = nearest !== undefined ? ` Did you mean '--${nearest}'?` : "";
  return new UserError(`Unknown option '${typed}'.${hint} ${USAGE}`);
}
