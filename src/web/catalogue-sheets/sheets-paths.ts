/** The URLs of the catalogue as a spreadsheet (/{kommune}/verwaltung/katalog/tabelle…). */

/** Route patterns (Fastify syntax). */
export const SHEETS_ROUTES = {
  sheets: "/:slug/verwaltung/katalog/tabelle",
  xlsx: "/:slug/verwaltung/katalog/tabelle/katalog.xlsx",
  zip: "/:slug/verwaltung/katalog/tabelle/katalog-csv.zip",
  preview: "/:slug/verwaltung/katalog/tabelle/vorschau/:token",
} as const;

const part = (value: string): string => encodeURIComponent(value);
const base = (slug: string): string =>
  `/${part(slug)}/verwaltung/katalog/tabelle`;

/** Paths of the pages and files. */
export const sheetsPaths = {
  sheets: base,
  xlsx: (slug: string): string => `${base(slug)}/katalog.xlsx`,
  zip: (slug: string): string => `${base(slug)}/katalog-csv.zip`,
  preview: (slug: string, token: string): string =>
    `${base(slug)}/vorschau/${part(token)}`,
};
