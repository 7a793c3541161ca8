/**
 * An edition's title in the reader's language. The title an edition gets by default
 * ("2. Fortschreibung") is ours and reads "2nd edition" in English; a title the
 * municipality chose itself is its own content and stays as it is.
 */
import { defaultEditionTitle } from "../domain/edition/edition.js";
import type { Language } from "./i18n.js";

/** "1st", "2nd", "3rd", "4th", "11th", "22nd" … */
export function englishOrdinal(number: number): string {
  const lastTwo = number % 100;
  const last = number % 10;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13
      ? "th"
      : last === 1
        ? "st"
        : last === 2
          ? "nd"
          : last === 3
            ? "rd"
            : "th";
  return `${number}${suffix}`;
}

/** The title of edition `number` as the reader reads it. */
export function editionTitleIn(
  lang: Language,
  title: string,
  number?: number,
): string {
  if (lang === "de") return title;
  const match = /^(\d+)\. Fortschreibung$/.exec(title);
  const n = match === null ? null : Number(match[1]);
  if (n === null || (number !== undefined && n !== number)) return title;
  return title === defaultEditionTitle(n)
    ? `${englishOrdinal(n)} edition`
    : title;
}

/** The lang attribute for an edition's title on a page in `lang`: "de" when it stays the municipality's German. */
export function editionTitleLang(
  lang: Language,
  title: string,
): "de" | undefined {
  return lang === "de" || editionTitleIn(lang, title) !== title
    ? undefined
    : "de";
}
