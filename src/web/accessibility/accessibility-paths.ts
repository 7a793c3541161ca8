/** The URLs of the accessibility statement, its form and the barrier report, in one place. */

/** Route patterns (Fastify syntax). */
export const ACCESSIBILITY_ROUTES = {
  statement: "/:slug/barrierefreiheit",
  statementJson: "/:slug/barrierefreiheit.json",
  settings: "/:slug/verwaltung/barrierefreiheit",
} as const;

const part = (value: string): string => encodeURIComponent(value);

/** Paths of the pages. */
export const accessibilityPaths = {
  statement: (slug: string): string => `/${part(slug)}/barrierefreiheit`,
  statementJson: (slug: string): string =>
    `/${part(slug)}/barrierefreiheit.json`,
  settings: (slug: string): string =>
    `/${part(slug)}/verwaltung/barrierefreiheit`,
  /** The public form for reporting a barrier (the participation pages). */
  reportBarrier: (slug: string): string => `/${part(slug)}/barriere-melden`,
};
