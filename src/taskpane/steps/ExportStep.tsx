import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Language } from "../../engine/model";
import type { PaneError } from "../paneError";

/** Props of the Export step. */
export interface ExportStepProps {
  language: Language;
  onLanguage: (language: Language) => void;
  /** Downloads the annex as .docx; absent while the annex writer is not available or errors remain. */
  onDocx?: () => void;
  /** Copies the annex tables to the clipboard as HTML; absent likewise. */
  onCopy?: () => void;
  /** Why exporting is not possible now. */
  blocked?: string;
  /** What the officer should know before exporting (figures from rule changes not saved). */
  notice?: string;
  /** What the last export did. */
  done?: string;
  error?: PaneError;
}

const LANGUAGES: Record<Language, string> = { en: "English", fr: "Français", es: "Español" };

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Step 6: the annex tables for a Standing Committee paper, as .docx or as a table to paste. */
export function ExportStep(props: ExportStepProps) {
  const styles = useStyles();
  // What an export did, in view and with focus: it shows below the buttons, often under the fold.
  const doneBar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.done !== undefined) doneBar.current?.focus();
  }, [props.done]);
  return (
    <div className={styles.block}>
      <Text as="h2" weight="semibold" size={400} id="export-heading">
        Annex for a Standing Committee paper
      </Text>
      <Text as="p">
        The annex tables (cost sharing of common services, staffing, savings) in one of the CMS working
        languages, as a Word document or as tables to paste.
      </Text>
      <Field label="Language of the annex">
        <Dropdown
          value={LANGUAGES[props.language]}
          selectedOptions={[props.language]}
          onOptionSelect={(_, d) => d.optionValue && props.onLanguage(d.optionValue as Language)}
        >
          {(Object.keys(LANGUAGES) as Language[]).map((l) => (
            <Option key={l} value={l}>
              {LANGUAGES[l]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {props.blocked && (
        <MessageBar intent="info">
          <MessageBarBody>{props.blocked}</MessageBarBody>
        </MessageBar>
      )}
      {props.notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{props.notice}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={!props.onDocx} onClick={props.onDocx}>
        Download annex (.docx)
      </Button>
      <Button disabled={!props.onCopy} onClick={props.onCopy}>
        Copy annex as a table
      </Button>
      {props.done && (
        <MessageBar intent="success" ref={doneBar} tabIndex={-1}>
          <MessageBarBody>{props.done}</MessageBarBody>
        </MessageBar>
      )}
      {props.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <strong>{props.error.title}</strong> {props.error.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
