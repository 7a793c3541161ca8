/**
 * Folding text for search, so that "Bürgerbüro", "buergerbuero" and "BÜRGERBÜRO" find
 * the same project: German readers write umlauts both ways, especially on keyboards
 * without them.
 */

const GERMAN_FOLDS: Readonly<Record<string, string>> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  ß: "ss",
};

/** Lower-cases, spells umlauts and ß out, and strips other diacritics (é → e). */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (character) => GERMAN_FOLDS[character] ?? character)
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "");
}
