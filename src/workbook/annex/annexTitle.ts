import type { Language, Settings } from "../../engine/model";
import { annexMessages } from "./i18n";

/**
 * The annex's title in the language asked for: the workbook's own AnnexTitle when the annex is in
 * the workbook's language (Settings Language, English by default), else the title in that language,
 * so a French annex never carries an English title.
 */
export function annexTitle(settings: Settings, language: Language): string {
  const own = settings.annexTitle?.trim();
  return own && language === (settings.language ?? "en") ? own : annexMessages[language].defaultTitle;
}
