import { useCallback, useEffect, useState } from "react";
import type { WorkbookGrids } from "../workbook/grid";
import type { InputMapping } from "../workbook/inputMapping";
import { initialDrafts } from "./initialDrafts";
import { messageOf, tick, type PaneError } from "./paneError";
import type { Pipeline, ReadOutcome } from "./pipeline";
import type { RuleDraft } from "./ruleDraft";
import type { WorkbookSession } from "./workbookSession";

/** The workbook as read, with the drafts of its rules. */
export interface Loaded {
  session: WorkbookSession;
  grids: WorkbookGrids;
  mapping: InputMapping;
  read: ReadOutcome;
  /** The drafts as read, to tell edits apart. */
  readDrafts: RuleDraft[];
}

/** What the pane knows of its workbook, and how to (re)read it. */
export interface WorkbookState {
  loaded?: Loaded;
  busy?: string;
  loadError?: PaneError;
  setLoadError: (e: PaneError | undefined) => void;
  /** Reads a session's workbook and its saved mapping; `after` says why (for what to show next). */
  load: (
    session: WorkbookSession,
    after?: "open" | "reread" | "save" | "settings",
  ) => Promise<Loaded | undefined>;
  /** Browser: opens a file the officer chose. */
  openChosenFile: (file: File | undefined) => Promise<void>;
  /** Saves the officer's mapping with the workbook, then reads it again. */
  updateMapping: (next: InputMapping) => Promise<void>;
}

const EMPTY_MAPPING: InputMapping = {};

/**
 * Opens the first workbook (the open one in Excel, the sample in a browser) and reads it again on
 * request. `onLoaded` hears of every read, with its reason, so the pane can choose what to show.
 */
export function useWorkbook(
  pipeline: Pipeline,
  initial: () => Promise<WorkbookSession>,
  openFile: ((name: string, bytes: ArrayBuffer) => Promise<WorkbookSession>) | undefined,
  onLoaded: (loaded: Loaded, after: "open" | "reread" | "save" | "settings") => void,
): WorkbookState {
  const [loaded, setLoaded] = useState<Loaded>();
  const [busy, setBusy] = useState<string | undefined>("Opening the workbook…");
  const [loadError, setLoadError] = useState<PaneError>();

  const load = useCallback(
    async (session: WorkbookSession, after: "open" | "reread" | "save" | "settings" = "open") => {
      setBusy("Reading the workbook…");
      setLoadError(undefined);
      try {
        const [grids, saved] = await Promise.all([session.port.readInputs(), session.loadMapping()]);
        await tick();
        const mapping = saved ?? EMPTY_MAPPING;
        const read = pipeline.read(grids, mapping);
        const readDrafts = read.model ? initialDrafts(read.model) : [];
        const next = { session, grids, mapping, read, readDrafts };
        setLoaded(next);
        onLoaded(next, after);
        return next;
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
    [pipeline, onLoaded],
  );

  useEffect(() => {
    initial().then(
      (s) => load(s),
      (e: unknown) => {
        console.error(e);
        setBusy(undefined);
        setLoadError({
          title: "The workbook could not be opened",
          message: `${messageOf(e)}.${openFile ? " Open an .xlsx file of your own with the Open button." : " Reload the add-in."}`,
        });
      },
    );
    // Opened once: `load` changes identity only with the pipeline.
  }, [initial]);

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

  const updateMapping = async (next: InputMapping) => {
    if (!loaded) return;
    try {
      await loaded.session.saveMapping(next);
      await load(loaded.session, "reread");
    } catch (e) {
      console.error(e);
      setLoadError({ title: "The mapping could not be saved", message: `${messageOf(e)}. Try again.` });
    }
  };

  return { loaded, busy, loadError, setLoadError, load, openChosenFile, updateMapping };
}
