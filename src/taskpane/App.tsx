import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { fromQuanta } from "../engine/money";
import type { ContractSheetName, InputMapping } from "../workbook/inputMapping";
import { ActionBar, type PrimaryAction } from "./components/ActionBar";
import { PaneHeader } from "./components/PaneHeader";
import { StepNav } from "./components/StepNav";
import { explainFigure, type Figure } from "./explainFigure";
import { cellOfAddress, figureAtCell } from "./figureAtCell";
import { formatAmount } from "./formatAmount";
import { paneTheme, type ThemeKind } from "./paneTheme";
import type { CompareFigure } from "./compareModel";
import type { OutputSheet } from "../workbook/grid";
import type { Pipeline, RunReview, WritableRun } from "./pipeline";
import type { PreviewSlice } from "./previewModel";
import { elsewhereChanges, totalChanges, unitChanges, type InstrumentChange } from "./ruleChanges";
import type { RuleDraft } from "./ruleDraft";
import { rulesCells } from "./rulesCells";
import { rulesPlan } from "./rulesPlan";
import { problemAddress } from "./problemAddress";
import { StartStep } from "./steps/StartStep";
import { useAllocation } from "./useAllocation";
import { restatedRefusal } from "./restatedRefusal";
import { useExport } from "./useExport";
import { useWorkbook, type Loaded } from "./useWorkbook";
import { messageOf, type PaneError } from "./paneError";
import { settingsCells, type StatusChoice } from "./settingsCells";
import { useWrite, writtenSheetNames } from "./useWrite";
import { VIEWS, type ViewId } from "./views";
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

// Only the first screen loads with the pane; each other view loads the first time it is opened,
// so that Excel fetches as little as possible before the officer sees the workbook's summary.
const ProblemsStep = lazy(() =>
  import(/* webpackChunkName: "view-problems" */ "./steps/ProblemsStep").then((m) => ({
    default: m.ProblemsStep,
  })),
);
const InputsStep = lazy(() =>
  import(/* webpackChunkName: "view-sheets" */ "./steps/InputsStep").then((m) => ({ default: m.InputsStep })),
);
const RulesStep = lazy(() =>
  import(/* webpackChunkName: "view-rules" */ "./steps/RulesStep").then((m) => ({ default: m.RulesStep })),
);
const PreviewStep = lazy(() =>
  import(/* webpackChunkName: "view-preview" */ "./steps/PreviewStep").then((m) => ({
    default: m.PreviewStep,
  })),
);
const CompareStep = lazy(() =>
  import(/* webpackChunkName: "view-compare" */ "./steps/CompareStep").then((m) => ({
    default: m.CompareStep,
  })),
);
const ContributionsStep = lazy(() =>
  import(/* webpackChunkName: "view-contributions" */ "./steps/ContributionsStep").then((m) => ({
    default: m.ContributionsStep,
  })),
);
const WhyPanel = lazy(() =>
  import(/* webpackChunkName: "view-preview" */ "./steps/WhyPanel").then((m) => ({ default: m.WhyPanel })),
);
const ChangesStep = lazy(() =>
  import(/* webpackChunkName: "view-changes" */ "./steps/ChangesStep").then((m) => ({
    default: m.ChangesStep,
  })),
);
const StatusForm = lazy(() =>
  import(/* webpackChunkName: "view-results" */ "./steps/StatusForm").then((m) => ({
    default: m.StatusForm,
  })),
);
const WriteStep = lazy(() =>
  import(/* webpackChunkName: "view-results" */ "./steps/WriteStep").then((m) => ({ default: m.WriteStep })),
);
const ExportStep = lazy(() =>
  import(/* webpackChunkName: "view-results" */ "./steps/ExportStep").then((m) => ({
    default: m.ExportStep,
  })),
);

const useStyles = makeStyles({
  // The page styles sit on <main>, not on the provider: Fluent gives the provider's classes to the
  // portal node that holds every popup, and a full-height padded portal would cover the pane.
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // Header and steps stay in reach while the view scrolls.
  top: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    flexGrow: 1,
  },
  liveRegion: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** The mapping with one contract sheet read from another sheet (or found by name again). */
function withSheetMapping(
  mapping: InputMapping,
  sheet: ContractSheetName,
  to: string | undefined,
): InputMapping {
  const { source: _old, ...rest } = mapping[sheet] ?? {};
  return { ...mapping, [sheet]: to === undefined ? rest : { ...rest, source: to } };
}

/** The mapping with one column of a contract sheet read from another header (or found by name again). */
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

/** Time of day as the officer reads it ("14:05"). */
function timeOf(d: Date): string {
  return d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** The task pane: a cost-sharing run over one workbook, in Excel or in a browser, in a few views. */
export function App({ pipeline, initial, openFile, theme }: AppProps) {
  const styles = useStyles();
  const [view, setView] = useState<ViewId>("start");
  const [drafts, setDrafts] = useState<RuleDraft[]>([]);
  // The rules as the workbook first held them this session: after a save, the pane can go back to them.
  const [firstDrafts, setFirstDrafts] = useState<RuleDraft[]>([]);
  const [openRules, setOpenRules] = useState<number[]>([]);
  const [slice, setSlice] = useState<PreviewSlice>("period");
  const [previewUnit, setPreviewUnit] = useState<string>();
  // The option written as Allocation and Annex 1, when the officer chose one in Compare.
  const [option, setOption] = useState<string>();
  const [compareFigure, setCompareFigure] = useState<CompareFigure>("total");
  const [scaleInstrument, setScaleInstrument] = useState<string>();
  const [partyQuery, setPartyQuery] = useState("");
  const [why, setWhy] = useState<{ figure: Figure; from?: HTMLElement; note?: string }>();
  const [announcement, setAnnouncement] = useState("");
  // What the last save of the rules, or of the status, did: said beside its form (the Save button
  // greys out, and a save otherwise only makes the plan disappear) and to a screen reader.
  const [rulesSaved, setRulesSaved] = useState<string>();
  const [statusSaved, setStatusSaved] = useState<string>();
  // A status chosen in the Results view and not saved: a write would record the sheet's instead.
  const [statusUnsaved, setStatusUnsaved] = useState<StatusChoice>();

  const onLoaded = useCallback(
    (loaded: Loaded, after: "open" | "reread" | "save" | "settings") => {
      // A status saved into Settings leaves the rules being edited as they are.
      if (after !== "settings") setDrafts(loaded.readDrafts);
      if (after === "open") {
        setFirstDrafts(loaded.readDrafts);
        setRulesSaved(undefined);
        setStatusSaved(undefined);
        setOpenRules([]);
        setOption(undefined);
        setView("start");
        // The whole check, as the CLI makes it (a sheet of the officer's named like an output too).
        const errors = pipeline
          .analyse(loaded.grids, loaded.mapping)
          .problems.filter((p) => p.severity === "error");
        setAnnouncement(
          `Opened ${loaded.session.title}. ${
            errors.length === 0
              ? "No problem stops the run."
              : `${errors.length === 1 ? "1 problem stops" : `${errors.length} problems stop`} the run. First: ${problemAddress(errors[0])}: ${errors[0].message}`
          }`,
        );
      }
    },
    [pipeline],
  );
  const wb = useWorkbook(pipeline, initial, openFile, onLoaded);
  const { loaded } = wb;
  const run = useAllocation(pipeline, loaded, drafts, option);
  const { allocation, asRead } = run;
  const dirty = JSON.stringify(drafts) !== JSON.stringify(loaded?.readDrafts ?? []);
  // Undo: edits not saved go back to the rules in the sheet; once saved, the rules as opened
  // this session can be brought back (an edit like any other, to save or not).
  const undo = dirty
    ? { label: "Undo my rule changes", to: loaded?.readDrafts ?? firstDrafts }
    : JSON.stringify(drafts) !== JSON.stringify(firstDrafts)
      ? { label: "Back to the rules as opened", to: firstDrafts }
      : undefined;
  const reload = useCallback(
    (after: "save" | "settings") => (loaded ? wb.load(loaded.session, after) : Promise.resolve(undefined)),
    [loaded, wb],
  );
  const write = useWrite(pipeline, loaded, drafts, dirty, reload, option, run.writable);
  // The run against the earlier ones: worked out only while a view shows it (it runs the engine per
  // cause, and its code loads on first use). A review belongs to the run it was made for.
  const [reviewed, setReviewed] = useState<{ of: WritableRun; review?: RunReview }>();
  useEffect(() => {
    const writable = run.writable;
    if (view !== "changes" || !writable) return;
    let current = true;
    pipeline.review(writable).then(
      (review) => current && setReviewed({ of: writable, review }),
      (e: unknown) => {
        console.error(e);
        if (current) setReviewed({ of: writable });
      },
    );
    return () => {
      current = false;
    };
  }, [view, run.writable, pipeline]);
  const review = reviewed && reviewed.of === run.writable ? reviewed.review : undefined;
  const reviewing = view === "changes" && run.writable !== undefined && reviewed?.of !== run.writable;
  const [statusSaving, setStatusSaving] = useState(false);
  const [statusError, setStatusError] = useState<PaneError>();
  const saveStatus = async (choice: StatusChoice) => {
    const where = loaded?.read.settings;
    if (!loaded || !where) return;
    setStatusSaving(true);
    setStatusError(undefined);
    setStatusSaved(undefined);
    try {
      await loaded.session.writeRules(where.sheet, settingsCells(where, choice));
      await reload("settings");
      const said = `Status saved in the Settings sheet: ${choice.status}${choice.documentSymbol ? `, ${choice.documentSymbol}` : ""}.`;
      setStatusSaved(said);
      setAnnouncement(said);
    } catch (e) {
      console.error(e);
      setStatusError({
        title: "The status could not be saved",
        message: `${messageOf(e)}. Nothing else was changed; try again.`,
      });
    } finally {
      setStatusSaving(false);
    }
  };
  // An annex of new figures under the symbol of a paper that approved others would carry a false
  // approval: refused, as writing them is.
  const exportRefusal = async () => {
    const writable = run.writable;
    if (!writable || !loaded) return undefined;
    const { restated } = await pipeline.review(writable);
    return restated ? restatedRefusal(restated, loaded.read.locate, "The annex was not made") : undefined;
  };
  // An annex from rule changes not saved: its figures are not yet the workbook's.
  const unsavedRules = dirty
    ? "It shows your rule changes, which are not saved in the Rules sheet: save them (Rules view) for the workbook to give the same figures."
    : undefined;
  const exporter = useExport(pipeline, allocation, exportRefusal, unsavedRules);
  const saveRules = async () => {
    if (await write.saveRules()) {
      const said = "The rules are saved in the Rules sheet.";
      setRulesSaved(said);
      setAnnouncement(said);
    }
  };

  const session = loaded?.session;
  const rounding = allocation?.settings.rounding ?? loaded?.read.model?.settings.rounding ?? 1;
  const formatChange = useCallback(
    (q: number) => `${q > 0 ? "+" : "\u2212"}${formatAmount(fromQuanta(Math.abs(q), rounding), rounding)}`,
    [rounding],
  );

  // What each edit changes, read from the results as read and as edited.
  const changes = useMemo(() => {
    if (!asRead || !allocation || !dirty) return { units: {}, totals: [] as InstrumentChange[] };
    const units: Record<string, InstrumentChange[]> = {};
    for (const u of allocation.units) units[u.unit.toLowerCase()] = unitChanges(asRead, allocation, u.unit);
    const elsewhere = elsewhereChanges(asRead, allocation, drafts);
    return { units, elsewhere, totals: totalChanges(asRead, allocation) };
  }, [asRead, allocation, dirty, drafts]);

  const location = loaded?.read.rules;
  const plan = useMemo(
    () =>
      loaded && location && dirty
        ? rulesPlan(location, rulesCells(location, drafts, loaded.readDrafts), loaded.grids)
        : undefined,
    [loaded, location, drafts, dirty],
  );
  // Problems of the run on a rule's row, shown under that rule (a rule that runs but breaks the allocation).
  const runProblems = useMemo(() => {
    const out: Record<number, string[]> = {};
    drafts.forEach((d, i) => {
      const mine = run.problems.filter(
        (p) =>
          p.severity === "error" &&
          p.sheet === (location?.sheet ?? "Rules") &&
          d.row !== undefined &&
          p.row === d.row,
      );
      if (mine.length > 0) out[i] = mine.map((p) => p.message);
    });
    return out;
  }, [drafts, run.problems, location]);
  const rulesInvalid = run.draftProblems.length > 0 || Object.keys(runProblems).length > 0 || !allocation;
  const canSave = dirty && !rulesInvalid && !write.saving;
  const saveBlocked =
    dirty && rulesInvalid
      ? "A rule as edited cannot be used (see the rule marked below): fix it, or undo the changes. Nothing was saved."
      : undefined;

  const status = wb.busy
    ? wb.busy
    : write.progress
      ? write.progress.label
      : write.written
        ? write.stale
          ? `Written results (${timeOf(write.written.at)}) are out of date.`
          : `Results written at ${timeOf(write.written.at)}.`
        : loaded
          ? "Results not written yet."
          : "";

  const statusText = (c: StatusChoice) => `${c.status}${c.documentSymbol ? ` (${c.documentSymbol})` : ""}`;
  const sheetStatus: StatusChoice = {
    status: loaded?.read.model?.settings.status ?? "Draft",
    documentSymbol: loaded?.read.model?.settings.documentSymbol?.trim() ?? "",
  };
  const writeBlocked =
    run.blocked ??
    (statusUnsaved
      ? `Save the status first: you chose ${statusText(statusUnsaved)} above, but the Settings sheet says ` +
        `${statusText(sheetStatus)}, and a write records what the sheet says.`
      : undefined);
  const startWrite = () => {
    setView("results");
    void write.startWrite();
  };
  const primary: PrimaryAction | undefined = !loaded
    ? undefined
    : run.errorCount > 0 && !dirty
      ? view === "problems"
        ? undefined
        : { label: "Show the problems", onClick: () => setView("problems") }
      : rulesInvalid && dirty
        ? { label: "Fix the rule", onClick: () => setView("rules") }
        : !write.written || write.stale
          ? {
              label: "Write the results",
              onClick: startWrite,
              disabled: writeBlocked !== undefined || !!write.progress,
            }
          : session?.download
            ? { label: "Download result", onClick: () => void write.download() }
            : { label: "Export the annex", onClick: () => setView("results") };

  // Excel: selecting a cell of the Allocation sheet explains its figure.
  const explainRef = useRef<(sheet: string, address: string) => void>(() => undefined);
  explainRef.current = (sheet, address) => {
    if (sheet.toLowerCase() !== "allocation" || !loaded) return;
    const current = write.written && !write.stale ? write.written : undefined;
    const source = current?.allocation ?? allocation;
    if (!source) return;
    const explain = (grid: OutputSheet | undefined) => {
      const cell = cellOfAddress(address);
      const figure = grid && cell ? figureAtCell(grid, source, cell.row, cell.col) : undefined;
      if (!figure) return;
      setWhy({
        figure,
        ...(current
          ? {}
          : {
              note: "Explained from the figures in the pane. If the sheet shows another figure, it was written from other rules: write the results again.",
            }),
      });
    };
    const written = current?.sheets.find((s) => s.name === "Allocation");
    if (written) explain(written);
    else
      pipeline.outputs(source, loaded.grids, new Date()).then(
        (sheets) => explain(sheets.find((s) => s.name === "Allocation")),
        (e: unknown) => console.error(e),
      );
  };
  useEffect(() => {
    if (!session?.watchSelection) return undefined;
    let stop: (() => Promise<void>) | undefined;
    let live = true;
    session
      .watchSelection((sheet, address) => explainRef.current(sheet, address))
      .then(
        (s) => {
          if (live) stop = s;
          else void s();
        },
        (e: unknown) => console.error(e),
      );
    return () => {
      live = false;
      void stop?.().catch((e: unknown) => console.error(e));
    };
  }, [session]);

  const whySource =
    why?.note === undefined && write.written && !write.stale ? write.written.allocation : allocation;
  const explanation = why && whySource ? explainFigure(whySource, why.figure, loaded?.read.model) : undefined;
  if (explanation && why?.note) explanation.notes = [...explanation.notes, why.note];
  const closeWhy = () => {
    const from = why?.from;
    setWhy(undefined);
    // Focus returns to the figure that was selected, not to the top of the pane.
    if (from) setTimeout(() => from.focus(), 0);
  };

  const selectView = (id: ViewId) => {
    setView(id);
    setAnnouncement(`${VIEWS.find((v) => v.id === id)?.label ?? id} step`);
    // A step opens at its top, not where the step before was scrolled to (its heading cut off).
    window.scrollTo({ top: 0 });
  };

  const instruments = loaded?.read.model?.instruments ?? [];
  const drivers = [...new Set(instruments.flatMap((i) => Object.keys(i.drivers)))];
  const reread = session && session.mode === "excel" ? () => void wb.load(session, "reread") : undefined;
  const sheetNames = loaded
    ? [...loaded.grids.sheets.map((s) => s.name), ...loaded.grids.tables.map((t) => t.name)]
    : [];

  const renderView = (): JSX.Element | null => {
    if (!loaded) return null;
    switch (view) {
      case "start":
        return (
          <StartStep
            sheets={loaded.read.sheets}
            {...(loaded.read.model ? { model: loaded.read.model } : {})}
            problems={run.problems}
            {...(allocation ? { allocation } : {})}
            browser={loaded.session.mode === "browser"}
            onShowProblems={() => selectView("problems")}
            onShowSheets={() => selectView("sheets")}
            onShowRules={() => selectView("rules")}
            onShowPreview={() => selectView("preview")}
            {...(reread ? { onReload: reread } : {})}
          />
        );
      case "problems":
        return (
          <ProblemsStep
            problems={run.problems}
            {...(reread ? { onReload: reread } : {})}
            onSelect={
              loaded.session.selectCell
                ? (p) =>
                    void loaded.session.selectCell?.(p.sheet, p.cell).catch((e: unknown) => {
                      console.error(e);
                      wb.setLoadError({
                        title: `Could not go to ${p.sheet}${p.cell ? `!${p.cell}` : ""}`,
                        message: `${e instanceof Error ? e.message : String(e)}. The sheet may have been renamed: read the workbook again.`,
                      });
                    })
                : undefined
            }
          />
        );
      case "sheets":
        return (
          <InputsStep
            sheets={loaded.read.sheets}
            sheetNames={sheetNames}
            mapping={loaded.mapping}
            {...(reread ? { onReload: reread } : {})}
            onMapSheet={(sheet, to) => void wb.updateMapping(withSheetMapping(loaded.mapping, sheet, to))}
            onMapColumn={(sheet, column, to) =>
              void wb.updateMapping(withColumnMapping(loaded.mapping, sheet, column, to))
            }
          />
        );
      case "rules":
        return (
          <>
            {write.rulesError && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{write.rulesError.title}</MessageBarTitle>
                  {write.rulesError.message}
                </MessageBarBody>
              </MessageBar>
            )}
            {!loaded.read.model ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  The rules can be edited once the problems that stop the workbook from being read are fixed
                  (see Problems).
                </MessageBarBody>
              </MessageBar>
            ) : (
              <RulesStep
                drafts={drafts}
                problems={run.draftProblems}
                runProblems={runProblems}
                instruments={instruments.map((i) => i.code)}
                types={[...new Set(instruments.map((i) => i.type).filter((t) => t !== ""))]}
                drivers={drivers}
                saving={write.saving}
                {...(allocation
                  ? {
                      descriptions: Object.fromEntries(
                        allocation.rules.map((r) => [r.unit.toLowerCase(), r.description]),
                      ),
                    }
                  : {})}
                {...(allocation?.scenario !== undefined ? { written: allocation.scenario } : {})}
                changes={changes.units}
                {...(changes.elsewhere ? { elsewhere: changes.elsewhere } : {})}
                totals={changes.totals}
                formatChange={formatChange}
                {...(plan ? { plan } : {})}
                open={openRules}
                onOpen={setOpenRules}
                onChange={(i, d) => {
                  setRulesSaved(undefined);
                  setDrafts((all) => all.map((x, k) => (k === i ? d : x)));
                }}
                {...(canSave ? { onSave: () => void saveRules() } : {})}
                {...(saveBlocked ? { saveBlocked } : {})}
                {...(rulesSaved ? { saved: rulesSaved } : {})}
                {...(undo
                  ? {
                      undoLabel: undo.label,
                      onUndo: () => {
                        setRulesSaved(undefined);
                        setDrafts(undo.to);
                      },
                    }
                  : {})}
              />
            )}
          </>
        );
      case "preview":
        return allocation ? (
          <PreviewStep
            allocation={allocation}
            slice={slice}
            onSlice={setSlice}
            {...(previewUnit ? { unit: previewUnit } : {})}
            onUnit={setPreviewUnit}
            onExplain={(figure, from) => setWhy({ figure, from })}
          />
        ) : (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {run.fault
                ? `The allocation failed: ${run.fault}. Please report this with the workbook.`
                : `No preview yet. ${run.blocked ?? ""}`}
            </MessageBarBody>
          </MessageBar>
        );
      case "compare":
        return (
          <CompareStep
            {...(allocation ? { allocation } : {})}
            figure={compareFigure}
            onFigure={setCompareFigure}
            onChoose={(name) => {
              setOption(name);
              setAnnouncement(`Option ${name} will be written as Allocation and Annex 1.`);
            }}
            {...(run.blocked ? { blocked: run.blocked } : {})}
          />
        );
      case "contributions":
        return allocation ? (
          <ContributionsStep
            allocation={allocation}
            {...(scaleInstrument ? { instrument: scaleInstrument } : {})}
            onInstrument={setScaleInstrument}
            slice={slice}
            onSlice={setSlice}
            query={partyQuery}
            onQuery={setPartyQuery}
          />
        ) : (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {run.fault
                ? `The allocation failed: ${run.fault}. Please report this with the workbook.`
                : `No contributions yet. ${run.blocked ?? ""}`}
            </MessageBarBody>
          </MessageBar>
        );
      case "changes":
        return (
          <ChangesStep
            {...(review ? { review } : {})}
            reviewing={reviewing}
            {...(run.blocked ? { blocked: run.blocked } : {})}
            {...(review?.restated
              ? {
                  refused: restatedRefusal(
                    review.restated,
                    loaded?.read.locate,
                    "These figures cannot be written as approved",
                    false,
                  ),
                }
              : {})}
          />
        );
      case "results":
        return (
          <>
            <StatusForm
              current={sheetStatus}
              {...(loaded.read.settings ? { onSave: (c: StatusChoice) => void saveStatus(c) } : {})}
              saving={statusSaving}
              {...(statusError ? { error: statusError } : {})}
              {...(statusSaved ? { saved: statusSaved } : {})}
              onUnsaved={setStatusUnsaved}
            />
            <WriteStep
              outputNames={writtenSheetNames(loaded)}
              target={
                loaded.session.mode === "excel"
                  ? "this workbook"
                  : `the copy of ${loaded.session.title} held in this page`
              }
              {...(writeBlocked ? { blocked: writeBlocked } : {})}
              onWrite={() => void write.startWrite()}
              {...(write.progress ? { progress: write.progress } : {})}
              {...(write.confirmReplace ? { confirmReplace: write.confirmReplace } : {})}
              onConfirm={() => void write.finishWrite()}
              {...(write.confirmApproved ? { confirmApproved: write.confirmApproved } : {})}
              onApprove={() => void write.approveWrite()}
              onCancel={write.cancelWrite}
              {...(write.writeError ? { error: write.writeError } : {})}
              {...(write.written
                ? {
                    written: {
                      names: write.written.sheets.map((s) => s.name),
                      at: write.written.at,
                      run: write.written.run,
                      status: write.written.status,
                      inputsChanged: write.written.inputsChanged,
                    },
                  }
                : {})}
              stale={write.stale}
              {...(plan ? { plan } : {})}
              {...(loaded.session.activateSheet
                ? {
                    onActivate: (name: string) =>
                      void loaded.session.activateSheet?.(name).catch((e: unknown) => console.error(e)),
                  }
                : {})}
              {...(loaded.session.download ? { onDownload: () => void write.download() } : {})}
            />
            <ExportStep
              language={exporter.language}
              onLanguage={exporter.setLanguage}
              {...(!pipeline.annexDocx && !pipeline.annexHtml
                ? { blocked: "The annex export is not available in this version." }
                : allocation
                  ? {}
                  : { blocked: `Nothing to export yet. ${run.blocked ?? ""}` })}
              {...(exporter.exportDocx ? { onDocx: () => void exporter.exportDocx?.() } : {})}
              {...(exporter.exportCopy ? { onCopy: () => void exporter.exportCopy?.() } : {})}
              {...(exporter.done ? { done: exporter.done } : {})}
              {...(exporter.error ? { error: exporter.error } : {})}
              {...(unsavedRules && allocation ? { notice: `The annex will show your rule changes, not saved in the Rules sheet.` } : {})}
            />
          </>
        );
    }
  };

  return (
    <FluentProvider theme={paneTheme(theme)}>
      <main className={styles.root}>
        <div className={styles.top}>
          <PaneHeader
            {...(session
              ? {
                  subtitle:
                    session.mode === "excel" ? "This workbook" : `${session.title}, a copy in this page`,
                }
              : {})}
            {...(openFile
              ? {
                  onOpenFile: (f: File | undefined) => void wb.openChosenFile(f),
                  unsaved: () => [
                    ...(dirty ? ["Your rule changes, not saved in the Rules sheet."] : []),
                    ...(session?.changedSinceDownload?.() === true
                      ? [
                          `What was written into ${session.title} in this page (results, rules or status), not downloaded since: Download result (.xlsx), on the Results view, keeps it.`,
                        ]
                      : []),
                  ],
                }
              : {})}
          />
          {loaded && (
            <StepNav
              views={VIEWS}
              selected={view}
              onSelect={selectView}
              counts={{
                problems: {
                  count: run.errorCount,
                  color: "danger",
                  label: `${run.errorCount} problem${run.errorCount === 1 ? "" : "s"}`,
                },
              }}
            />
          )}
        </div>
        <div className={styles.panel} role="tabpanel" aria-label={VIEWS.find((v) => v.id === view)?.label}>
          {wb.busy && <Spinner label={wb.busy} size="small" />}
          {wb.loadError && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{wb.loadError.title}</MessageBarTitle>
                {wb.loadError.message}
              </MessageBarBody>
            </MessageBar>
          )}
          {!loaded && !wb.busy && !wb.loadError && (
            <MessageBar intent="info">
              <MessageBarBody>
                Open a budget workbook with the sheets Instruments, Posts and Rules to begin.
              </MessageBarBody>
            </MessageBar>
          )}
          <Suspense fallback={<Spinner size="small" label="Opening…" />}>{renderView()}</Suspense>
        </div>
        {loaded && (
          <ActionBar status={status} {...(view !== "results" && primary ? { action: primary } : {})} />
        )}
        <div className={styles.liveRegion} aria-live="polite" role="status">
          {announcement}
        </div>
        {why && (
          <Suspense fallback={null}>
            <WhyPanel {...(explanation ? { explanation } : {})} rounding={rounding} onClose={closeWhy} />
          </Suspense>
        )}
      </main>
    </FluentProvider>
  );
}
