/**
 * The languages of the user interface and how a request chooses one: German unless the
 * query string says `lang=en`. No cookie and no Accept-Language, so that every URL
 * names exactly one page and caches can key on the URL alone.
 */
import { de, type Dictionary } from "./de.js";
import { en } from "./en.js";

/** A language of the user interface. */
export type Language = "de" | "en";

/** The default language. */
export const DEFAULT_LANGUAGE: Language = "de";

const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { de, en };

/** The language a query value asks for; anything but "en" means German. */
export function resolveLanguage(value: unknown): Language {
  return value === "en" ? "en" : DEFAULT_LANGUAGE;
}

/** The texts of a language. */
export function dictionary(language: Language): Dictionary {
  return DICTIONARIES[language];
}

export type { Dictionary } from "./de.js";
