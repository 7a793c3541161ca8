/**
 * The URLs of editions (/{kommune}/fortschreibungen/…), of the draft (/{kommune}/entwurf…)
 * and of the reason categories in one place, so that links and routes cannot drift apart.
 * Document URLs are stable: an edition never changes, so neither do its files.
 */

/** Route patterns (Fastify syntax). */
export const EDITION_ROUTES = {
  list: "/:slug/fortschreibungen",
  edition: "/:slug/fortschreibungen/:number",
  project: "/:slug/fortschreibungen/:number/projekte/:projectSlug",
  timeline: "/:slug/fortschreibungen/:number/zeitstrahl",
  changes: "/:slug/fortschreibungen/:number/aenderungen",
  print: "/:slug/fortschreibungen/:number/druckansicht",
  docx: "/:slug/fortschreibungen/:number/katalog.docx",
  pdf: "/:slug/fortschreibungen/:number/katalog.pdf",
  pptx: "/:slug/fortschreibungen/:number/folien.pptx",
  documents: "/:slug/fortschreibungen/:number/dokumente",
  draft: "/:slug/entwurf",
  draftProject: "/:slug/entwurf/projekte/:projectSlug",
  draftTimeline: "/:slug/entwurf/zeitstrahl",
  draftChanges: "/:slug/entwurf/aenderungen",
  draftReason: "/:slug/entwurf/aenderungen/gruende",
  draftForeword: "/:slug/entwurf/vorwort",
  publish: "/:slug/entwurf/veroeffentlichen",
  categories: "/:slug/verwaltung/begruendungen",
  category: "/:slug/verwaltung/begruendungen/:key",
  categoryDelete: "/:slug/verwaltung/begruendungen/:key/loeschen",
} as const;

const part = (value: string | number): string =>
  encodeURIComponent(String(value));
const edition = (slug: string, number: number): string =>
  `/${part(slug)}/fortschreibungen/${number}`;
const draft = (slug: string): string => `/${part(slug)}/entwurf`;

/** Paths of the edition, draft and category pages. */
export const editionPaths = {
  list: (slug: string): string => `/${part(slug)}/fortschreibungen`,
  edition,
  project: (slug: string, number: number, projectSlug: string): string =>
    `${edition(slug, number)}/projekte/${part(projectSlug)}`,
  timeline: (slug: string, number: number): string =>
    `${edition(slug, number)}/zeitstrahl`,
  changes: (slug: string, number: number): string =>
    `${edition(slug, number)}/aenderungen`,
  print: (slug: string, number: number): string =>
    `${edition(slug, number)}/druckansicht`,
  docx: (slug: string, number: number): string =>
    `${edition(slug, number)}/katalog.docx`,
  pdf: (slug: string, number: number): string =>
    `${edition(slug, number)}/katalog.pdf`,
  pptx: (slug: string, number: number): string =>
    `${edition(slug, number)}/folien.pptx`,
  documents: (slug: string, number: number): string =>
    `${edition(slug, number)}/dokumente`,
  draft,
  draftProject: (slug: string, projectSlug: string): string =>
    `${draft(slug)}/projekte/${part(projectSlug)}`,
  draftTimeline: (slug: string): string => `${draft(slug)}/zeitstrahl`,
  draftChanges: (slug: string): string => `${draft(slug)}/aenderungen`,
  draftReason: (slug: string): string => `${draft(slug)}/aenderungen/gruende`,
  draftForeword: (slug: string): string => `${draft(slug)}/vorwort`,
  publish: (slug: string): string => `${draft(slug)}/veroeffentlichen`,
  categories: (slug: string): string =>
    `/${part(slug)}/verwaltung/begruendungen`,
  category: (slug: string, key: string): string =>
    `/${part(slug)}/verwaltung/begruendungen/${part(key)}`,
  categoryDelete: (slug: string, key: string): string =>
    `/${part(slug)}/verwaltung/begruendungen/${part(key)}/loeschen`,
};

/** The id of a shift's reason form on the draft's change page, from the change's key. */
export function reasonFormId(changeKey: string): string {
  return `grund-${changeKey.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;
}
