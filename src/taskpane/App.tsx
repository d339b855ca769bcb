import {
  Badge,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Language } from "../engine/model";
import type { Problem } from "../engine/problem";
import type { AllocationOutcome } from "../engine/result";
import { ForeignSheetError } from "../workbook/errors";
import type { WorkbookGrids } from "../workbook/grid";
import { applyRuleDrafts } from "./applyRuleDrafts";
import { copyHtml } from "./copyHtml";
import { initialDrafts } from "./initialDrafts";
import { paneTheme, type ThemeKind } from "./paneTheme";
import type { Pipeline, ReadOutcome } from "./pipeline";
import type { ContractSheetName, InputMapping } from "../workbook/inputMapping";
import type { RuleDraft } from "./ruleDraft";
import { rulesCells } from "./rulesCells";
import { saveBytes } from "./saveBytes";
import { ExportStep } from "./steps/ExportStep";
import { InputsStep } from "./steps/InputsStep";
import { PreviewStep } from "./steps/PreviewStep";
import { ProblemsStep } from "./steps/ProblemsStep";
import { RulesStep } from "./steps/RulesStep";
import { WriteStep, type PaneError } from "./steps/WriteStep";
import type { WorkbookSession } from "./workbookSession";

/** Props of the pane. */
export interface AppProps {
  /** The engine and workbook functions the pane runs. */
  pipeline: Pipeline;
  /** Opens the first workbook: the open one in Excel, or the sample in a browser. */
  initial: () => Promise<WorkbookSession>;
  /** Browser only: opens a file the officer chose. */
  openFile?: (name: string, bytes: ArrayBuffer) => Promise<WorkbookSession>;
  /** Light, dark or high contrast. */
  theme: ThemeKind;
}

/** The six steps, in order. */
type Step = "inputs" | "problems" | "rules" | "preview" | "write" | "export";

/** The workbook as read, with the drafts of its rules. */
interface Loaded {
  session: WorkbookSession;
  grids: WorkbookGrids;
  mapping: InputMapping;
  read: ReadOutcome;
  /** The drafts as read, to tell edits apart. */
  readDrafts: RuleDraft[];
}

const EMPTY_MAPPING: InputMapping = {};

/** Lets React paint (progress, spinners) between phases of long work, so the pane never freezes. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
  },
  fileRow: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  tabs: { flexWrap: "wrap", marginBottom: tokens.spacingVerticalM },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hidden: { display: "none" },
});

/** The mapping with one contract sheet read from another sheet (or found automatically again). */
function withSheetMapping(
  mapping: InputMapping,
  sheet: ContractSheetName,
  to: string | undefined,
): InputMapping {
  const { source: _old, ...rest } = mapping[sheet] ?? {};
  return { ...mapping, [sheet]: to === undefined ? rest : { ...rest, source: to } };
}

/** The mapping with one column of a contract sheet read from another header (or found automatically again). */
function withColumnMapping(
  mapping: InputMapping,
  sheet: ContractSheetName,
  column: string,
  to: string | undefined,
): InputMapping {
  const current = mapping[sheet] ?? {};
  const columns = { ...(current.columns ?? {}) };
  if (to === undefined) delete columns[column];
  else columns[column] = to;
  return { ...mapping, [sheet]: { ...current, columns } };
}

/** Message of anything thrown, for a MessageBar (the error itself is also logged for support). */
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The task pane: the six steps of a cost-sharing run over one workbook, in Excel or in a browser. */
export function App({ pipeline, initial, openFile, theme }: AppProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>();
  const [busy, setBusy] = useState<string | undefined>("Opening the workbook…");
  const [loadError, setLoadError] = useState<PaneError>();
  const [step, setStep] = useState<Step>("inputs");
  const [drafts, setDrafts] = useState<RuleDraft[]>([]);
  const [saving, setSaving] = useState(false);
  const [rulesError, setRulesError] = useState<PaneError>();
  const [progress, setProgress] = useState<{ fraction: number; label: string }>();
  const [confirmReplace, setConfirmReplace] = useState<string[]>();
  const [writeError, setWriteError] = useState<PaneError>();
  const [written, setWritten] = useState<string[]>();
  const [language, setLanguage] = useState<Language>("en");
  const [exportDone, setExportDone] = useState<string>();
  const [exportError, setExportError] = useState<PaneError>();
  const fileInput = useRef<HTMLInputElement>(null);

  /** Reads a session's workbook and its saved mapping, and starts over from what it holds. */
  const load = useCallback(
    async (session: WorkbookSession, keepStep = false) => {
      setBusy("Reading the workbook…");
      setLoadError(undefined);
      try {
        const [grids, saved] = await Promise.all([session.port.readInputs(), session.loadMapping()]);
        await tick();
        const mapping = saved ?? EMPTY_MAPPING;
        const read = pipeline.read(grids, mapping);
        const readDrafts = read.model ? initialDrafts(read.model) : [];
        setLoaded({ session, grids, mapping, read, readDrafts });
        setDrafts(readDrafts);
        setWritten(undefined);
        setWriteError(undefined);
        setExportDone(undefined);
        if (!keepStep) setStep(read.problems.some((p) => p.severity === "error") ? "problems" : "inputs");
        return read;
      } catch (e) {
        console.error(e);
        setLoadError({
          title: "The workbook could not be read",
          message: `${messageOf(e)}. Check that it is an Excel workbook (.xlsx), then try again.`,
        });
        return undefined;
      } finally {
        setBusy(undefined);
      }
    },
    [pipeline],
  );

  useEffect(() => {
    initial().then(
      (s) => load(s),
      (e: unknown) => {
        console.error(e);
        setBusy(undefined);
        setLoadError({
          title: "The workbook could not be opened",
          message: `${messageOf(e)}.${openFile ? " Open an .xlsx file of your own with the button above." : " Reload the add-in."}`,
        });
      },
    );
  }, [initial, load, openFile]);

  // Tells tests and the time-to-interactive benchmark that the pane is usable (or has failed).
  useEffect(() => {
    if (busy) return;
    if (loaded) {
      document.documentElement.dataset.pane = "ready";
      // Guarded: some embedded webviews (and jsdom) have no User Timing API.
      if (typeof performance.mark === "function") performance.mark("pane-interactive");
    } else if (loadError) {
      document.documentElement.dataset.pane = "error";
    }
  }, [loaded, busy, loadError]);

  // The preview follows the drafts; deferring keeps typing in a field responsive on big workbooks.
  const deferredDrafts = useDeferredValue(drafts);
  const rulesSheet = loaded?.read.rules?.sheet ?? "Rules";
  const applied = useMemo(
    () =>
      loaded?.read.model
        ? applyRuleDrafts(loaded.read.model, deferredDrafts, (m, b) => pipeline.parseBasis(m, b), rulesSheet)
        : undefined,
    [loaded, deferredDrafts, pipeline, rulesSheet],
  );
  const run = useMemo((): { outcome?: AllocationOutcome; fault?: string } => {
    if (!applied?.model) return {};
    try {
      return { outcome: pipeline.allocate(applied.model) };
    } catch (e) {
      console.error(e);
      return { fault: messageOf(e) };
    }
  }, [applied, pipeline]);
  const allocation = run.outcome?.ok ? run.outcome.allocation : undefined;

  const problems: Problem[] = useMemo(() => {
    // The engine's problems know their row and field; the workbook layer knows the cell.
    const locate = loaded?.read.locate ?? ((p: Problem) => p);
    return [
      ...(loaded?.read.problems ?? []),
      ...(run.outcome && !run.outcome.ok ? run.outcome.problems : []).map(locate),
      ...(allocation?.warnings ?? []).map(locate),
    ];
  }, [loaded, run, allocation]);
  const errorCount = problems.filter((p) => p.severity === "error").length;
  const draftProblems = applied?.problems ?? [];
  const dirty = JSON.stringify(drafts) !== JSON.stringify(loaded?.readDrafts ?? []);
  const blocked =
    errorCount > 0
      ? `${errorCount} problem${errorCount === 1 ? "" : "s"} must be fixed first (see Problems).`
      : draftProblems.length > 0
        ? "A rule needs attention first (see Rules)."
        : run.fault
          ? "The run failed (see the message above)."
          : !allocation
            ? "There is nothing to write yet."
            : undefined;

  const updateMapping = async (next: InputMapping) => {
    if (!loaded) return;
    try {
      await loaded.session.saveMapping(next);
      await load(loaded.session, true);
    } catch (e) {
      console.error(e);
      setLoadError({ title: "The mapping could not be saved", message: `${messageOf(e)}. Try again.` });
    }
  };

  /** Writes the edited rules into the Rules sheet, then reads the workbook again so the sheet is the truth. */
  const saveRules = async (): Promise<boolean> => {
    if (!loaded) return false;
    const location = loaded.read.rules;
    if (!location) {
      setRulesError({
        title: "There is no Rules sheet to save to",
        message:
          "Add a sheet named Rules with the headers Unit, Method, Basis, Participants, Min, Max, then read the workbook again.",
      });
      return false;
    }
    setSaving(true);
    setRulesError(undefined);
    try {
      await loaded.session.writeRules(location.sheet, rulesCells(location, drafts, loaded.readDrafts));
      await load(loaded.session, true);
      return true;
    } catch (e) {
      console.error(e);
      setRulesError({
        title: "The rules could not be saved",
        message: `${messageOf(e)}. Nothing else was changed; try again.`,
      });
      return false;
    } finally {
      setSaving(false);
    }
  };

  /** First half of a write: see what is there, and ask before replacing an earlier run. */
  const startWrite = async () => {
    if (!loaded) return;
    setWriteError(undefined);
    try {
      const existing = await loaded.session.port.listSheets();
      const isOutput = (name: string) =>
        pipeline.outputNames.some((o) => o.toLowerCase() === name.toLowerCase());
      const foreign = existing.filter((s) => isOutput(s.name) && !s.owned).map((s) => s.name);
      if (foreign.length > 0) throw new ForeignSheetError(foreign);
      // Log is ours too, but a run only adds a row to it: no need to ask about it.
      const ours = existing.filter((s) => isOutput(s.name) && s.owned && s.name.toLowerCase() !== "log");
      if (ours.length > 0) setConfirmReplace(ours.map((s) => s.name));
      else await finishWrite();
    } catch (e) {
      reportWriteError(e);
    }
  };

  const reportWriteError = (e: unknown) => {
    // A sheet of the officer's in the way is their situation, told in the MessageBar; anything else is logged too.
    if (!(e instanceof ForeignSheetError)) console.error(e);
    setProgress(undefined);
    setWriteError(
      e instanceof ForeignSheetError
        ? { title: "A sheet of yours is in the way", message: e.message }
        : {
            title: "The results could not be written",
            message: `${messageOf(e)}. Your sheets and any earlier results are as they were; try again.`,
          },
    );
  };

  /** Second half: save edited rules, build the sheets from the workbook as it now reads, write them. */
  const finishWrite = async () => {
    if (!loaded) return;
    setConfirmReplace(undefined);
    // The earlier links stay until a new write really starts (a cancelled one leaves them).
    setWritten(undefined);
    try {
      let session = loaded.session;
      let grids = loaded.grids;
      let model = applied?.model;
      if (dirty) {
        setProgress({ fraction: 0.05, label: "Saving the rules to the Rules sheet…" });
        await tick();
        if (!(await saveRules())) {
          setProgress(undefined);
          return;
        }
        // Re-read so the results come from the rules as they now stand in the sheet.
        const again = await session.port.readInputs();
        grids = again;
        model = pipeline.read(again, loaded.mapping).model;
        session = loaded.session;
      }
      setProgress({ fraction: 0.15, label: "Computing the allocation…" });
      await tick();
      const outcome = model ? pipeline.allocate(model) : undefined;
      if (!outcome?.ok) {
        setProgress(undefined);
        setWriteError({ title: "Nothing was written", message: "The workbook has problems; see Problems." });
        return;
      }
      setProgress({ fraction: 0.25, label: "Building the sheets…" });
      await tick();
      const sheets = pipeline.outputs(outcome.allocation, grids, new Date());
      setProgress({ fraction: 0.35, label: "Writing the sheets…" });
      await tick();
      await session.port.writeOutputs(sheets, (f) =>
        setProgress({ fraction: 0.35 + 0.55 * f, label: "Writing the sheets…" }),
      );
      if (session.afterWrite) {
        setProgress({ fraction: 0.93, label: "Adding the savings chart…" });
        await tick();
        await session.afterWrite(outcome.allocation);
      }
      setProgress(undefined);
      setWritten(sheets.map((s) => s.name));
    } catch (e) {
      reportWriteError(e);
    }
  };

  const download = async () => {
    if (!loaded?.session.download) return;
    try {
      const bytes = await loaded.session.download();
      const base = loaded.session.title.replace(/\.xlsx$/i, "");
      saveBytes(
        bytes,
        `${base}-result.xlsx`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
    } catch (e) {
      reportWriteError(e);
    }
  };

  const exportDocx = async () => {
    if (!allocation || !pipeline.annexDocx) return;
    setExportError(undefined);
    setExportDone(undefined);
    try {
      const bytes = await pipeline.annexDocx(allocation, language);
      saveBytes(
        bytes,
        `annex-${language}.docx`,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      setExportDone(`The annex (${language}) was offered as annex-${language}.docx.`);
    } catch (e) {
      console.error(e);
      setExportError({ title: "The annex could not be made.", message: `${messageOf(e)}. Try again.` });
    }
  };

  const exportCopy = async () => {
    if (!allocation || !pipeline.annexHtml) return;
    setExportError(undefined);
    setExportDone(undefined);
    try {
      await copyHtml(pipeline.annexHtml(allocation, language));
      setExportDone("The annex tables are on the clipboard: paste them into Word or Outlook.");
    } catch (e) {
      console.error(e);
      setExportError({
        title: "The tables could not be copied.",
        message: `${messageOf(e)}. Download the .docx instead, or allow clipboard access and try again.`,
      });
    }
  };

  const openChosenFile = async (file: File | undefined) => {
    if (!file || !openFile) return;
    setBusy(`Opening ${file.name}…`);
    try {
      const session = await openFile(file.name, await file.arrayBuffer());
      await load(session);
    } catch (e) {
      console.error(e);
      setBusy(undefined);
      setLoadError({
        title: `${file.name} could not be opened`,
        message: `${messageOf(e)}. Check that it is an Excel workbook (.xlsx) and try again.`,
      });
    }
  };

  const session = loaded?.session;
  const sheetNames = loaded
    ? [...loaded.grids.sheets.map((s) => s.name), ...loaded.grids.tables.map((t) => t.name)]
    : [];
  const instruments = loaded?.read.model?.instruments ?? [];
  const drivers = [...new Set(instruments.flatMap((i) => Object.keys(i.drivers)))];

  return (
    // The page styles sit on <main>, not on the provider: Fluent gives the provider's classes to the
    // portal node that holds every popup, and a full-height padded portal would cover the pane.
    <FluentProvider theme={paneTheme(theme)}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            CMS Family Cost Sharing
          </Text>
          {session && (
            <Text size={200}>
              {session.mode === "excel"
                ? "Working on this workbook in Excel"
                : `Working on ${session.title} in this browser`}
            </Text>
          )}
          {openFile && (
            <div className={styles.fileRow}>
              <input
                ref={fileInput}
                className={styles.hidden}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label="Choose an .xlsx workbook"
                tabIndex={-1}
                onChange={(e) => {
                  void openChosenFile(e.target.files?.[0]);
                  e.target.value = "";
                }}
              />
              <Button onClick={() => fileInput.current?.click()}>Open .xlsx</Button>
              {session?.download && (
                <Button onClick={() => void download()} disabled={!written}>
                  Download result (.xlsx)
                </Button>
              )}
            </div>
          )}
        </header>

        {busy && <Spinner label={busy} size="small" />}
        {loadError && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{loadError.title}</MessageBarTitle>
              {loadError.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {!loaded && !busy && !loadError && (
          <MessageBar intent="info">
            <MessageBarBody>
              Open a budget workbook with the sheets Instruments, Posts and Rules to begin.
            </MessageBarBody>
          </MessageBar>
        )}

        {loaded && (
          <>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={step}
              onTabSelect={(_, d) => setStep(d.value as Step)}
              aria-label="Steps"
            >
              <Tab value="inputs">1 Inputs</Tab>
              <Tab value="problems">
                2 Problems{" "}
                {errorCount > 0 && (
                  <Badge size="small" color="danger" aria-label={`${errorCount} errors`}>
                    {errorCount}
                  </Badge>
                )}
              </Tab>
              <Tab value="rules">3 Rules{dirty ? " *" : ""}</Tab>
              <Tab value="preview">4 Preview</Tab>
              <Tab value="write">5 Write</Tab>
              <Tab value="export">6 Export</Tab>
            </TabList>
            <section className={styles.panel} role="tabpanel" aria-label={`Step ${step}`}>
              {step === "inputs" && (
                <InputsStep
                  sheets={loaded.read.sheets}
                  sheetNames={sheetNames}
                  mapping={loaded.mapping}
                  onReload={() => void load(loaded.session, true)}
                  onMapSheet={(sheet, to) => void updateMapping(withSheetMapping(loaded.mapping, sheet, to))}
                  onMapColumn={(sheet, column, to) =>
                    void updateMapping(withColumnMapping(loaded.mapping, sheet, column, to))
                  }
                />
              )}
              {step === "problems" && (
                <ProblemsStep
                  problems={problems}
                  onReload={() => void load(loaded.session, true)}
                  onSelect={
                    loaded.session.selectCell
                      ? (p) =>
                          void loaded.session.selectCell?.(p.sheet, p.cell).catch((e: unknown) => {
                            console.error(e);
                            setLoadError({
                              title: `Could not go to ${p.sheet}${p.cell ? `!${p.cell}` : ""}`,
                              message: `${messageOf(e)}. The sheet may have been renamed: read the workbook again.`,
                            });
                          })
                      : undefined
                  }
                />
              )}
              {step === "rules" && (
                <>
                  {rulesError && (
                    <MessageBar intent="error">
                      <MessageBarBody>
                        <MessageBarTitle>{rulesError.title}</MessageBarTitle>
                        {rulesError.message}
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  {!loaded.read.model && (
                    <MessageBar intent="warning">
                      <MessageBarBody>
                        The rules can be edited once the problems that stop the workbook from being read are
                        fixed (see Problems), and the workbook is read again.
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  {loaded.read.model && (
                    <RulesStep
                      drafts={drafts}
                      problems={draftProblems}
                      instruments={instruments.map((i) => i.code)}
                      types={[...new Set(instruments.map((i) => i.type).filter((t) => t !== ""))]}
                      drivers={drivers}
                      saving={saving}
                      descriptions={
                        allocation
                          ? Object.fromEntries(
                              allocation.rules.map((r) => [r.unit.toLowerCase(), r.description]),
                            )
                          : undefined
                      }
                      onChange={(i, d) => setDrafts((all) => all.map((x, k) => (k === i ? d : x)))}
                      onSave={dirty ? () => void saveRules() : undefined}
                      onUndo={dirty ? () => setDrafts(loaded.readDrafts) : undefined}
                    />
                  )}
                </>
              )}
              {step === "preview" &&
                (allocation ? (
                  <PreviewStep allocation={allocation} dark={theme !== "light"} />
                ) : (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      {run.fault
                        ? `The allocation failed: ${run.fault}. Please report this with the workbook.`
                        : `No preview yet. ${blocked ?? ""}`}
                    </MessageBarBody>
                  </MessageBar>
                ))}
              {step === "write" && (
                <WriteStep
                  outputNames={pipeline.outputNames}
                  blocked={blocked}
                  onWrite={() => void startWrite()}
                  progress={progress}
                  confirmReplace={confirmReplace}
                  onConfirm={() => void finishWrite()}
                  onCancel={() => setConfirmReplace(undefined)}
                  error={writeError}
                  written={written}
                  onActivate={
                    loaded.session.activateSheet
                      ? (name) => void loaded.session.activateSheet?.(name).catch(reportWriteError)
                      : undefined
                  }
                  onDownload={loaded.session.download ? () => void download() : undefined}
                />
              )}
              {step === "export" && (
                <ExportStep
                  language={language}
                  onLanguage={setLanguage}
                  blocked={
                    !pipeline.annexDocx && !pipeline.annexHtml
                      ? "The annex export is not available in this version."
                      : allocation
                        ? undefined
                        : `Nothing to export yet. ${blocked ?? ""}`
                  }
                  onDocx={allocation && pipeline.annexDocx ? () => void exportDocx() : undefined}
                  onCopy={allocation && pipeline.annexHtml ? () => void exportCopy() : undefined}
                  done={exportDone}
                  error={exportError}
                />
              )}
            </section>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
