/** The URLs of the open data pages and files, in one place. */
import type { OpenDataFormat } from "../../exports/open-data/dataset-files.js";

/** Route patterns (Fastify syntax). */
export const OPEN_DATA_ROUTES = {
  page: "/:slug/offene-daten",
  /** A data dictionary (`katalog`) or a file (`katalog.csv`). */
  entry: "/:slug/offene-daten/:name",
  settings: "/:slug/verwaltung/offene-daten",
  /** The button "Jetzt abgleichen" of the settings (OParl). */
  oparlSync: "/:slug/verwaltung/offene-daten/oparl",
  /** catalog.ttl, catalog.rdf, catalog.jsonld */
  dcat: "/:slug/dcat/:file",
  instanceDcat: "/dcat/:file",
  embedProject: "/:slug/einbetten/projekte/:key",
  embedActionField: "/:slug/einbetten/aktionsfelder/:key",
  embedFigure: "/:slug/einbetten/kennzahlen/:key",
  embedCode: "/:slug/verwaltung/einbetten",
  feed: "/:slug/feed.atom",
  projectFeed: "/:slug/projekte/:projectSlug/feed.atom",
} as const;

const part = (value: string): string => encodeURIComponent(value);

/** The id of the open data page's section on following (feeds and e-mail). */
export const FOLLOW_ANCHOR = "folgen";

/** Paths of the pages and files. */
export const openDataPaths = {
  page: (slug: string): string => `/${part(slug)}/offene-daten`,
  /** The section on following, linked from the portal's footer. */
  follow: (slug: string): string =>
    `/${part(slug)}/offene-daten#${FOLLOW_ANCHOR}`,
  dictionary: (slug: string, dataset: string): string =>
    `/${part(slug)}/offene-daten/${part(dataset)}`,
  file: (slug: string, dataset: string, format: OpenDataFormat): string =>
    `/${part(slug)}/offene-daten/${part(dataset)}.${format}`,
  settings: (slug: string): string => `/${part(slug)}/verwaltung/offene-daten`,
  oparlSync: (slug: string): string =>
    `/${part(slug)}/verwaltung/offene-daten/oparl`,
  embedCode: (slug: string): string => `/${part(slug)}/verwaltung/einbetten`,
  feed: (slug: string): string => `/${part(slug)}/feed.atom`,
  projectFeed: (slug: string, project: string): string =>
    `/${part(slug)}/projekte/${part(project)}/feed.atom`,
  dcat: (slug: string, extension: "ttl" | "rdf" | "jsonld"): string =>
    `/${part(slug)}/dcat/catalog.${extension}`,
};

/** Paths of the embeds. */
export const embedPaths = {
  project: (slug: string, project: string): string =>
    `/${part(slug)}/einbetten/projekte/${part(project)}`,
  actionField: (slug: string, field: string): string =>
    `/${part(slug)}/einbetten/aktionsfelder/${part(field)}`,
  figure: (slug: string, key: string): string =>
    `/${part(slug)}/einbetten/kennzahlen/${part(key)}`,
  code: (slug: string): string => `/${part(slug)}/verwaltung/einbetten`,
};
