/**
 * The portal's URLs in one place, so that links and routes cannot drift apart. Every
 * link carries the reader's language (`lang=en`); German needs no parameter.
 */
import type { Language } from "../../i18n/i18n.js";

/** Path patterns of the portal routes (Fastify syntax). */
export const ROUTES = {
  home: "/",
  municipalityWithoutSlash: "/:slug",
  municipality: "/:slug/",
  project: "/:slug/projekte/:projectSlug",
  timeline: "/:slug/zeitstrahl",
  search: "/:slug/suche",
} as const;

/** Paths of the portal's pages. */
export const paths = {
  home: (): string => "/",
  municipality: (slug: string): string => `/${encodeURIComponent(slug)}/`,
  project: (slug: string, projectSlug: string): string =>
    `/${encodeURIComponent(slug)}/projekte/${encodeURIComponent(projectSlug)}`,
  timeline: (slug: string): string => `/${encodeURIComponent(slug)}/zeitstrahl`,
  search: (slug: string): string => `/${encodeURIComponent(slug)}/suche`,
  actionFieldAnchor: (slug: string, key: string): string =>
    `/${encodeURIComponent(slug)}/#aktionsfeld-${encodeURIComponent(key)}`,
  impactAreaAnchor: (slug: string, key: string): string =>
    `/${encodeURIComponent(slug)}/#wirkungsbereich-${encodeURIComponent(key)}`,
};

/** A path with the language and further query parameters; empty or undefined values are left out. */
export function withQuery(
  path: string,
  language: Language,
  query: Readonly<Record<string, string | undefined>> = {},
): string {
  const [base, hash] = splitHash(path);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, value);
  }
  if (language !== "de") params.set("lang", language);
  const search = params.toString();
  return `${base}${search === "" ? "" : `?${search}`}${hash}`;
}

/** The same request URL in another language (for the language link in the header). */
export function switchLanguage(requestUrl: string, language: Language): string {
  const url = new URL(requestUrl, "http://localhost");
  if (language === "de") url.searchParams.delete("lang");
  else url.searchParams.set("lang", language);
  const search = url.searchParams.toString();
  return `${url.pathname}${search === "" ? "" : `?${search}`}`;
}

function splitHash(path: string): [string, string] {
  const index = path.indexOf("#");
  return index === -1 ? [path, ""] : [path.slice(0, index), path.slice(index)];
}
