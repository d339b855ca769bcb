import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { PaneError } from "../paneError";
import type { RulesPlan } from "../rulesPlan";
import { RulesPlanView } from "./RulesPlanView";

export type { PaneError } from "../paneError";

/** Props of the Write part of the Results step. */
export interface WriteStepProps {
  /** The sheets a run writes. */
  outputNames: readonly string[];
  /** Where the results go, in words ("this workbook", "the copy of x.xlsx held in this page"). */
  target: string;
  /** Why nothing can be written now (errors remain), or undefined when it can. */
  blocked?: string;
  /** Starts the write (it asks before replacing sheets of an earlier run). */
  onWrite: () => void;
  /** Progress of a running write: 0..1 and what is happening. */
  progress?: { fraction: number; label: string };
  /** Sheets of an earlier run that the write would replace, while the officer is asked. */
  confirmReplace?: string[];
  onConfirm: () => void;
  onCancel: () => void;
  /** While the officer is asked: the latest run was approved, and these lines say which of its figures would change. */
  confirmApproved?: string[];
  /** Writes over the approved run. */
  onApprove: () => void;
  /** The last write's failure. */
  error?: PaneError;
  /** The sheets written by the last run, and when; its number, status and what changed since the run before. */
  written?: { names: string[]; at: Date; run?: number; status?: string; inputsChanged?: string };
  /** True when rules or inputs changed after the last write. */
  stale: boolean;
  /** What writing will also save into the Rules sheet (edited rules). */
  plan?: RulesPlan;
  /** Excel: shows a written sheet. */
  onActivate?: (sheet: string) => void;
  /** Browser: downloads the workbook with its results. */
  onDownload?: () => void;
}

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  indent: { paddingLeft: tokens.spacingHorizontalL, fontVariantNumeric: "tabular-nums" },
});

/** Time of day as the officer reads it ("14:05"). */
function timeOf(d: Date): string {
  return d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** Writes Allocation, Savings, Settlement, Annex and a Log row, then links to each sheet. */
export function WriteStep(props: WriteStepProps) {
  const styles = useStyles();
  const running = props.progress !== undefined;
  const writeButton = useRef<HTMLButtonElement>(null);
  const doneTitle = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  // Focus goes back where the officer was: to Write after the question is answered or dismissed,
  // to the result once a write is done (never to the top of the page).
  useEffect(() => {
    if (props.confirmReplace || props.confirmApproved) asked.current = true;
    else if (asked.current && !running) {
      asked.current = false;
      writeButton.current?.focus();
    }
  }, [props.confirmReplace, props.confirmApproved, running]);
  const writtenAt = props.written?.at;
  useEffect(() => {
    if (writtenAt) doneTitle.current?.focus();
  }, [writtenAt]);
  useEffect(() => {
    if (props.error && !running) writeButton.current?.focus();
  }, [props.error, running]);

  return (
    <div className={styles.block}>
      <Text as="p">
        Writes the sheets {props.outputNames.filter((n) => n !== "Run records").join(", ")} into{" "}
        {props.target} (Log gains a row on each run; a hidden Run records sheet keeps what the next run
        compares with). Sheets of an earlier run are replaced after you confirm; a sheet of yours with one of
        these names is never touched.
      </Text>
      {props.blocked && (
        <MessageBar intent="warning">
          <MessageBarBody>{props.blocked}</MessageBarBody>
        </MessageBar>
      )}
      {props.plan && !props.blocked && <RulesPlanView plan={props.plan} action="Writing the results also" />}
      <Button
        ref={writeButton}
        appearance="primary"
        disabled={props.blocked !== undefined || running}
        onClick={props.onWrite}
      >
        {props.written ? "Write the results again" : "Write the results"}
      </Button>
      {props.progress && (
        <Field validationMessage={props.progress.label} validationState="none" label="Writing">
          <ProgressBar value={props.progress.fraction} max={1} aria-label="Writing the results" />
        </Field>
      )}
      {props.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{props.error.title}</MessageBarTitle>
            {props.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {props.written && !running && props.stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The written results are out of date</MessageBarTitle>
            The sheets written at {timeOf(props.written.at)} come from the rules as they were then; the
            preview now shows other figures. Write the results again to bring the sheets
            {props.onDownload ? " and the download" : ""} up to date.
          </MessageBarBody>
        </MessageBar>
      )}
      {props.written && !running && !props.stale && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <div ref={doneTitle} tabIndex={-1}>
              <MessageBarTitle>Results written at {timeOf(props.written.at)}</MessageBarTitle>
            </div>
            {props.written.run !== undefined && (
              <div>
                Run {props.written.run}
                {props.written.status ? ` (${props.written.status})` : ""}.{" "}
                {props.written.inputsChanged ?? ""}
              </div>
            )}
            {props.onActivate ? "Open a sheet:" : "Written into the copy held in this page:"}
            <ul className={styles.list}>
              {props.written.names
                .filter((name) => name !== "Run records")
                .map((name) => (
                  <li key={name}>
                    {props.onActivate ? <Link onClick={() => props.onActivate?.(name)}>{name}</Link> : name}
                  </li>
                ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {props.onDownload && (
        <>
          <Button
            appearance={props.written && !props.stale ? "primary" : "secondary"}
            disabled={!props.written || props.stale || running}
            onClick={props.onDownload}
            aria-describedby="download-why"
          >
            Download result (.xlsx)
          </Button>
          <Text id="download-why" size={200}>
            {!props.written
              ? "Available once the results are written."
              : props.stale
                ? "Write the results again first: the last ones are out of date."
                : "The workbook with its results, to save or share."}
          </Text>
        </>
      )}
      <Dialog open={props.confirmApproved !== undefined} onOpenChange={(_, d) => !d.open && props.onCancel()}>
        <DialogSurface aria-describedby="approved-text">
          <DialogBody>
            <DialogTitle>Change the approved figures?</DialogTitle>
            {/* Focusable: a long list scrolls, and the keyboard must be able to scroll it too. */}
            <DialogContent id="approved-text" tabIndex={0}>
              {props.confirmApproved?.map((line, i) => (
                <div key={i} className={line.startsWith(" ") ? styles.indent : undefined}>
                  {line.trim()}
                </div>
              ))}
              <p>
                The approved run stays in the Log, and the Changes sheet will compare the new figures with it.
                Write the new run anyway?
              </p>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={props.onApprove}>
                Write the new run
              </Button>
              <Button onClick={props.onCancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={props.confirmReplace !== undefined} onOpenChange={(_, d) => !d.open && props.onCancel()}>
        <DialogSurface aria-describedby="replace-text">
          <DialogBody>
            <DialogTitle>Replace the earlier results?</DialogTitle>
            <DialogContent id="replace-text">
              The workbook holds {props.confirmReplace?.join(", ")} from an earlier run of this add-in. They
              will be replaced by the new results; the Log keeps a row for every run.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={props.onConfirm}>
                Replace
              </Button>
              <Button onClick={props.onCancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
