/**
 * Puts the municipality's level names into an interface text that names Kleve's levels
 * (docs/adr/0029). German texts change the noun and the article or adjective in front of
 * it to the new noun's gender ("Das Projekt wurde angelegt." → "Der Schritt wurde
 * angelegt."); English texts take the German names as they are. A flat programme's texts
 * that name both top levels ("Wirkungsbereiche und Aktionsfelder") name only the second.
 */
import type {
  CatalogueLevels,
  LevelKey,
  LevelName,
} from "../domain/catalogue/levels.js";
import { DEFAULT_LEVELS } from "../domain/catalogue/levels.js";
import type { Language } from "./i18n.js";

/** Grammatical gender of a German noun. */
export type Gender = "m" | "f" | "n";

type Case = "nom" | "acc" | "dat" | "gen";
/** The order in which a form that fits several cases is read ("einer Maßnahme": genitive). */
const CASES: readonly Case[] = ["nom", "acc", "gen", "dat"];

/** The gender of Kleve's level nouns. */
const DEFAULT_GENDER: Readonly<Record<LevelKey, Gender>> = {
  impactArea: "m",
  actionField: "n",
  project: "n",
  measure: "f",
};

/** Last parts of compound nouns a municipality is likely to name a level with. */
const KNOWN_GENDER: readonly (readonly [string, Gender])[] = [
  ["vorhaben", "n"],
  ["thema", "n"],
  ["feld", "n"],
  ["projekt", "n"],
  ["programm", "n"],
  ["paket", "n"],
  ["ziel", "n"],
  ["modul", "n"],
  ["handlungsfeld", "n"],
  ["element", "n"],
  ["bereich", "m"],
  ["schritt", "m"],
  ["schwerpunkt", "m"],
  ["baustein", "m"],
  ["meilenstein", "m"],
  ["punkt", "m"],
  ["auftrag", "m"],
  ["cluster", "m"],
  ["maßnahme", "f"],
  ["aufgabe", "f"],
  ["säule", "f"],
  ["ebene", "f"],
  ["initiative", "f"],
  ["strategie", "f"],
  ["linie", "f"],
  ["leitlinie", "f"],
  ["aktivität", "f"],
  ["dimension", "f"],
  ["aktion", "f"],
];

/**
 * The gender of a German noun, guessed from its last part (a compound takes the gender of
 * its last word) and then from its ending; masculine when nothing points elsewhere.
 */
export function guessGender(noun: string): Gender {
  const word = noun.trim().toLowerCase();
  const known = KNOWN_GENDER.find(([ending]) => word.endsWith(ending));
  if (known !== undefined) return known[1];
  if (/(ung|heit|keit|schaft|ion|tät|ik|ie|ur|e)$/u.test(word)) return "f";
  if (/(um|ment|chen|lein|ma|nis|tum)$/u.test(word)) return "n";
  return "m";
}

/** Article and adjective forms in front of a singular noun, by gender and case. */
const DETERMINERS: Readonly<
  Record<string, Readonly<Record<Gender, Readonly<Record<Case, string>>>>>
> = {
  definite: {
    m: { nom: "der", acc: "den", dat: "dem", gen: "des" },
    f: { nom: "die", acc: "die", dat: "der", gen: "der" },
    n: { nom: "das", acc: "das", dat: "dem", gen: "des" },
  },
  indefinite: {
    m: { nom: "ein", acc: "einen", dat: "einem", gen: "eines" },
    f: { nom: "eine", acc: "eine", dat: "einer", gen: "einer" },
    n: { nom: "ein", acc: "ein", dat: "einem", gen: "eines" },
  },
  negative: {
    m: { nom: "kein", acc: "keinen", dat: "keinem", gen: "keines" },
    f: { nom: "keine", acc: "keine", dat: "keiner", gen: "keiner" },
    n: { nom: "kein", acc: "kein", dat: "keinem", gen: "keines" },
  },
  possessive: {
    m: { nom: "ihr", acc: "ihren", dat: "ihrem", gen: "ihres" },
    f: { nom: "ihre", acc: "ihre", dat: "ihrer", gen: "ihrer" },
    n: { nom: "ihr", acc: "ihr", dat: "ihrem", gen: "ihres" },
  },
  demonstrative: {
    m: { nom: "dieser", acc: "diesen", dat: "diesem", gen: "dieses" },
    f: { nom: "diese", acc: "diese", dat: "dieser", gen: "dieser" },
    n: { nom: "dieses", acc: "dieses", dat: "diesem", gen: "dieses" },
  },
  each: {
    m: { nom: "jeder", acc: "jeden", dat: "jedem", gen: "jedes" },
    f: { nom: "jede", acc: "jede", dat: "jeder", gen: "jeder" },
    n: { nom: "jedes", acc: "jedes", dat: "jedem", gen: "jedes" },
  },
  which: {
    m: { nom: "welcher", acc: "welchen", dat: "welchem", gen: "welches" },
    f: { nom: "welche", acc: "welche", dat: "welcher", gen: "welcher" },
    n: { nom: "welches", acc: "welches", dat: "welchem", gen: "welches" },
  },
  new: {
    m: { nom: "neuer", acc: "neuen", dat: "neuem", gen: "neuen" },
    f: { nom: "neue", acc: "neue", dat: "neuer", gen: "neuer" },
    n: { nom: "neues", acc: "neues", dat: "neuem", gen: "neuen" },
  },
  contractedIn: {
    m: { nom: "im", acc: "im", dat: "im", gen: "im" },
    f: { nom: "in der", acc: "in der", dat: "in der", gen: "in der" },
    n: { nom: "im", acc: "im", dat: "im", gen: "im" },
  },
  contractedTo: {
    m: { nom: "zum", acc: "zum", dat: "zum", gen: "zum" },
    f: { nom: "zur", acc: "zur", dat: "zur", gen: "zur" },
    n: { nom: "zum", acc: "zum", dat: "zum", gen: "zum" },
  },
  contractedFrom: {
    m: { nom: "vom", acc: "vom", dat: "vom", gen: "vom" },
    f: { nom: "von der", acc: "von der", dat: "von der", gen: "von der" },
    n: { nom: "vom", acc: "vom", dat: "vom", gen: "vom" },
  },
  contractedAt: {
    m: { nom: "beim", acc: "beim", dat: "beim", gen: "beim" },
    f: { nom: "bei der", acc: "bei der", dat: "bei der", gen: "bei der" },
    n: { nom: "beim", acc: "beim", dat: "beim", gen: "beim" },
  },
};

const DETERMINER_WORDS = [
  ...new Set(
    Object.values(DETERMINERS).flatMap((byGender) =>
      Object.values(byGender).flatMap((byCase) => Object.values(byCase)),
    ),
  ),
]
  .filter((word) => !word.includes(" "))
  .sort((a, b) => b.length - a.length);

/** Kleve's nouns of one level: singular, genitive singular, plural, dative plural. */
interface NounForms {
  readonly key: LevelKey;
  readonly singular: readonly string[];
  readonly genitive: readonly string[];
  readonly plural: readonly string[];
  readonly dativePlural: readonly string[];
}

const GERMAN_NOUNS: readonly NounForms[] = [
  {
    key: "impactArea",
    singular: ["Wirkungsbereich"],
    genitive: ["Wirkungsbereichs", "Wirkungsbereiches"],
    plural: ["Wirkungsbereiche"],
    dativePlural: ["Wirkungsbereichen"],
  },
  {
    key: "actionField",
    singular: ["Aktionsfeld"],
    genitive: ["Aktionsfelds", "Aktionsfeldes"],
    plural: ["Aktionsfelder"],
    dativePlural: ["Aktionsfeldern"],
  },
  {
    key: "project",
    singular: ["Projekt"],
    genitive: ["Projekts", "Projektes"],
    plural: ["Projekte"],
    dativePlural: ["Projekten"],
  },
  {
    key: "measure",
    singular: ["Einzelmaßnahme", "Maßnahme"],
    genitive: [],
    plural: ["Einzelmaßnahmen", "Maßnahmen"],
    dativePlural: [],
  },
];

const ENGLISH_NOUNS: readonly (readonly [LevelKey, string, string])[] = [
  ["impactArea", "impact area", "impact areas"],
  ["actionField", "action field", "action fields"],
  ["project", "project", "projects"],
  ["measure", "individual measure", "individual measures"],
  ["measure", "measure", "measures"],
];

/** A noun or determiner as a whole word (letters on neither side). */
const wholeWord = (pattern: string): string =>
  `(?<![\\p{L}\\p{N}-])${pattern}(?![\\p{L}\\p{N}])`;

const escapeRegExp = (text: string): string =>
  text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function capitaliseLike(model: string, word: string): string {
  const first = model.charAt(0);
  return first !== first.toLowerCase()
    ? word.charAt(0).toUpperCase() + word.slice(1)
    : word;
}

function genitiveOf(name: LevelName, gender: Gender): string {
  if (gender === "f") return name.singular;
  if (/(s|ß|x|z)$/u.test(name.singular)) return `${name.singular}es`;
  return `${name.singular}s`;
}

function dativePluralOf(name: LevelName): string {
  return /[ns]$/u.test(name.plural) ? name.plural : `${name.plural}n`;
}

/**
 * The determiner in front of the new noun for one written in front of Kleve's noun, and
 * whether the noun stands in the genitive.
 */
function swapDeterminer(
  written: string,
  from: Gender,
  to: Gender,
  genitive: boolean,
): { readonly determiner: string; readonly isGenitive: boolean } {
  const lower = written.toLowerCase();
  for (const byGender of Object.values(DETERMINERS)) {
    const cases = CASES.filter(
      (grammaticalCase) =>
        byGender[from][grammaticalCase] === lower &&
        (!genitive || grammaticalCase === "gen"),
    );
    const [first] = cases;
    if (first !== undefined)
      return {
        determiner: capitaliseLike(written, byGender[to][first]),
        isGenitive: first === "gen",
      };
  }
  return { determiner: written, isGenitive: genitive };
}

/** A function that rewrites one interface text in the municipality's level names. */
export function levelWordRewriter(
  levels: CatalogueLevels,
  language: Language,
): (text: string) => string {
  const gender = (key: LevelKey): Gender =>
    levels[key].singular === DEFAULT_LEVELS[key].singular
      ? DEFAULT_GENDER[key]
      : guessGender(levels[key].singular);
  const steps: ((text: string) => string)[] = [];

  if (levels.flat) {
    // Texts naming both top levels name only the visible one.
    const both: readonly (readonly [string, string])[] =
      language === "de"
        ? [
            ["Wirkungsbereiche und Aktionsfelder", levels.actionField.plural],
            [
              "Wirkungsbereichen und Aktionsfeldern",
              dativePluralOf(levels.actionField),
            ],
            ["Wirkungsbereich und Aktionsfeld", levels.actionField.singular],
            ["Wirkungsbereiche, Aktionsfelder", levels.actionField.plural],
            [" in den Wirkungsbereichen", ""],
            ["im Wirkungsbereich", "im Programm"],
          ]
        : [
            ["impact areas and action fields", levels.actionField.plural],
            ["Impact areas and action fields", levels.actionField.plural],
            ["impact areas, action fields", levels.actionField.plural],
            [" to the impact areas", ""],
            ["within the impact area", "within the programme"],
          ];
    for (const [pattern, replacement] of both) {
      const before = pattern.startsWith(" ") ? "" : "(?<![\\p{L}\\p{N}-])";
      const expression = new RegExp(
        `${before}${escapeRegExp(pattern)}(?![\\p{L}\\p{N}])`,
        "gu",
      );
      steps.push((text) => text.replace(expression, replacement));
    }
  }

  if (language === "de") {
    for (const forms of GERMAN_NOUNS) {
      const name = levels[forms.key];
      const fromGender = DEFAULT_GENDER[forms.key];
      const toGender = gender(forms.key);
      if (
        name.singular === DEFAULT_LEVELS[forms.key].singular &&
        name.plural === DEFAULT_LEVELS[forms.key].plural
      )
        continue;
      const plurals = [
        ...forms.dativePlural.map((word) => [word, dativePluralOf(name)]),
        ...forms.plural.map((word) => [word, name.plural]),
      ];
      for (const [word, replacement] of plurals) {
        const expression = new RegExp(
          wholeWord(escapeRegExp(word ?? "")),
          "gu",
        );
        steps.push((text) => text.replace(expression, replacement ?? ""));
      }
      const singulars = [
        ...forms.genitive.map((word) => [word, true] as const),
        ...forms.singular.map((word) => [word, false] as const),
      ];
      for (const [word, genitive] of singulars) {
        const replacementNoun = genitive
          ? genitiveOf(name, toGender)
          : name.singular;
        const determiner = `(?:(${DETERMINER_WORDS.map(escapeRegExp).join("|")})\\s+)?`;
        const expression = new RegExp(
          `(?<![\\p{L}\\p{N}-])${determiner}${escapeRegExp(word)}(?![\\p{L}\\p{N}])`,
          "giu",
        );
        steps.push((text) =>
          text.replace(expression, (match, written: string | undefined) => {
            // Only a noun as written (capitalised) is a level; "maßnahme" in a slug is not.
            if (match.slice(match.length - word.length) !== word) return match;
            if (written === undefined) return replacementNoun;
            const swapped = swapDeterminer(
              written,
              fromGender,
              toGender,
              genitive,
            );
            const noun = swapped.isGenitive
              ? genitiveOf(name, toGender)
              : name.singular;
            return `${swapped.determiner} ${noun}`;
          }),
        );
      }
    }
  } else {
    for (const [key, singular, plural] of ENGLISH_NOUNS) {
      const name = levels[key];
      if (
        name.singular === DEFAULT_LEVELS[key].singular &&
        name.plural === DEFAULT_LEVELS[key].plural
      )
        continue;
      for (const [word, replacement] of [
        [plural, name.plural],
        [singular, name.singular],
      ] as const) {
        const expression = new RegExp(wholeWord(escapeRegExp(word)), "giu");
        steps.push((text) => text.replace(expression, replacement));
      }
      // "a Thema" → "a Thema", "a Aufgabe" → "an Aufgabe".
      for (const replacement of [name.singular, name.plural]) {
        const article = new RegExp(
          `(?<![\\p{L}])(a|an|A|An) ${escapeRegExp(replacement)}(?![\\p{L}])`,
          "gu",
        );
        const vowel = /^[aeiouäöü]/iu.test(replacement);
        steps.push((text) =>
          text.replace(article, (_match, written: string) => {
            const upper = written.startsWith("A");
            const chosen = vowel ? "an" : "a";
            return `${upper ? chosen.charAt(0).toUpperCase() + chosen.slice(1) : chosen} ${replacement}`;
          }),
        );
      }
    }
  }
  return (text) => steps.reduce((current, step) => step(current), text);
}

/**
 * The value with every text rewritten: strings directly, functions by their results,
 * objects and arrays entry by entry.
 */
export function rewriteTexts<T>(
  value: T,
  rewrite: (text: string) => string,
): T {
  if (typeof value === "string") return rewrite(value) as T;
  if (typeof value === "function") {
    const original = value as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) =>
      rewriteTexts(original(...args), rewrite)) as T;
  }
  if (Array.isArray(value))
    return value.map((entry: unknown) => rewriteTexts(entry, rewrite)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [
        key,
        rewriteTexts(entry, rewrite),
      ]),
    ) as T;
  }
  return value;
}
