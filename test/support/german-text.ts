/**
 * Recognises German interface text on an English page, tightly enough that English text
 * and names never trip it: a text is German when it contains, as whole words, a German
 * dictionary value that differs from its English counterpart, or a German function word,
 * unless that value or word also occurs in the English dictionary (then it is English too,
 * e.g. "Status" or "Name").
 */
import { de } from "../../src/i18n/de.js";
import { en } from "../../src/i18n/en.js";

/** Words that only German sentences use; "Stand" is the portal's "as of". */
const GERMAN_FUNCTION_WORDS = [
  "und",
  "oder",
  "der",
  "die",
  "das",
  "des",
  "dem",
  "den",
  "ein",
  "eine",
  "einer",
  "eines",
  "von",
  "vom",
  "mit",
  "für",
  "nicht",
  "ist",
  "sind",
  "wird",
  "werden",
  "wurde",
  "auf",
  "bei",
  "zum",
  "zur",
  "noch",
  "über",
  "nach",
  "seit",
  "bis",
  "Stand",
];

/** The shortest dictionary value taken as evidence: shorter ones ("de", "Nr.") say too little. */
const MINIMUM_PHRASE_LENGTH = 4;

/** Every string of a dictionary tree, by its path ("edition.navEditions"). */
function stringsByPath(
  tree: unknown,
  prefix = "",
  into = new Map<string, string>(),
): Map<string, string> {
  if (typeof tree === "string") into.set(prefix, tree);
  else if (tree !== null && typeof tree === "object")
    for (const [key, value] of Object.entries(tree))
      stringsByPath(value, prefix === "" ? key : `${prefix}.${key}`, into);
  return into;
}

const WORD = /[\p{L}\p{N}]/u;

/** Whether `phrase` occurs in `text` with no letter or digit right before or after it. */
function containsWord(text: string, phrase: string): boolean {
  for (
    let index = text.indexOf(phrase);
    index !== -1;
    index = text.indexOf(phrase, index + 1)
  ) {
    const before = text[index - 1];
    const after = text[index + phrase.length];
    if (
      (before === undefined || !WORD.test(before)) &&
      (after === undefined || !WORD.test(after))
    )
      return true;
  }
  return false;
}

const englishStrings = [...stringsByPath(en).values()];
const isEnglishToo = (phrase: string): boolean =>
  englishStrings.some((text) => containsWord(text, phrase));

/** The evidence of German text: dictionary values and function words. */
export const GERMAN_EVIDENCE: readonly string[] = (() => {
  const english = stringsByPath(en);
  const phrases = new Set<string>();
  for (const [path, value] of stringsByPath(de)) {
    const phrase = value.trim();
    if (phrase.length < MINIMUM_PHRASE_LENGTH || !WORD.test(phrase)) continue;
    if (english.get(path)?.trim() === phrase) continue;
    phrases.add(phrase);
  }
  for (const word of GERMAN_FUNCTION_WORDS) phrases.add(word);
  return [...phrases].filter((phrase) => !isEnglishToo(phrase));
})();

/** The German phrase or word that `text` contains, or null when it reads as not German. */
export function germanEvidenceIn(text: string): string | null {
  const normalised = text.replace(/\s+/g, " ").trim();
  if (normalised === "") return null;
  for (const phrase of GERMAN_EVIDENCE)
    if (containsWord(normalised, phrase)) return phrase;
  return null;
}
