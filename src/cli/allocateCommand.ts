import JSZip from "jszip";
import { writeAnnexDocx } from "../annex/writeAnnexDocx";
import { fromQuanta } from "../engine/money";
import { hasErrors } from "../engine/problem";
import { describeSupersededApproval } from "../workbook/describeSupersededApproval";
import { planRun } from "../workbook/planRun";
import { ForeignSheetError } from "../workbook/errors";
import { toResultJson } from "../workbook/toResultJson";
import { XlsxPackageError } from "../xlsx/errors";
import { XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { analyseInput } from "./analyseInput";
import { checkOutputPath } from "./checkOutputPath";
import type { CliIo } from "./cliIo";
import { UserError } from "./errors";
import { checkOutputUnchanged } from "./outputGuard";
import { checkOutputHistory, lostRunsNote } from "./outputHistory";
import { printProblems } from "./printProblems";
import { readInputFile } from "./readInputFile";
import { writeOutputFiles } from "./writeOutputFiles";

/** The creator writeAnnexDocx records in a .docx's document properties. */
const DOCX_CREATOR = "CMS Family Cost Sharing";

/** The paths and switches of `costshare allocate`. */
export interface AllocateOptions {
  input: string;
  out: string;
  json?: string;
  /** Where to write the annex tables as a Word document. */
  docx?: string;
  /** When set, the command also writes the whole run at this time (tests pin it). */
  now?: Date;
  force: boolean;
  /** Write even when the latest run was approved and this run changes its figures. */
  supersede?: boolean;
}

/**
 * `costshare allocate IN.xlsx --out OUT.xlsx [--json RESULT.json]`: reads and checks the input,
 * allocates, and writes OUT (the input workbook with our sheets added or replaced) and RESULT.json.
 * Every check comes first: on any problem nothing is written; the input is never changed.
 */
export async function allocateCommand(options: AllocateOptions, io: CliIo): Promise<number> {
  const { input, out, json, docx, force } = options;
  const data = await readInputFile(input);
  await checkOutputPath(out, {
    option: "--out",
    mustDiffer: [{ option: "the input", path: input }],
    force,
    isOurs: isOurWorkbook,
  });
  if (json !== undefined) {
    await checkOutputPath(json, {
      option: "--json",
      mustDiffer: [
        { option: "the input", path: input },
        { option: "--out", path: out },
      ],
      force,
      isOurs: (existing) => Promise.resolve(isOurResultJson(existing)),
    });
  }
  if (docx !== undefined) {
    await checkOutputPath(docx, {
      option: "--docx",
      mustDiffer: [
        { option: "the input", path: input },
        { option: "--out", path: out },
        ...(json !== undefined ? [{ option: "--json", path: json }] : []),
      ],
      force,
      isOurs: isOurDocx,
    });
  }
  // OUT is the input with our sheets: an earlier OUT the officer has since edited is not replaced.
  await checkOutputUnchanged(out, { path: input, data }, force);

  const analysis = await analyseInput(input, data);
  checkOutputKind(out, analysis.book);
  printProblems(analysis.problems, io);
  const allocation = analysis.allocation;
  if (!allocation || hasErrors(analysis.problems)) {
    const errors = analysis.problems.filter((p) => p.severity === "error").length;
    io.err(`${input}: ${errors} problem${errors === 1 ? "" : "s"} to fix; nothing was written.\n`);
    return 2;
  }

  const { book, grids, model, history } = analysis;
  // OUT's runs that the input does not have: an approved one is not dropped without --force.
  const lost = await checkOutputHistory(out, { path: input, history }, force);
  const plan = planRun(
    { allocation, history, ...(model !== undefined ? { model } : {}) },
    grids,
    options.now ?? new Date(),
  );
  if (plan.supersedes !== undefined && options.supersede !== true) {
    for (const line of describeSupersededApproval(plan.supersedes)) io.err(`${line}\n`);
    io.err(
      `${input}: nothing was written (${out} was not created or changed). To record this run over the approved one, run again with --supersede ` +
        "(the approved run's figures stay in the Log and the Changes sheet compares with them).\n",
    );
    return 2;
  }
  const { sheets } = plan;
  try {
    await book.writeOutputs(sheets);
  } catch (err) {
    // analyseInput reports these as problems already; this guards a sheet name it did not foresee.
    if (err instanceof ForeignSheetError) throw new UserError(err.message);
    // A part the reader did not need but the writer must edit (the workbook part's sheet list) is malformed.
    if (err instanceof XlsxPackageError) {
      throw new UserError(
        `${input}: the results cannot be written into this workbook (${err.message}); nothing was written.`,
      );
    }
    throw err;
  }
  const workbookBytes = await book.toBuffer();
  const jsonText =
    json !== undefined
      ? `${JSON.stringify(toResultJson(allocation, plan.comparison), null, 2)}\n`
      : undefined;
  const docxBytes = docx !== undefined ? await writeAnnexDocx(allocation) : undefined;

  // Everything is computed before the first file is written, so a fault leaves no partial set.
  await writeOutputFiles([
    { label: `--out ${out}`, path: out, data: workbookBytes },
    ...(json !== undefined && jsonText !== undefined
      ? [{ label: `--json ${json}`, path: json, data: jsonText }]
      : []),
    ...(docx !== undefined && docxBytes !== undefined
      ? [{ label: `--docx ${docx}`, path: docx, data: docxBytes }]
      : []),
  ]);

  const { currency, rounding } = allocation.settings;
  const grand = allocation.grandTotal.total.reduce((a, b) => a + b, 0);
  io.out(
    `Wrote ${out}: ${sheets
      .filter((s) => s.hidden !== true)
      .map((s) => s.name)
      .join(", ")} (and the hidden Run records); grand total ${currency} ` +
      `${fromQuanta(grand, rounding).toLocaleString("en-GB")} for ${allocation.years[0]}-${allocation.years[allocation.years.length - 1]}` +
      // With options, the figure is that of the option written; the Options sheet has the others.
      `${allocation.scenarios ? ` (option '${allocation.scenario ?? ""}' of ${allocation.scenarios.length})` : ""}.\n`,
  );
  io.out(`Run ${plan.run} (${plan.status}). ${plan.inputsChanged}\n`);
  // A run over an approved one that still names the approved paper: most likely a revision.
  if (plan.supersedes?.samePaper === true) {
    io.out(
      `This run supersedes approved run ${plan.supersedes.run} and still names its paper, ` +
        `${plan.supersedes.documentSymbol ?? ""}: ` +
        "if it serves another paper (a revision), change DocumentSymbol in the Settings sheet.\n",
    );
  }
  if (json !== undefined) io.out(`Wrote ${json}.\n`);
  if (docx !== undefined) io.out(`Wrote ${docx}: the annex tables as a Word document.\n`);
  if (lost !== undefined) io.err(`${lostRunsNote(out, input, lost)}\n`);
  return 0;
}

/**
 * OUT is the input with our sheets added, so it is of the input's kind: a macro-enabled workbook
 * keeps its macros only as an .xlsm, and Excel refuses to open a file whose extension belies its
 * content. A Strict Open XML workbook is read but not written into.
 */
function checkOutputKind(out: string, book: XlsxWorkbook): void {
  const extension = `.${book.kind}`;
  if (!out.toLowerCase().endsWith(extension)) {
    throw new UserError(
      book.kind === "xlsm"
        ? `--out ${out}: the input is a macro-enabled workbook, so the output must be an .xlsm file too (it keeps the macros).`
        : `--out ${out}: the input is an .xlsx workbook, so the output must be an .xlsx file too.`,
    );
  }
  const reason = book.unwritable;
  if (reason !== undefined)
    throw new UserError(`--out ${out}: the results cannot be written into this workbook: ${reason}.`);
}

/** An existing .xlsx may be replaced when it holds sheets that carry our ownership mark. */
async function isOurWorkbook(existing: Uint8Array): Promise<boolean> {
  try {
    const book = await XlsxWorkbook.fromBuffer(existing);
    return (await book.listSheets()).some((s) => s.owned);
  } catch {
    // Not a workbook we can read, so certainly not one we wrote: the caller refuses to replace it.
    return false;
  }
}

/** An existing .json may be replaced when it is a RESULT.json as this command writes it. */
function isOurResultJson(existing: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(existing));
    return (
      typeof value === "object" &&
      value !== null &&
      ["currency", "instrumentTotals", "grandTotal"].every((k) => k in value)
    );
  } catch {
    // Not JSON at all: not ours, and the caller refuses to replace it.
    return false;
  }
}

/** An existing .docx may be replaced when this add-in wrote it (its document properties name us as creator). */
async function isOurDocx(existing: Uint8Array): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(existing);
    const core = await zip.file("docProps/core.xml")?.async("string");
    return core !== undefined && core.includes(`<dc:creator>${DOCX_CREATOR}</dc:creator>`);
  } catch {
    // Not a zip at all: not a document we wrote, and the caller refuses to replace it.
    return false;
  }
}
