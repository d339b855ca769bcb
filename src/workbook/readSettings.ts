import {
  defaultSettings,
  type Language,
  type RunStatus,
  type Settings,
  type SupportMethod,
} from "../engine/model";
import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import type { FoundSheet } from "./foundSheet";
import { isUncalculated } from "./grid";
import { CONTRACT, type SettingKey } from "./inputMapping";
import { normalizeName } from "./normalizeName";
import { settingKeyOf } from "./settingKeyOf";
import { scenarioKey } from "../engine/scenarioKey";
import { splitScenarioNames } from "./splitScenarioNames";

const KEYS: readonly SettingKey[] = CONTRACT.find((s) => s.name === "Settings")?.keys ?? [];

const CURRENCY_WORDS: Record<string, string> = {
  "€": "EUR",
  euro: "EUR",
  euros: "EUR",
  $: "USD",
  usdollar: "USD",
  usdollars: "USD",
  dollars: "USD",
  "£": "GBP",
  swissfrancs: "CHF",
};

const SUPPORT_METHODS: Record<string, SupportMethod> = {
  reciprocal: "reciprocal",
  simultaneous: "reciprocal",
  matrix: "reciprocal",
  stepdown: "step-down",
  step: "step-down",
  sequential: "step-down",
};

const LANGUAGES: Record<string, Language> = {
  en: "en",
  english: "en",
  anglais: "en",
  ingles: "en",
  fr: "fr",
  french: "fr",
  francais: "fr",
  frances: "fr",
  es: "es",
  spanish: "es",
  espanol: "es",
  espagnol: "es",
};

const ROUNDING_WORDS: Record<string, number> = {
  cents: 0.01,
  cent: 0.01,
  units: 1,
  unit: 1,
  whole: 1,
  wholeunits: 1,
  thousands: 1000,
};

const STATUS_WORDS: Record<string, RunStatus> = {
  draft: "Draft",
  projet: "Draft",
  borrador: "Draft",
  submitted: "Submitted",
  soumis: "Submitted",
  presentado: "Submitted",
  approved: "Approved",
  adopted: "Approved",
  approuve: "Approved",
  adopte: "Approved",
  aprobado: "Approved",
  adoptado: "Approved",
};

/** A Status value: its word, then optionally the paper after a dash, colon or comma ("Approved — UNEP/CMS/StC44/Doc.X"). */
const STATUS_TEXT = /^\s*([\p{L}]+)(?:\s*[\u2014\u2013:,;-]\s*|\s+)?(.*\S)?\s*$/u;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/**
 * Reads the Settings sheet's Key/Value rows over the defaults; a blank value keeps the default, a
 * key given twice is an error. An unknown key with a value is a warning (it is ignored), unless it
 * looks like a setting (see settingKeyOf): then its value was meant to count, so it is an error.
 */
export function readSettings(sheet: FoundSheet | undefined, reader: CellReader): Settings {
  const settings: Settings = { ...defaultSettings, sources: {} };
  if (sheet === undefined) return settings;
  const sources: NonNullable<Settings["sources"]> = {};
  const seenAt = new Map<string, number>();
  const status: StatusCell = {};
  for (const row of sheet.rows) {
    const keyRef = sheet.cell(row, "Key");
    const valueRef = sheet.cell(row, "Value");
    if (keyRef === undefined || valueRef === undefined) continue;
    if (isUncalculated(keyRef.value)) {
      reader.isUnreadable(keyRef, "value");
      continue;
    }
    const keyText = typeof keyRef.value === "string" ? keyRef.value.trim() : "";
    if (keyText === "") continue;
    const match = settingKeyOf(keyText, KEYS);
    if (match === undefined || "resembles" in match) {
      if (reader.isBlank(valueRef.value)) continue;
      if (match === undefined) {
        reader.report(
          keyRef,
          `'${keyText}' is not a setting this add-in knows, so it is ignored; the settings are ${KEYS.map((k) => k.name).join(", ")}`,
          "warning",
        );
      } else {
        const like = match.resembles;
        reader.report(
          keyRef,
          `'${keyText}' is not a setting this add-in knows, but it looks like ${like.name} (${like.description}); type ${like.name} as the key so that its value is used, or clear the row`,
        );
      }
      continue;
    }
    const key = match.key;
    const earlier = seenAt.get(key.name);
    if (earlier !== undefined) {
      reader.report(keyRef, `${key.name} is set twice: also on row ${earlier}; keep one`);
      continue;
    }
    seenAt.set(key.name, row.row);
    sheet.layout.settingRows[key.name] = row.row;
    sources[key.property] = { sheet: sheet.layout.sheet, row: row.row };
    readValue(settings, key, { ...valueRef, field: key.name }, reader, status);
  }
  checkStatus(settings, sources, status, reader);
  settings.sources = sources;
  return settings;
}

/** The Status cell as read: its cell, and the paper written after the status word, if any. */
interface StatusCell {
  ref?: CellRef;
  symbol?: string;
}

/**
 * The paper a Status names ("Approved — UNEP/CMS/StC44/Doc.X") is the DocumentSymbol, unless
 * DocumentSymbol names another; an approved run names its paper.
 */
function checkStatus(
  settings: Settings,
  sources: NonNullable<Settings["sources"]>,
  status: StatusCell,
  reader: CellReader,
): void {
  const ref = status.ref;
  if (ref === undefined) return;
  const given = settings.documentSymbol?.trim();
  if (status.symbol !== undefined) {
    if (given === undefined || given === "") {
      settings.documentSymbol = status.symbol;
      sources.documentSymbol = sources.status;
    } else if (given.toLowerCase() !== status.symbol.toLowerCase()) {
      reader.report(
        ref,
        `Status names the paper ${status.symbol}, but DocumentSymbol says ${given}; keep one of them, or make them the same`,
      );
      return;
    }
  }
  if (settings.status === "Approved" && !settings.documentSymbol?.trim()) {
    reader.report(
      ref,
      "An approved run names the paper that approved it: fill DocumentSymbol, or write the symbol after the status, as in Approved — UNEP/CMS/StC44/Doc.X",
    );
  }
}

function readValue(
  settings: Settings,
  key: SettingKey,
  ref: CellRef,
  reader: CellReader,
  status: StatusCell,
): void {
  if (reader.isBlank(ref.value)) return;
  switch (key.property) {
    case "currency": {
      const text = reader.text(ref);
      if (text === undefined) return;
      const code = CURRENCY_WORDS[normalizeName(text)] ?? CURRENCY_WORDS[text] ?? text.toUpperCase();
      if (/^[A-Z]{3}$/.test(code)) settings.currency = code;
      else
        reader.report(
          ref,
          `Currency must be a three-letter code such as EUR, found ${describeValue(ref.value)}`,
        );
      return;
    }
    case "firstYear": {
      const year = reader.integer(ref, 1900, 2199, "a year such as 2015");
      if (year !== undefined) settings.firstYear = year;
      return;
    }
    case "years": {
      const years = reader.integer(ref, 1, 50, "a whole number of years such as 3");
      if (years !== undefined) settings.years = years;
      return;
    }
    case "escalation":
    case "psc": {
      const rate = reader.percent(ref, { plainAbove1: true });
      if (rate === undefined) return;
      const low = key.property === "escalation" ? -0.5 : 0;
      if (rate < low || rate >= 1) {
        reader.report(
          ref,
          `${key.name} must be a percentage from ${low * 100}% to below 100%, found ${describeValue(ref.value)}`,
        );
        return;
      }
      settings[key.property] = rate;
      return;
    }
    case "rounding": {
      const word = typeof ref.value === "string" ? ROUNDING_WORDS[normalizeName(ref.value)] : undefined;
      const unit = word ?? reader.number(ref, "a rounding unit such as 1 (whole units) or 0.01 (cents)");
      if (unit === undefined) return;
      if (unit <= 0) {
        reader.report(
          ref,
          `Rounding must be more than 0, such as 1 (whole units) or 0.01 (cents), found ${describeValue(ref.value)}`,
        );
        return;
      }
      settings.rounding = unit;
      return;
    }
    case "supportMethod": {
      const text = reader.text(ref);
      if (text === undefined) return;
      const method = SUPPORT_METHODS[normalizeName(text)];
      if (method !== undefined) settings.supportMethod = method;
      else
        reader.report(
          ref,
          `SupportMethod must be reciprocal or step-down, found ${describeValue(ref.value)}`,
        );
      return;
    }
    case "status": {
      const text = reader.text(ref);
      if (text === undefined) return;
      const match = STATUS_TEXT.exec(text);
      const word = match === null ? undefined : STATUS_WORDS[normalizeName(match[1])];
      if (match === null || word === undefined) {
        reader.report(
          ref,
          `Status must be Draft, Submitted or Approved (an approved run with its paper: Approved — UNEP/CMS/StC44/Doc.X), found ${describeValue(ref.value)}`,
        );
        return;
      }
      settings.status = word;
      status.ref = ref;
      if (match[2] !== undefined) status.symbol = match[2].trim();
      return;
    }
    case "documentSymbol":
    case "annexTitle": {
      const text = reader.text(ref);
      if (text !== undefined) settings[key.property] = text;
      return;
    }
    case "annexStart": {
      const roman = typeof ref.value === "string" ? ROMAN.indexOf(ref.value.trim().toUpperCase()) : -1;
      const start = roman >= 0 ? roman + 1 : reader.integer(ref, 1, 999, "a whole number such as 1");
      if (start !== undefined) settings.annexStart = start;
      if (roman >= 0) settings.annexRoman = true;
      return;
    }
    case "scenarios": {
      const text = reader.text(ref);
      if (text === undefined) return;
      const names = splitScenarioNames(text);
      const twice = names.find((n, k) => names.findIndex((m) => scenarioKey(m) === scenarioKey(n)) < k);
      if (names.length === 0 || twice !== undefined) {
        reader.report(
          ref,
          twice !== undefined
            ? `Scenarios names option '${twice}' twice; list each option once`
            : `Scenarios must list the options' names separated by ';', such as 'Status quo; Pilot', found ${describeValue(ref.value)}`,
        );
        return;
      }
      settings.scenarios = names;
      return;
    }
    case "scenario": {
      const text = reader.text(ref);
      if (text !== undefined) settings.scenario = text;
      return;
    }
    case "language": {
      const text = reader.text(ref);
      if (text === undefined) return;
      const language = LANGUAGES[normalizeName(text)];
      if (language !== undefined) settings.language = language;
      else
        reader.report(
          ref,
          `Language must be en, fr or es (English, French or Spanish), found ${describeValue(ref.value)}`,
        );
      return;
    }
  }
}
