import { useState } from "react";
import type { Language } from "../engine/model";
import type { Allocation } from "../engine/result";
import { copyHtml } from "./copyHtml";
import { messageOf, type PaneError } from "./paneError";
import type { Pipeline } from "./pipeline";
import { saveBytes } from "./saveBytes";

/** The Export part of the Results step: the annex as .docx or as tables on the clipboard. */
export interface ExportState {
  language: Language;
  setLanguage: (l: Language) => void;
  done?: string;
  error?: PaneError;
  exportDocx?: () => Promise<void>;
  exportCopy?: () => Promise<void>;
}

/**
 * Exports the annex of an allocation in the chosen language. `refusal`, asked before each export,
 * says why the annex must not be made now (new figures under an approved paper's symbol);
 * `caveat`, said after an export, what the officer should know of its figures (rule changes not
 * saved in the workbook).
 */
export function useExport(
  pipeline: Pipeline,
  allocation: Allocation | undefined,
  refusal: () => Promise<PaneError | undefined> = () => Promise.resolve(undefined),
  caveat?: string,
): ExportState {
  const [language, setLanguage] = useState<Language>("en");
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<PaneError>();
  const said = (text: string) => setDone(caveat === undefined ? text : `${text} ${caveat}`);
  const { annexDocx, annexHtml } = pipeline;

  const exportDocx =
    allocation && annexDocx
      ? async () => {
          setError(undefined);
          setDone(undefined);
          try {
            const refused = await refusal();
            if (refused) {
              setError(refused);
              return;
            }
            const bytes = await annexDocx(allocation, language);
            saveBytes(
              bytes,
              `annex-${language}.docx`,
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            );
            said(`The annex (${language}) was offered as annex-${language}.docx.`);
          } catch (e) {
            console.error(e);
            setError({ title: "The annex could not be made.", message: `${messageOf(e)}. Try again.` });
          }
        }
      : undefined;

  const exportCopy =
    allocation && annexHtml
      ? async () => {
          setError(undefined);
          setDone(undefined);
          try {
            const refused = await refusal();
            if (refused) {
              setError(refused);
              return;
            }
            await copyHtml(await annexHtml(allocation, language));
            said("The annex tables are on the clipboard: paste them into Word or Outlook.");
          } catch (e) {
            console.error(e);
            setError({
              title: "The tables could not be copied.",
              message: `${messageOf(e)}. Download the .docx instead, or allow clipboard access and try again.`,
            });
          }
        }
      : undefined;

  return {
    language,
    setLanguage: (l) => {
      setLanguage(l);
      setDone(undefined);
    },
    ...(done ? { done } : {}),
    ...(error ? { error } : {}),
    ...(exportDocx ? { exportDocx } : {}),
    ...(exportCopy ? { exportCopy } : {}),
  };
}
