import { useRef, useState } from "react";
import type { Allocation } from "../engine/result";
import { ForeignSheetError } from "../workbook/errors";
import type { OutputSheet } from "../workbook/grid";
import { messageOf, tick, type PaneError } from "./paneError";
import type { Pipeline, WritableRun } from "./pipeline";
import { restatedRefusal } from "./restatedRefusal";
import type { RuleDraft } from "./ruleDraft";
import { rulesCells } from "./rulesCells";
import { saveBytes } from "./saveBytes";
import { adjustFor } from "./withOption";
import { outputSheetNames } from "../workbook/outputSheetNames";
import type { Loaded } from "./useWorkbook";

/** The last run written into the workbook, and what it was computed from. */
export interface Written {
  /** The sheets written. */
  sheets: OutputSheet[];
  /** The drafts (as JSON) and the read they came from: when either changes, the written figures are stale. */
  drafts: string;
  /** The option chosen in the pane when it was written (undefined: the workbook's Scenario setting). */
  option?: string;
  loaded: Loaded;
  allocation: Allocation;
  at: Date;
  /** The run's number in the workbook, its status, and what changed since the run before (the Log's words). */
  run: number;
  status: string;
  inputsChanged: string;
}

/** The Write step's state and actions. */
export interface WriteState {
  progress?: { fraction: number; label: string };
  confirmReplace?: string[];
  /**
   * While the officer is asked: the latest run was approved and this one would change its
   * figures, which these lines name.
   */
  confirmApproved?: string[];
  writeError?: PaneError;
  written?: Written;
  /** True when rules or inputs changed after the last write: its sheets and download are out of date. */
  stale: boolean;
  saving: boolean;
  rulesError?: PaneError;
  startWrite: () => Promise<void>;
  finishWrite: () => Promise<void>;
  /** Writes over the approved run after the officer said so. */
  approveWrite: () => Promise<void>;
  cancelWrite: () => void;
  saveRules: () => Promise<boolean>;
  download: () => Promise<void>;
}

/**
 * Writing the results (and saving edited rules first), asking before replacing an earlier run,
 * and knowing when what was written no longer matches what the pane shows.
 */
export function useWrite(
  pipeline: Pipeline,
  loaded: Loaded | undefined,
  drafts: RuleDraft[],
  dirty: boolean,
  reload: (after: "save") => Promise<Loaded | undefined>,
  option?: string,
  live?: WritableRun,
): WriteState {
  const [progress, setProgress] = useState<{ fraction: number; label: string }>();
  const [confirmReplace, setConfirmReplace] = useState<string[]>();
  const [confirmApproved, setConfirmApproved] = useState<string[]>();
  // Set when the officer agreed to change an approved run's figures, for the write that follows.
  const approved = useRef(false);
  const [writeError, setWriteError] = useState<PaneError>();
  const [written, setWritten] = useState<Written>();
  const [saving, setSaving] = useState(false);
  const [rulesError, setRulesError] = useState<PaneError>();
  // The latest drafts, for a write that re-reads the workbook half-way through.
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;

  // What was written into another workbook (opened before this one, in a browser) is nothing of this one's.
  const writtenHere =
    written !== undefined && written.loaded.session === loaded?.session ? written : undefined;
  const stale =
    writtenHere !== undefined &&
    (writtenHere.drafts !== JSON.stringify(drafts) ||
      writtenHere.loaded !== loaded ||
      writtenHere.option !== option);

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

  /** Writes the edited rules into the Rules sheet, then reads the workbook again so the sheet is the truth. */
  const saveRules = async (): Promise<Loaded | undefined> => {
    if (!loaded) return undefined;
    const location = loaded.read.rules;
    if (!location) {
      setRulesError({
        title: "There is no Rules sheet to save to",
        message:
          "Add a sheet named Rules with the headers Unit, Method, Basis, Participants, Min, Max, then read the workbook again.",
      });
      return undefined;
    }
    setSaving(true);
    setRulesError(undefined);
    try {
      await loaded.session.writeRules(location.sheet, rulesCells(location, drafts, loaded.readDrafts));
      return await reload("save");
    } catch (e) {
      console.error(e);
      setRulesError({
        title: "The rules could not be saved",
        message: `${messageOf(e)}. Nothing else was changed; try again.`,
      });
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  /**
   * First half of a write: ask before changing an approved run's figures (nothing is saved or
   * written before the answer), then see what is there and ask before replacing an earlier run.
   */
  const startWrite = async () => {
    if (!loaded) return;
    setWriteError(undefined);
    approved.current = false;
    try {
      const review = live ? await pipeline.review(live) : undefined;
      // Refused before any question: agreeing to change approved figures could not write them.
      if (review?.restated) {
        setWriteError(restatedRefusal(review.restated, loaded.read.locate, "Nothing was written"));
        return;
      }
      if (review?.approvedChanges) {
        setConfirmApproved(review.approvedChanges);
        return;
      }
      const existing = await loaded.session.port.listSheets();
      // Options with options, Contributions with a Parties sheet (or one an earlier run wrote).
      const names = writtenSheetNames(loaded);
      const isOutput = (name: string) => names.some((o) => o.toLowerCase() === name.toLowerCase());
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

  /** Second half: save edited rules, build the sheets from the workbook as it now reads, write them. */
  const finishWrite = async () => {
    if (!loaded) return;
    setConfirmReplace(undefined);
    setWriteError(undefined);
    try {
      let current = loaded;
      if (dirty) {
        setProgress({ fraction: 0.05, label: "Saving the rules to the Rules sheet…" });
        await tick();
        const again = await saveRules();
        if (!again) {
          setProgress(undefined);
          return;
        }
        // The results come from the rules as they now stand in the sheet.
        current = again;
      }
      setProgress({ fraction: 0.15, label: "Computing the allocation…" });
      await tick();
      const outcome = pipeline.analyse(current.grids, current.mapping, adjustFor(undefined, option));
      const allocation = outcome.allocation;
      if (!allocation) {
        setProgress(undefined);
        setWriteError({ title: "Nothing was written", message: "The workbook has problems; see Problems." });
        return;
      }
      setProgress({ fraction: 0.25, label: "Building the sheets…" });
      await tick();
      const plan = await pipeline.plan({ ...outcome, allocation }, current.grids, new Date());
      if (plan.restated) {
        // An approval restated with other figures: the CLI reports it as a problem; the pane refuses here.
        setProgress(undefined);
        setWriteError(restatedRefusal(plan.restated, current.read.locate, "Nothing was written"));
        return;
      }
      if (plan.approvedChanges && !approved.current) {
        // The figures as saved differ from those the officer was asked about: ask again.
        setProgress(undefined);
        setConfirmApproved(plan.approvedChanges);
        return;
      }
      approved.current = false;
      const { sheets } = plan;
      setProgress({ fraction: 0.35, label: "Writing the sheets…" });
      await tick();
      await current.session.port.writeOutputs(sheets, (f) =>
        setProgress({ fraction: 0.35 + 0.55 * f, label: "Writing the sheets…" }),
      );
      if (current.session.afterWrite) {
        setProgress({ fraction: 0.93, label: "Adding the savings chart…" });
        await tick();
        await current.session.afterWrite(allocation);
      }
      // The workbook now holds this run's Log row and record: read it again, so that the Changes view
      // and the next write know this run (a second write must not start again from the run before).
      setProgress({ fraction: 0.96, label: "Reading the workbook again…" });
      await tick();
      const after = await reload("save");
      setProgress(undefined);
      setWritten({
        sheets,
        drafts: JSON.stringify(after ? after.readDrafts : dirty ? current.readDrafts : draftsRef.current),
        loaded: after ?? current,
        allocation,
        ...(option !== undefined ? { option } : {}),
        at: new Date(),
        run: plan.run,
        status: plan.status,
        inputsChanged: plan.inputsChanged,
      });
    } catch (e) {
      reportWriteError(e);
    }
  };

  const download = async () => {
    if (!loaded?.session.download || stale) return;
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

  return {
    ...(progress ? { progress } : {}),
    ...(confirmReplace ? { confirmReplace } : {}),
    ...(confirmApproved ? { confirmApproved } : {}),
    ...(writeError ? { writeError } : {}),
    ...(writtenHere ? { written: writtenHere } : {}),
    stale,
    saving,
    ...(rulesError ? { rulesError } : {}),
    startWrite,
    finishWrite,
    approveWrite: async () => {
      approved.current = true;
      setConfirmApproved(undefined);
      await finishWrite();
    },
    cancelWrite: () => {
      approved.current = false;
      setConfirmReplace(undefined);
      setConfirmApproved(undefined);
    },
    saveRules: async () => (await saveRules()) !== undefined,
    download,
  };
}

/** True when the workbook as read compares options (a Scenario column names some). */
export function hasOptions(loaded: Loaded): boolean {
  return (loaded.read.model?.settings.scenarios?.length ?? 0) > 0;
}

/** The output sheets a run writes into this workbook, in order (see outputSheetNames). */
export function writtenSheetNames(loaded: Loaded): string[] {
  return outputSheetNames({
    hasOptions: hasOptions(loaded),
    hasParties: loaded.read.sheets.some((s) => s.name === "Parties" && s.found !== undefined),
    ownedSheets: loaded.grids.ownedSheets,
  });
}
