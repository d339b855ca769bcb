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

/** A failure of the write, as the officer should read it: what happened and the way out. */
export interface PaneError {
  title: string;
  message: string;
}

/** Props of the Write step. */
export interface WriteStepProps {
  /** The sheets a run writes. */
  outputNames: readonly string[];
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
  /** The last write's failure. */
  error?: PaneError;
  /** The sheets written by the last run. */
  written?: string[];
  /** Excel: shows a written sheet. */
  onActivate?: (sheet: string) => void;
  /** Browser: downloads the workbook with its results. */
  onDownload?: () => void;
}

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Step 5: writes Allocation, Savings, Settlement, Annex and a Log row, then links to each sheet. */
export function WriteStep(props: WriteStepProps) {
  const styles = useStyles();
  const running = props.progress !== undefined;
  return (
    <div className={styles.block}>
      <Text as="p">
        Writes the sheets {props.outputNames.join(", ")} (a row is added to Log on each run). Sheets of an
        earlier run are replaced after you confirm; a sheet of yours with one of these names is never touched.
      </Text>
      {props.blocked && (
        <MessageBar intent="warning">
          <MessageBarBody>{props.blocked}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={props.blocked !== undefined || running} onClick={props.onWrite}>
        Write the results
      </Button>
      {props.progress && (
        <Field validationMessage={props.progress.label} validationState="none" label="Writing">
          <ProgressBar value={props.progress.fraction} max={1} aria-label="Writing the results" />
        </Field>
      )}
      {props.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{props.error.title}</MessageBarTitle>
            {props.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {props.written && !running && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Results written</MessageBarTitle>
            {props.onActivate ? "Open a sheet:" : "Written into the workbook held in this page:"}
            <ul className={styles.list}>
              {props.written.map((name) => (
                <li key={name}>
                  {props.onActivate ? <Link onClick={() => props.onActivate?.(name)}>{name}</Link> : name}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {props.written && !running && props.onDownload && (
        <Button appearance="primary" onClick={props.onDownload}>
          Download result (.xlsx)
        </Button>
      )}
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
