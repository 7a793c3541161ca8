/**
 * Which state of the programme a portal page shows and where its links lead: what is
 * published (the latest edition, or the current state before the first one), an older
 * edition under /{kommune}/fortschreibungen/{n}, or the draft under /{kommune}/entwurf.
 * The same pages serve all three; links stay inside the state being read.
 */
import { editionTitleIn } from "../../i18n/edition-title.js";
import type { ViewContext } from "../components/view.js";
import type { EditionSummary } from "../../domain/edition/edition.js";
import { editionPaths } from "../edition/edition-paths.js";
import { paths } from "./paths.js";

/** The state of the programme a page shows. */
export interface PortalScope {
  readonly kind: "published" | "edition" | "draft";
  readonly municipalitySlug: string;
  /** The overview page of this state. */
  readonly home: string;
  readonly project: (projectSlug: string) => string;
  readonly timeline: string;
  /** The search covers what is published only. */
  readonly search: string | null;
  /** The edition shown: the latest for "published" (null before the first), the one read for "edition", null for the draft. */
  readonly edition: EditionSummary | null;
  /** Every edition, oldest first. */
  readonly editions: readonly EditionSummary[];
}

/** What the public portal shows. */
export function publishedScope(
  slug: string,
  edition: EditionSummary | null,
  editions: readonly EditionSummary[],
): PortalScope {
  return {
    kind: "published",
    municipalitySlug: slug,
    home: paths.municipality(slug),
    project: (projectSlug) => paths.project(slug, projectSlug),
    timeline: paths.timeline(slug),
    search: paths.search(slug),
    edition,
    editions,
  };
}

/** One edition, read by its number. */
export function editionScope(
  slug: string,
  edition: EditionSummary,
  editions: readonly EditionSummary[],
): PortalScope {
  return {
    kind: "edition",
    municipalitySlug: slug,
    home: editionPaths.edition(slug, edition.number),
    project: (projectSlug) =>
      editionPaths.project(slug, edition.number, projectSlug),
    timeline: editionPaths.timeline(slug, edition.number),
    search: null,
    edition,
    editions,
  };
}

/** The draft (staff and committee only). */
export function draftScope(
  slug: string,
  editions: readonly EditionSummary[],
): PortalScope {
  return {
    kind: "draft",
    municipalitySlug: slug,
    home: editionPaths.draft(slug),
    project: (projectSlug) => editionPaths.draftProject(slug, projectSlug),
    timeline: editionPaths.draftTimeline(slug),
    search: null,
    edition: null,
    editions,
  };
}

/** The anchor of an impact area or action field on the overview of a scope. */
export function anchorIn(
  scope: PortalScope,
  kind: "wirkungsbereich" | "aktionsfeld",
  key: string,
): string {
  return `${scope.home}#${kind}-${encodeURIComponent(key)}`;
}

/** Editions older than the one a scope shows (all for the draft): what its timeline can be compared with. */
export function comparableEditions(
  scope: PortalScope,
): readonly EditionSummary[] {
  if (scope.kind === "draft") return scope.editions;
  const shown = scope.edition;
  return shown === null
    ? []
    : scope.editions.filter((edition) => edition.number < shown.number);
}

/**
 * A page's own title with the state it shows, so that the current, an edition's and the
 * draft's view of the same page have titles of their own (WCAG 2.4.2): "Zeitstrahl" for
 * the published programme, "Zeitstrahl – 1. Fortschreibung", "Zeitstrahl – Entwurf". A
 * page whose title is the programme's own gets the state alone (the layout adds the
 * programme's title after it).
 */
export function titleInScope(
  view: ViewContext,
  scope: PortalScope,
  title: string,
  programmeTitle?: string,
): string {
  const state =
    scope.kind === "draft"
      ? view.t.edition.draftTitle
      : scope.kind === "edition" && scope.edition !== null
        ? editionTitleIn(view.lang, scope.edition.title)
        : null;
  if (state === null) return title;
  return title === programmeTitle ? state : `${title} – ${state}`;
}
