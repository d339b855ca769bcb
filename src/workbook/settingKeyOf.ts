import { editDistance } from "../engine/editDistance";
import type { SettingKey } from "./inputMapping";
import { normalizeName } from "./normalizeName";

/** What a Settings key cell names: a setting, a text that looks like one, or neither. */
export type SettingKeyMatch = { key: SettingKey } | { resembles: SettingKey } | undefined;

/**
 * The setting a key names, matched as loosely as column headers: case, spaces and punctuation are
 * ignored, and a part in brackets may be left out or be the name ("Programme support costs (PSC)",
 * "Escalation (% a year)"). Otherwise the setting it looks like: one or two letters away from a
 * name ("Currencey"), or holding a word of it ("PSC charged", "Overhead rate"), so that a value
 * meant for a setting is never silently left unused.
 */
export function settingKeyOf(text: string, keys: readonly SettingKey[]): SettingKeyMatch {
  const brackets = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  const candidates = [text, text.replace(/\([^)]*\)/g, ""), ...brackets]
    .map(normalizeName)
    .filter((c) => c !== "");
  const namesOf = (k: SettingKey) => [k.name, ...k.aliases].map(normalizeName);
  for (const c of candidates) {
    const key = keys.find((k) => namesOf(k).includes(c));
    if (key !== undefined) return { key };
  }
  let best: { key: SettingKey; distance: number } | undefined;
  for (const c of candidates) {
    for (const key of keys) {
      for (const name of namesOf(key)) {
        const distance = editDistance(c, name);
        if (distance <= (name.length <= 5 ? 1 : 2) && (best === undefined || distance < best.distance))
          best = { key, distance };
      }
    }
  }
  if (best !== undefined) return { resembles: best.key };
  const spaced = ` ${plainWords(text)}`;
  let found: { key: SettingKey; length: number } | undefined;
  for (const key of keys) {
    for (const word of [key.name.replace(/([a-z])([A-Z])/g, "$1 $2"), ...(key.words ?? [])].map(plainWords)) {
      // At the start of a word: "Overhead rate" looks like PSC, "Background" not like Rounding.
      if (spaced.includes(` ${word}`) && (found === undefined || word.length > found.length))
        found = { key, length: word.length };
    }
  }
  return found === undefined ? undefined : { resembles: found.key };
}

/** Lower-case words without accents or punctuation, one space apart ("Step-down" → "step down"). */
function plainWords(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
