import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { RunStatus } from "../../engine/model";
import type { PaneError } from "../paneError";
import type { StatusChoice } from "../settingsCells";

/** Props of the status form. */
export interface StatusFormProps {
  /** The status and paper the Settings sheet holds now. */
  current: StatusChoice;
  /** Saves the choice into the Settings sheet and reads the workbook again; absent when there is no Settings sheet. */
  onSave?: (choice: StatusChoice) => void;
  saving: boolean;
  error?: PaneError;
  /** What the last save did: shown, and given focus (the Save button it came from greys out), until the next change. */
  saved?: string;
  /** Told the choice while it differs from the Settings sheet's (not saved yet), and undefined once it does not. */
  onUnsaved?: (choice: StatusChoice | undefined) => void;
}

const STATUSES: readonly { value: RunStatus; text: string }[] = [
  { value: "Draft", text: "Draft" },
  { value: "Submitted", text: "Submitted to the Committee" },
  { value: "Approved", text: "Approved by the Committee" },
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "140px" },
});

/**
 * Where this run stands (Settings Status) and the paper it serves (DocumentSymbol): the Log, the
 * record and the annex carry them. Saved into the Settings sheet, the workbook's own truth.
 */
export function StatusForm({ current, onSave, saving, error, saved, onUnsaved }: StatusFormProps) {
  const styles = useStyles();
  const [status, setStatus] = useState<RunStatus>(current.status);
  const [symbol, setSymbol] = useState(current.documentSymbol);
  useEffect(() => {
    setStatus(current.status);
    setSymbol(current.documentSymbol);
  }, [current.status, current.documentSymbol]);
  const changed = status !== current.status || symbol.trim() !== current.documentSymbol;
  useEffect(() => {
    onUnsaved?.(changed ? { status, documentSymbol: symbol.trim() } : undefined);
  }, [changed, status, symbol, onUnsaved]);
  useEffect(() => () => onUnsaved?.(undefined), [onUnsaved]);
  const savedBar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved !== undefined) savedBar.current?.focus();
  }, [saved]);
  const missingPaper = status === "Approved" && symbol.trim() === "";
  return (
    <section className={styles.root} aria-labelledby="status-title">
      <Text as="h2" weight="semibold" size={400} id="status-title">
        Status of these results
      </Text>
      <Text size={200}>
        Recorded in the Log and shown on the annex: a draft mark until the Committee approves the figures.
      </Text>
      <div className={styles.row}>
        <Field label="Status" className={styles.grow}>
          <Dropdown
            value={STATUSES.find((s) => s.value === status)?.text ?? status}
            selectedOptions={[status]}
            onOptionSelect={(_, d) => d.optionValue && setStatus(d.optionValue as RunStatus)}
          >
            {STATUSES.map((s) => (
              <Option key={s.value} value={s.value}>
                {s.text}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label="Document symbol"
          className={styles.grow}
          {...(missingPaper
            ? {
                validationMessage: "An approved run names the paper that approved it.",
                validationState: "error",
              }
            : {})}
        >
          <Input value={symbol} placeholder="UNEP/CMS/StC44/Doc.X" onChange={(_, d) => setSymbol(d.value)} />
        </Field>
      </div>
      {onSave ? (
        <Button
          disabled={!changed || missingPaper || saving}
          onClick={() => onSave({ status, documentSymbol: symbol.trim() })}
        >
          {saving ? "Saving…" : "Save to the Settings sheet"}
        </Button>
      ) : (
        <Text size={200}>Add a Settings sheet (Key, Value) to set the status from here.</Text>
      )}
      {saved !== undefined && !changed && (
        <MessageBar intent="success" ref={savedBar} tabIndex={-1}>
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
