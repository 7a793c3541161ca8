/**
 * What every component needs to know about the reader: the interface language, its
 * texts and how to build links that keep the language. Passed as a prop (kitajs has no
 * context API, by design).
 */
import { dictionary, type Dictionary, type Language } from "../../i18n/i18n.js";
import { withQuery } from "../portal/paths.js";
import type { CatalogueLevels } from "../../domain/catalogue/levels.js";
import { applyLevels } from "../../i18n/levels.js";

/** The reader's language and the helpers that depend on it. */
export interface ViewContext {
  readonly lang: Language;
  readonly t: Dictionary;
  /**
   * The lang attribute for catalogue content (always written in German): undefined on
   * German pages, "de" on English pages, so screen readers switch pronunciation.
   */
  readonly contentLang: "de" | undefined;
  /** A portal link in the reader's language. */
  link(
    path: string,
    query?: Readonly<Record<string, string | undefined>>,
  ): string;
}

/**
 * The view context with the level texts in the municipality's words (its programme's
 * levels); the same context for Kleve's names.
 */
export function withLevels(
  view: ViewContext,
  levels: CatalogueLevels,
): ViewContext {
  const t = applyLevels(view.t, levels, view.lang);
  return t === view.t ? view : { ...view, t };
}

/** Builds the view context for a language. */
export function createViewContext(lang: Language): ViewContext {
  return {
    lang,
    t: dictionary(lang),
    contentLang: lang === "de" ? undefined : "de",
    link: (path, query) => withQuery(path, lang, query),
  };
}
