/**
 * The query strings the portal accepts. Values that need the catalogue to be checked
 * (filters) are plain strings here and checked by parseCatalogueFilter; the search
 * query's length rule lives in the search use case, so that it holds for every caller.
 */
import { Type, type Static } from "@sinclair/typebox";

const Language = Type.Optional(
  Type.String({ maxLength: 10, description: "de (Standard) oder en" }),
);

/** Query of every portal page. */
export const PageQuerySchema = Type.Object({ lang: Language });
export type PageQuery = Static<typeof PageQuerySchema>;

/** Query of the list of municipalities: a search and the page. */
export const HomeQuerySchema = Type.Object({
  lang: Language,
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: "Teil des Namens einer Kommune",
    }),
  ),
  seite: Type.Optional(
    Type.String({ maxLength: 6, description: "Seite der Liste, ab 1" }),
  ),
});

/** Query of the timeline: the filters. */
export const TimelineQuerySchema = Type.Object({
  lang: Language,
  aktionsfeld: Type.Optional(
    Type.String({
      maxLength: 100,
      description: "Schlüssel eines Aktionsfelds",
    }),
  ),
  einheit: Type.Optional(
    Type.String({
      maxLength: 100,
      description: "Kürzel einer Organisationseinheit",
    }),
  ),
  status: Type.Optional(
    Type.String({ maxLength: 100, description: "Status eines Projekts" }),
  ),
  vergleich: Type.Optional(
    Type.String({
      maxLength: 10,
      description: "Nummer einer früheren Fortschreibung zum Vergleich",
    }),
  ),
});
export type TimelineQuery = Static<typeof TimelineQuerySchema>;

/** Query of the search page. */
export const SearchQuerySchema = Type.Object({
  lang: Language,
  q: Type.Optional(Type.String({ description: "Suchbegriff" })),
});
export type SearchQuery = Static<typeof SearchQuerySchema>;

/** URL parameters of a municipality's pages. */
export const MunicipalityParamsSchema = Type.Object({ slug: Type.String() });

/** URL parameters of a project page. */
export const ProjectParamsSchema = Type.Object({
  slug: Type.String(),
  projectSlug: Type.String(),
});
